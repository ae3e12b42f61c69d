import { describe, expect, it } from 'vitest';
import type { DutyBasis, Provision } from '../model/index.js';
import { cleanCell } from './cell-text.js';
import { parseDutyBasis } from './duty-basis.js';
import { DUTY_BASIS_FIXTURES } from './fixtures/duty-basis.js';
import { parseProvisions } from './provisions.js';
import { expectDutyBasis } from './testing/expect-parse.js';
import { cleanSampleCells } from './testing/sample-cells.js';

describe('parseDutyBasis on sample fragments', () => {
  it.each(DUTY_BASIS_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const text = f.html ? cleanCell(f.input).text : f.input;
    const list = parseDutyBasis(text);
    expectDutyBasis(list, f.expected);
    for (const e of list.entries) {
      expect(text.slice(e.span[0], e.span[1])).toBe(e.raw);
      for (const p of e.provisions) {
        expect(text.slice(p.span[0], p.span[1])).toBe(p.raw);
        expect(p.span[0]).toBeGreaterThanOrEqual(e.span[0]);
        expect(p.span[1]).toBeLessThanOrEqual(e.span[1]);
      }
    }
  });
});

describe('parseDutyBasis', () => {
  it('reads a key after a full stop only before a provision or 同N', () => {
    const list = parseDutyBasis('1.【法律】《甲法》第一条 甲。2.同1。3.【法律】《甲法》第二条 乙；4.《甲法》第三条 丙。5.依法处理。');
    expect(list.entries.map((e) => [e.key, e.sameAs ?? null, e.provisions.flatMap((p) => p.refs.map((r) => r.article))])).toEqual([
      ['1', null, [1]],
      ['2', 1, []],
      ['3', null, [2]],
      ['4', null, [3]],
    ]);
    expect(list.entries[3]?.text).toBe('《甲法》第三条 丙。5.依法处理。');
  });

  it('reads 同N in its spellings', () => {
    const list = parseDutyBasis('1.【法律】《甲法》第一条 甲。\n2.同1\n3.同 1。\n4.同1-1.\n5．同１。');
    expect(list.entries.map((e) => e.sameAs)).toEqual([undefined, 1, 1, 1, 1]);
    expect(list.entries.map((e) => e.key)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps an entry whose body cites nothing, with its text', () => {
    const list = parseDutyBasis('1.依照有关规定执行。');
    expect(list.entries[0]).toMatchObject({ key: '1', step: 1, provisions: [], text: '依照有关规定执行。' });
    expect(list.residue).toEqual([]);
  });
});

/** Cells keyed to steps: 责任事项依据 and 追责依据 of 003, and the cells of 000/001 that open with a key and a provision. */
const KEYED_CELLS = cleanSampleCells().filter(({ header, text }) => ['责任事项依据', '追责依据'].includes(header ?? '') || (header === undefined && /^\d+(?:[-－]\d+)?[.．]【/.test(text)));

const entryView = (e: DutyBasis) => ({
  key: e.key,
  step: e.step,
  sub: e.sub,
  sameAs: e.sameAs,
  provisions: e.provisions.map((p) => [p.title, p.refs.map((r) => r.raw)]),
});
const provisionView = (p: Provision) => [p.label?.replace(/\s+/g, ''), p.sameAs, p.title, p.refs.map((r) => r.raw)];

describe('parseDutyBasis on the real keyed cells, rewritten', () => {
  it('finds the cells', () => {
    expect(KEYED_CELLS.length).toBeGreaterThan(50);
  });

  it('reads a key a line break cut at its hyphen ("2-⏎1." "2⏎-1.", padded as PDF text lays it out) as the whole key', () => {
    let variants = 0;
    // Layouts pad both sides of the break: "2-       ⏎       1." is a real shape.
    const breaks = ['\n', '       \n       ', ' \t\r\n\t '];
    for (const c of KEYED_CELLS) {
      const original = parseDutyBasis(c.text).entries;
      for (const e of original.filter((x) => x.sub !== undefined)) {
        const hyphen = e.span[0] + e.raw.search(/[-－]/);
        const cuts = breaks.flatMap((b) => [`${c.text.slice(0, hyphen + 1)}${b}${c.text.slice(hyphen + 1)}`, `${c.text.slice(0, hyphen)}${b}${c.text.slice(hyphen)}`]);
        for (const broken of cuts) {
          variants++;
          expect(parseDutyBasis(broken).entries.map(entryView), `${c.where} ${e.key}`).toEqual(original.map(entryView));
        }
      }
    }
    expect(variants).toBeGreaterThan(120);
  });

  it('reads keys run together after a full stop ("…。2.同1。3.【…") as it reads them on separate lines', () => {
    let joined = 0;
    for (const c of KEYED_CELLS) {
      const original = parseDutyBasis(c.text).entries;
      const provisions = parseProvisions(c.text).provisions;
      let text = c.text;
      // From the last entry back, so the offsets of the ones before stay true.
      for (let i = original.length - 1; i > 0; i--) {
        const prev = original[i - 1];
        const entry = original[i];
        if (!prev || !entry || !/[。；;]$/.test(prev.raw)) continue;
        text = text.slice(0, prev.span[1]) + text.slice(entry.span[0]);
        joined++;
      }
      expect(parseDutyBasis(text).entries.map(entryView), c.where).toEqual(original.map(entryView));
      expect(parseProvisions(text).provisions.map(provisionView), c.where).toEqual(provisions.map(provisionView));
    }
    expect(joined).toBeGreaterThan(100);
  });
});
