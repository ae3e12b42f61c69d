import { describe, expect, it } from 'vitest';
import type { Duty } from '../model/index.js';
import { cleanCell } from './cell-text.js';
import { dutyName, parseDuties } from './duties.js';
import { DUTY_FIXTURES } from './fixtures/duties.js';
import { expectDuties } from './testing/expect-parse.js';
import { cleanSampleCells } from './testing/sample-cells.js';

describe('parseDuties on sample fragments', () => {
  it.each(DUTY_FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
    const text = f.html ? cleanCell(f.input).text : f.input;
    const list = parseDuties(text);
    expectDuties(list, f.expected);
    for (const d of list.duties) expect(text.slice(d.span[0], d.span[1])).toBe(d.raw);
  });
});

describe('parseDuties', () => {
  it('keeps the preamble before step 1', () => {
    const list = parseDuties('本事项责任如下：\n1.受理责任：受理。\n2.审查责任：审查。');
    expect(list.preamble).toBe('本事项责任如下：');
    expect(list.duties.map((d) => d.name)).toEqual(['受理', '审查']);
  });

  it('does not split a step at a number inside it', () => {
    const list = parseDuties('1.送达责任：决定书在7日内送达。 8.当事人 2.执行责任：执行。');
    expect(list.duties.map((d) => d.no)).toEqual([1, 2]);
    expect(list.duties[0]?.text).toBe('决定书在7日内送达。 8.当事人');
  });

  it('splits steps run together after 。 or ； only in sequence', () => {
    const list = parseDuties('1.立案责任：决定是否立案。3.调查责任：调查。2.调查责任：调查取证；3.其他责任。');
    expect(list.duties.map((d) => [d.no, d.name, d.text])).toEqual([
      [1, '立案', '决定是否立案。3.调查责任：调查。'],
      [2, '调查', '调查取证；'],
      [3, '其他', ''],
    ]);
  });

  it('numbers steps in one style: a "（一）" inside a step numbered "1." starts nothing, and sub-numbers never do', () => {
    const list = parseDuties('1.审查责任：审查下列事项：（一）材料；（二）现场。1-1.复核；2.决定责任：决定。');
    expect(list.duties.map((d) => d.no)).toEqual([1, 2]);
    const paren = parseDuties('（一）审查责任：审查；1.材料；2.现场。（二）决定责任：决定。');
    expect(paren.duties.map((d) => [d.no, d.name])).toEqual([
      [1, '审查'],
      [2, '决定'],
    ]);
  });

  it('does not split inside 《…》 or “…”, even where the steps have no headings', () => {
    const list = parseDuties('1.制作《决定书；2.样式》并依照“第一项；2.第二项”办理；2.执行决定。');
    expect(list.duties.map((d) => [d.no, d.text])).toEqual([
      [1, '制作《决定书；2.样式》并依照“第一项；2.第二项”办理；'],
      [2, '执行决定。'],
    ]);
  });

  it('puts a cell without numbered steps in residue', () => {
    const list = parseDuties('负责本行政区域内的监督检查。');
    expect(list.duties).toEqual([]);
    expect(list.residue).toEqual([{ text: '负责本行政区域内的监督检查。', span: [0, 14], reason: '未识别出编号的责任步骤' }]);
  });

  it.each([
    ['立案责任', '立案'],
    ['组织开展约谈、听证的责任', '组织开展约谈、听证'],
    ['法律法规规章文件规定的其他应履行的责任', '其他'],
    ['事后监管责任', '事后监管'],
  ])('names %s as %s', (heading, name) => {
    expect(dutyName(heading)).toBe(name);
  });
});

