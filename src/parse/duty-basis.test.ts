import { describe, expect, it } from 'vitest';
import { cleanCell } from './cell-text.js';
import { parseDutyBasis } from './duty-basis.js';
import { DUTY_BASIS_FIXTURES } from './fixtures/duty-basis.js';
import { expectDutyBasis } from './testing/expect-parse.js';

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
