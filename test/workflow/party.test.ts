import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseStore, isCaseError, openCaseForFileItem, openCaseStore } from '../../src/workflow/cases/index.js';
import { BAOMI, movableClock, rawSql, sample, tempSqlite, testCalendar } from './helpers.js';

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
    expect(Object.keys(data).sort()).toEqual([...OPENED_KEYS, 'party'].sort());
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
});