/** The 责任事项 cells of the samples: the named columns of 003/004, the cells of 000/001 that open with step 1. */
const CELLS = cleanSampleCells();
const DUTY_CELLS = CELLS.filter(({ header, text }) => header === '责任事项' || header === '责任事项内容' || (header === undefined && /^1[.．]\S{1,10}责任[（(：]/.test(text)));

/** Cells that cite provisions: the named basis columns of 003/004, the cells of 000/001 that open with one. */
const PROVISION_CELLS = CELLS.filter(({ header, text }) => ['实施依据', '责任事项依据', '追责依据'].includes(header ?? '') || (header === undefined && /^(?:\d+(?:[-－]\d+)?[.．])?【/.test(text)));

const STOP_END = /[。；;]$/;
const view = (d: Duty) => ({ no: d.no, name: d.name, heading: d.heading, unit: d.unit, text: d.text, documents: d.documents });

/**
 * A real cell rewritten with its steps run together: the line break (or space) between a step
 * that ends with 。/； and the next is dropped; `label` rewrites each step's number and `end`
 * the stop that ends each step but the last. Returns the text and how many breaks it dropped.
 */
function runTogether(text: string, duties: readonly Duty[], label: (d: Duty, written: string) => string, end: (stop: string) => string) {
  let out = text.slice(0, duties[0]?.span[0] ?? 0);
  let joined = 0;
  duties.forEach((d, i) => {
    const written = /^[0-9０-９]{1,3}[.．、]/.exec(d.raw)?.[0] ?? '';
    const next = duties[i + 1];
    const last = next === undefined;
    const stop = !last && STOP_END.test(d.raw) ? d.raw.slice(-1) : '';
    out += label(d, written) + d.raw.slice(written.length, d.raw.length - stop.length) + (stop ? end(stop) : '');
    if (last) out += text.slice(d.span[1]);
    else if (stop) joined++;
    else out += text.slice(d.span[1], next.span[0]);
  });
  return { text: out, joined };
}

describe('parseDuties on the real 责任事项 cells with their steps run together', () => {
  it('finds the cells', () => {
    expect(DUTY_CELLS.length).toBe(19 + 13 + 7 + 14);
  });

  it('splits "…。2.调查责任：…" as it splits the steps on separate lines', () => {
    let joined = 0;
    for (const c of DUTY_CELLS) {
      const original = parseDuties(c.text).duties;
      const variant = runTogether(c.text, original, (_d, written) => written, (stop) => stop);
      joined += variant.joined;
      expect(parseDuties(variant.text).duties.map(view), `${c.where} ${variant.text.slice(0, 80)}`).toEqual(original.map(view));
    }
    expect(joined).toBeGreaterThan(200);
  });

  it('splits "（1）…；（2）…" the same way, the stops before each label now ；', () => {
    for (const c of DUTY_CELLS) {
      const original = parseDuties(c.text).duties;
      const variant = runTogether(c.text, original, (d) => `（${d.no}）`, () => '；');
      const expected = original.map((d, i) => ({ ...view(d), text: i < original.length - 1 && STOP_END.test(d.raw) ? d.text.replace(/[。；;]$/, '；') : d.text }));
      expect(parseDuties(variant.text).duties.map(view), `${c.where} ${variant.text.slice(0, 80)}`).toEqual(expected);
    }
  });
});

/** Each line of those cells: a label opening a line of a cell is a step's, so a step quotes lines. */
const PROVISION_LINES = PROVISION_CELLS.flatMap((c) =>
  c.text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ where: c.where, text: line })),
);

describe('parseDuties does not split a step at numbers of a real provision it quotes', () => {
  it('finds the cells', () => {
    expect(PROVISION_CELLS.length).toBeGreaterThan(100);
    expect(PROVISION_LINES.filter((l) => /[。；;][0-9０-９（(]/.test(l.text)).length).toBeGreaterThan(20);
  });

  it.each([
    ['quoted', (t: string) => `1.审查责任：依照“${t}”进行审查。2.决定责任：作出决定。`],
    ['unquoted', (t: string) => `1.审查责任：依照${t}进行审查。2.决定责任：作出决定。`],
    ['quoted, steps without headings', (t: string) => `1.依照“${t}”进行审查；2.作出决定。`],
  ])('%s', (_name, step) => {
    for (const c of PROVISION_LINES) {
      const duties = parseDuties(step(c.text)).duties;
      expect(duties.map((d) => d.no), `${c.where} ${c.text.slice(0, 60)}`).toEqual([1, 2]);
      expect(duties[0]?.text.includes(c.text), c.where).toBe(true);
    }
  });
});
