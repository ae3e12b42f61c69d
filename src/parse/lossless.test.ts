import { describe, expect, it } from 'vitest';
import { parseAccountability } from './accountability.js';
import { cleanCell } from './cell-text.js';
import { checkCreditCode } from './credit-code.js';
import { parseDuties } from './duties.js';
import { parseDutyBasis } from './duty-basis.js';
import { parseLocalCode } from './local-code.js';
import { parseProvisions } from './provisions.js';
import { allProblems } from './testing/lossless.js';
import { type SampleCell, sampleCells, TABLE_SAMPLES } from './testing/sample-cells.js';

const CELLS: SampleCell[] = TABLE_SAMPLES.flatMap((id) => sampleCells(id));
const byHeader = (...headers: string[]) => CELLS.filter((c) => c.header !== undefined && headers.includes(c.header) && c.raw.trim() !== '');
const clean = (c: SampleCell) => cleanCell(c.raw).text;
const where = (c: SampleCell) => `${c.sample} #${c.index} ${c.header ?? ''}`;

describe('every grammar is lossless on every cell of every sample', () => {
  it.each(TABLE_SAMPLES.map((id) => [id]))('%s, cleaned cells and raw cells', (id) => {
    const problems: string[] = [];
    for (const c of CELLS.filter((x) => x.sample === id)) {
      for (const text of [clean(c), c.raw]) problems.push(...allProblems(text).map((p) => `${where(c)}: ${p}`));
    }
    expect(problems).toEqual([]);
  });
});

/** 003 and 004 name their columns, so each column gets its own grammar and a stricter check. */
describe('column grammars on the named columns of 003 and 004', () => {
  it('reads every 实施依据 into titled provisions with no residue', () => {
    const cells = byHeader('实施依据');
    expect(cells.length).toBe(7 + 14);
    for (const c of cells) {
      const r = parseProvisions(clean(c));
      expect(r.residue, where(c)).toEqual([]);
      expect(r.provisions.length, where(c)).toBeGreaterThan(0);
      for (const p of r.provisions) expect(p.level ?? p.title, where(c)).toBeDefined();
    }
  });

  it('reads every 责任事项 into steps numbered from 1, each named', () => {
    const cells = byHeader('责任事项', '责任事项内容');
    expect(cells.length).toBe(7 + 14);
    for (const c of cells) {
      const r = parseDuties(clean(c));
      expect(r.residue, where(c)).toEqual([]);
      expect(r.duties.map((d) => d.no), where(c)).toEqual(r.duties.map((_, i) => i + 1));
      for (const d of r.duties) expect(d.name, where(c)).not.toBe('');
    }
  });

  it('reads every 责任事项依据 into keyed entries with provisions or 同N', () => {
    const cells = byHeader('责任事项依据');
    expect(cells.length).toBe(7);
    for (const c of cells) {
      const r = parseDutyBasis(clean(c));
      expect(r.residue, where(c)).toEqual([]);
      expect(r.entries.length, where(c)).toBeGreaterThan(0);
      for (const e of r.entries) expect(e.sameAs !== undefined || e.provisions.length > 0, `${where(c)} ${e.key}`).toBe(true);
    }
  });

  it('reads every 追责情形 into a preamble and situations numbered from 1', () => {
    const cells = byHeader('追责情形');
    expect(cells.length).toBe(7 + 14);
    for (const c of cells) {
      const r = parseAccountability(clean(c));
      expect(r.residue, where(c)).toEqual([]);
      expect(r.preamble, where(c)).toMatch(/[：:]$/);
      expect(r.situations.map((s) => Number.parseInt(s.label, 10)), where(c)).toEqual(r.situations.map((_, i) => i + 1));
    }
  });

  it('reads every 追责依据 into provisions with no residue', () => {
    const cells = byHeader('追责依据');
    expect(cells.length).toBe(7);
    for (const c of cells) {
      const r = parseProvisions(clean(c));
      expect(r.residue, where(c)).toEqual([]);
      expect(r.provisions[0]?.title, where(c)).toBeDefined();
    }
  });

  it('reads every 地方权力编码 of 004, whose credit code checks', () => {
    const cells = byHeader('地方权力编码');
    expect(cells.length).toBe(14);
    for (const c of cells) {
      const code = parseLocalCode(clean(c));
      expect(code.typeSegment, where(c)).toMatch(/^(02|10)$/);
      expect(checkCreditCode(code.creditCode ?? '').valid, where(c)).toBe(true);
    }
  });
});

/** 000 and 001 carry no header; their cells are recognised by how they begin. */
describe('column grammars on the cells of 000 and 001', () => {
  const cells = CELLS.filter((c) => c.sample === '000' || c.sample === '001').map((c) => ({ c, text: clean(c) }));

  it('reads every cell that opens with a provision without residue', () => {
    const basis = cells.filter(({ text }) => /^(?:\d+(?:[-－]\d+)?[.．])?【/.test(text));
    expect(basis.length).toBeGreaterThan(80);
    for (const { c, text } of basis) {
      expect(parseProvisions(text).residue, where(c)).toEqual([]);
      expect(parseDutyBasis(text).residue.length === 0 || !/^\d/.test(text), where(c)).toBe(true);
    }
  });

  it('reads every 责任事项 cell into named steps numbered from 1', () => {
    const duties = cells.filter(({ text }) => /^1[.．]\S{1,10}责任[（(：]/.test(text));
    expect(duties.length).toBe(19 + 13);
    for (const { c, text } of duties) {
      const r = parseDuties(text);
      expect(r.duties.map((d) => d.no), where(c)).toEqual(r.duties.map((_, i) => i + 1));
      for (const d of r.duties) expect(d.name, where(c)).not.toBe('');
    }
  });

  it('reads every 追责情形 cell into situations, each with the body that pursues it', () => {
    const acc = cells.filter(({ text }) => text.startsWith('因不履行或不正确履行'));
    expect(acc.length).toBe(19 + 13);
    for (const { c, text } of acc) {
      const r = parseAccountability(text);
      expect(r.situations.length, where(c)).toBeGreaterThan(2);
      expect(r.situations.map((s) => Number.parseInt(s.label, 10)), where(c)).toEqual(r.situations.map((_, i) => i + 1));
      for (const s of r.situations) expect(s.pursuer, `${where(c)} ${s.label}`).toMatch(/^(机关纪委|秘书处)$/);
    }
  });
});
