import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterText, beforeText, diffLists, itemFields } from '../../src/align/index.js';
import { importFile } from '../../src/ingest/index.js';
import { POWER_TYPES, type PowerItem, type PowerList, toPowerType } from '../../src/model/index.js';
import { type SampleName, samplePath } from '../helpers/samples.js';

/**
 * Random edits applied to a real sample list must come back exactly from the diff: which
 * items were removed, added, renamed, which fields changed (with a character diff that
 * rebuilds both texts), and a moved set no larger than the moves made.
 */

/** Characters no sample name uses, so a generated name never resembles a real one. */
const FOREIGN = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'];
const TEXT = [...'对的处罚检查保密第二十八条1230号，。《》 \n'];
const foreign = (min: number, max: number) => fc.array(fc.constantFrom(...FOREIGN), { minLength: min, maxLength: max }).map((cs) => cs.join(''));
const text = (min: number, max: number) => fc.array(fc.constantFrom(...TEXT, ...FOREIGN), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

const EDITABLE = ['remark', 'office', 'subject', 'basis', 'duties', 'accountability', 'exemption', 'powerType'] as const;
type Editable = (typeof EDITABLE)[number];

interface Edits {
  remove: number[];
  rename: { at: number; name: string }[];
  change: { at: number; field: Editable; pos: number; del: number; ins: string }[];
  add: { at: number; name: string; remark: string }[];
  moves: { from: number; to: number }[];
}

const edits = (n: number): fc.Arbitrary<Edits> =>
  fc.record({
    remove: fc.uniqueArray(fc.nat(n - 1), { maxLength: 3 }),
    rename: fc.uniqueArray(fc.record({ at: fc.nat(n - 1), name: foreign(4, 10) }), { maxLength: 3, selector: (r) => r.at }),
    change: fc.array(fc.record({ at: fc.nat(n - 1), field: fc.constantFrom(...EDITABLE), pos: fc.nat(), del: fc.nat(6), ins: text(1, 8) }), { maxLength: 5 }),
    add: fc.array(fc.record({ at: fc.nat(), name: foreign(4, 10), remark: foreign(25, 40) }), { maxLength: 3 }),
    moves: fc.array(fc.record({ from: fc.nat(), to: fc.nat() }), { maxLength: 3 }),
  });

function editText(original: string, pos: number, del: number, ins: string): string {
  const chars = Array.from(original);
  const at = pos % (chars.length + 1);
  chars.splice(at, del, ins);
  return chars.join('');
}

function changeField(item: PowerItem, field: Editable, pos: number, del: number, ins: string): PowerItem {
  if (field === 'powerType') {
    const next = POWER_TYPES[(POWER_TYPES.indexOf(item.powerType.type ?? '行政许可') + 1 + (pos % 5)) % POWER_TYPES.length] as string;
    return { ...item, powerType: toPowerType(next) };
  }
  const current = item[field];
  const before = current?.text ?? '';
  const after = editText(before, pos, del, ins);
  // Only `text` changes: the diff compares what a reader sees.
  return { ...item, [field]: current ? { ...current, text: after } : { text: after, raw: after, flags: [] } } as PowerItem;
}

function freshItem(name: string, remark: string, template: PowerItem): PowerItem {
  return {
    seq: null,
    powerType: toPowerType('行政裁决'),
    name: { text: `对${name}的裁决`, raw: name, flags: [] },
    remark: { text: remark, raw: remark, flags: [] },
    extra: {},
    provenance: template.provenance,
  };
}

interface Edited {
  list: PowerList;
  /** For each item of the edited list, the index it came from, or null when added. */
  origins: (number | null)[];
  renamed: Set<number>;
}

function apply(list: PowerList, e: Edits): Edited {
  const removed = new Set(e.remove);
  const renamed = new Set(e.rename.map((r) => r.at).filter((at) => !removed.has(at)));
  let rows = list.items.map((item, origin) => ({ item, origin: origin as number | null }));
  for (const r of e.rename) {
    if (!renamed.has(r.at)) continue;
    const row = rows[r.at] as { item: PowerItem; origin: number | null };
    row.item = { ...row.item, name: { ...row.item.name, text: `对${r.name}的检查` } };
  }
  for (const c of e.change) {
    if (removed.has(c.at) || renamed.has(c.at)) continue;
    const row = rows[c.at] as { item: PowerItem; origin: number | null };
    row.item = changeField(row.item, c.field, c.pos, c.del, c.ins);
  }
  rows = rows.filter((row) => !removed.has(row.origin as number));
  for (const m of e.moves) {
    if (rows.length < 2) break;
    const [row] = rows.splice(m.from % rows.length, 1);
    rows.splice(m.to % (rows.length + 1), 0, row as (typeof rows)[number]);
  }
  e.add.forEach((a, k) => {
    rows.splice(a.at % (rows.length + 1), 0, { item: freshItem(`${a.name}${FOREIGN[k]}`, a.remark, list.items[0] as PowerItem), origin: null });
  });
  return { list: { ...list, items: rows.map((r) => r.item) }, origins: rows.map((r) => r.origin), renamed };
}

describe.each(['mima', 'liangzhou', 'baomi'] as SampleName[])('diff recovers random edits of sample %s', (sample) => {
  let original: PowerList;
  beforeAll(async () => {
    original = await importFile(samplePath(sample));
  });

  it('has items with distinct names and distinct content (so every edit is identifiable)', () => {
    const names = original.items.map((i) => `${i.name.text}|${i.subItem?.text ?? ''}`);
    expect(new Set(names).size).toBe(names.length);
    const contents = original.items.map((i) => JSON.stringify(itemFields(i).filter((f) => f.field !== 'name' && f.field !== 'subItem')));
    expect(new Set(contents).size).toBe(contents.length);
  });

  it('reports exactly the edits applied', () => {
    fc.assert(
      fc.property(edits(original.items.length), (e) => {
        const edited = apply(original, e);
        const diff = diffLists(original, edited.list);

        const kept = diff.entries.flatMap((x) => (x.kind === 'kept' ? [[x.old.index, x.new.index]] : []));
        const expectedKept = edited.origins.flatMap((origin, j) => (origin === null ? [] : [[origin, j]]));
        expect(kept.sort((p, q) => (p[0] as number) - (q[0] as number))).toEqual(expectedKept.sort((p, q) => (p[0] as number) - (q[0] as number)));

        const survivors = new Set(edited.origins);
        const removed = diff.entries.flatMap((x) => (x.kind === 'removed' ? [x.old.index] : []));
        expect(removed).toEqual(original.items.map((_, i) => i).filter((i) => !survivors.has(i)));
        const added = diff.entries.flatMap((x) => (x.kind === 'added' ? [x.new.index] : []));
        expect(added).toEqual(edited.origins.flatMap((origin, j) => (origin === null ? [j] : [])));

        for (const entry of diff.entries) {
          if (entry.kind !== 'kept') continue;
          const before = itemFields(original.items[entry.old.index] as PowerItem);
          const after = itemFields(edited.list.items[entry.new.index] as PowerItem);
          const differing = before.filter((f, k) => f.text !== after[k]?.text).map((f) => f.field);
          expect(entry.changes.map((c) => c.field)).toEqual(differing);
          expect(entry.renamed).toBe(edited.renamed.has(entry.old.index));
          for (const change of entry.changes) {
            expect(beforeText(change.segments)).toBe(before.find((f) => f.field === change.field)?.text);
            expect(afterText(change.segments)).toBe(after.find((f) => f.field === change.field)?.text);
          }
        }
        expect(diff.counts.moved).toBeLessThanOrEqual(e.moves.length);
        expect(diff.entries.length).toBe(original.items.length + diff.counts.added);
      }),
      { numRuns: 150 },
    );
  });
});
