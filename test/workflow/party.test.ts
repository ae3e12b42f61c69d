import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseStore, isCaseError, openCaseForFileItem, openCaseStore } from '../../src/workflow/cases/index.js';
import { BAOMI, createTestDatabase, movableClock, rawSql, sample, skipPostgres, tempSqlite, testCalendar } from './helpers.js';

/** What an 立案 event recorded before parties were: an event without a party must hash exactly as these did. */
const OPENED_KEYS = ['department', 'dues', 'itemRef', 'on', 'processId', 'processVersion', 'snapshotSm3', 'start', 'steps', 'title'];

describe('a case’s party in the event chain', () => {
  const url = tempSqlite();
  const clock = movableClock('2025-05-06');
  let store: CaseStore;
  const open = async () => openCaseStore(url, { calendar: await testCalendar(), clock });
  const opened = async (id: string) => {
    const event = (await store.caseEvents(id))[0];
    expect(event?.kind).toBe('opened');
    return { event, data: JSON.parse(event?.data ?? '{}') as Record<string, unknown> };
  };

  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store?.disconnect();
  });

  it('records the party in the opening event and the state; a case without one records the fields it always did', async () => {
    const baomi = await sample(BAOMI);
    const plain = await openCaseForFileItem(store, baomi, 0);
    const withParty = await openCaseForFileItem(store, baomi, 0, { party: { name: '乌鲁木齐市天山区红旗幼儿园', kind: 'organisation', contact: '0991-2345678' } });

    expect(plain.state).not.toHaveProperty('party');
    expect(Object.keys((await opened(plain.state.id)).data).sort()).toEqual(OPENED_KEYS);

    expect(withParty.state.party).toEqual({ name: '乌鲁木齐市天山区红旗幼儿园', kind: 'organisation', contact: '0991-2345678' });
    const { data } = await opened(withParty.state.id);
    expect(data.party).toEqual(withParty.state.party);
    expect(Object.keys(data).sort()).toEqual([...OPENED_KEYS, 'party', 'partySalt'].sort());
    // Advancing keeps the party in the state the later events build.
    expect((await store.advance(withParty.state.id)).state.party).toEqual(withParty.state.party);

    const report = await store.verify();
    expect(report).toMatchObject({ ok: true, cases: 2 });
    expect(report.mismatches).toEqual([]);
  });

  it('refuses a party the store cannot record, as it refuses any bad input', async () => {
    const baomi = await sample(BAOMI);
    const before = (await store.verify()).events;
    for (const party of [{ name: '张\u202e三', kind: 'person' }, { name: '', kind: 'person' }, { name: '张三', kind: 'someone' }]) {
      const error = await openCaseForFileItem(store, baomi, 0, { party: party as never }).catch((e: unknown) => e);
      expect(isCaseError(error) && error.code, JSON.stringify(party)).toBe('invalid-input');
    }
    expect((await store.verify()).events).toBe(before);
  });

  it('breaks the chain when a party is edited in the log, and is whole again once it is put back', async () => {
    await store.disconnect();
    const edit = (from: string, to: string) => rawSql(url, [`update case_event set data = replace(data, '${from}', '${to}') where kind = 'opened'`]);
    await edit('红旗幼儿园', '红星幼儿园');
    store = await open();
    const report = await store.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toMatchObject({ kind: 'edited' });
    await store.disconnect();
    await edit('红星幼儿园', '红旗幼儿园');
    store = await open();
    expect((await store.verify()).ok).toBe(true);
  });

  it('reports a party column edited in the case row without the name or contact, which GET /api/audit/verify shows anyone', async () => {
    const id = (await store.listCases()).items.find((c) => c.party !== undefined)?.id as string;
    const row = (column: string, value: string) => rawSql(url, [`update "case" set ${column} = ${value} where id = '${id}'`]);
    for (const [column, value, original] of [
      ['party_name', `'红星幼儿园'`, `'乌鲁木齐市天山区红旗幼儿园'`],
      ['party_contact', `'0991-7654321'`, `'0991-2345678'`],
    ] as const) {
      await row(column, value);
      const report = await store.verify();
      expect(report.ok, column).toBe(false);
      expect(report.mismatches, column).toEqual([expect.stringContaining(`（${column}）与事件记录不符（被直接修改）；内容属个人信息，报告中不显示`)]);
      const text = JSON.stringify(report);
      for (const personal of ['红星', '红旗', '7654321', '2345678']) expect(text, column).not.toContain(personal);
      await row(column, original);
    }
    expect((await store.verify()).ok).toBe(true);
  });
});

const skipPg = await skipPostgres();

/**
 * The party in the case row (migration 0004-case-party): written with every case opened
 * since, and filled from the 立案 events of cases opened before the column was there.
 */
function partyColumnSuite(name: string, backend: () => Promise<{ url: string; cleanup(): Promise<void> }>) {
  describe(name, () => {
    const clock = movableClock('2025-05-06');
    let url = '';
    let cleanup = async () => {};
    const open = async () => openCaseStore(url, { calendar: await testCalendar(), clock });
    const CONTACT = { name: '乌鲁木齐市天山区红旗幼儿园', kind: 'organisation', contact: '0991-2345678' } as const;
    const PERSON = { name: '欧阳娜娜', kind: 'person' } as const;

    beforeAll(async () => {
      ({ url, cleanup } = await backend());
    });
    afterAll(async () => cleanup());

    it('lists each case with its party in full, fills the party of cases opened before the column from their 立案 event, and verifies', async () => {
      const baomi = await sample(BAOMI);
      let store = await open();
      const ids: string[] = [];
      try {
        ids.push((await openCaseForFileItem(store, baomi, 0, { party: CONTACT })).state.id);
        ids.push((await openCaseForFileItem(store, baomi, 0)).state.id);
        const person = (await openCaseForFileItem(store, baomi, 0, { party: PERSON })).state.id;
        ids.push(person);
        // Later events rewrite the row; the party stays.
        await store.advance(person);
        const listed = async () => new Map((await store.listCases()).items.map((c) => [c.id, c.party]));
        const want = new Map<string, unknown>([
          [ids[0] as string, CONTACT],
          [ids[1] as string, undefined],
          [person, PERSON],
        ]);
        expect(await listed()).toEqual(want);
        expect((await store.getCase(person))?.summary.party).toEqual(PERSON);
        await store.disconnect();

        // The database as it was before 0004: no party columns, the migration not applied.
        await rawSql(url, [
          ...['party_name', 'party_kind', 'party_contact'].map((c) => `alter table "case" drop column ${c}`),
          `delete from workflow_migration where name = '0004-case-party'`,
        ]);
        store = await open();
        expect(await listed()).toEqual(want);
        const report = await store.verify();
        expect(report.mismatches).toEqual([]);
        expect(report).toMatchObject({ ok: true, cases: 3 });
      } finally {
        await store.disconnect();
      }
    });
  });
}

partyColumnSuite('the party column on SQLite', async () => ({ url: tempSqlite(), cleanup: async () => {} }));

describe.skipIf(skipPg)('PostgreSQL', () => {
  partyColumnSuite('the party column on PostgreSQL', async () => {
    const db = await createTestDatabase('party');
    return { url: db.url, cleanup: () => db.drop() };
  });
});
