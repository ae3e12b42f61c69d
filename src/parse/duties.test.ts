import { describe, expect, it } from 'vitest';
import { cleanCell } from './cell-text.js';
import { dutyName, parseDuties } from './duties.js';
import { DUTY_FIXTURES } from './fixtures/duties.js';
import { expectDuties } from './testing/expect-parse.js';

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
