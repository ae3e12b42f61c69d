import { describe, expect, it } from 'vitest';
import { JOIN_RULES, groupBoxes, joinRule } from './boxes.js';
import { type SourceLine, sourceLines } from './lines.js';

/** Lines as the PDF text has them: one blank line between each (or `gap` blank lines). */
function lines(texts: readonly string[], gap = 1): SourceLine[] {
  return sourceLines(texts.join('\n'.repeat(gap + 1)));
}

function next(text: string, gap = 1): SourceLine {
  return { line: 2, raw: text, offset: 0, gapBefore: gap };
}

describe('joinRule', () => {
  // [box so far, next line, rule that joins them or null]; every case from sample 002.
  const cases: [string, string, string | null][] = [
    ['发《商用密码产品', '销售许可证 》', 'open-bracket'],
    ['省（自治区、直', '辖市 ） 密码管理', 'open-bracket'],
    ['国家密码管理局认为必要时，', '可以对申请单位进行现场考察', 'open-end'],
    ['自受理申请之日起', ' 20 ', 'open-end'],
    ['当场或在', ' 5 ', 'open-end'],
    ['自受理申请之日起5个工作日内', '完成初审 ， 并形成初审意见', 'open-end'],
    ['将初审意见和全部申请材料报', '国家密码管理局', 'open-end'],
    ['材料不齐备或者不符合', '规定形式的', 'open-end'],
    ['当场或在5个工作日内一', '次告知需补正的全部内容', 'number-unit'],
    ['10', '个工作日内发证', 'number-unit'],
    ['材料不齐备', '或者不符合', 'open-start'],
    ['自受理申请之日起20个工', '作日内', 'open-end'],
    ['省（自治区、直辖市）密码管理', '局', 'word-tail'],
    ['国家密码', '管理局', 'word-tail'],
    // Boxes that follow one another.
    ['接收申请', '材料审查', null],
    ['决定', '发 《 商用密码产品', null],
    ['国家密码管理局', '10 ', null],
    ['自受理申请之日起20个工作日内作出是否批准的决定', '国家密码管理局认为必要时 ，', null],
    ['10个工作日内发证', '不批准', null],
    ['规定形式的', '不通过', null],
    ['商用密码产品销售许可证审批程序', '法定时限：45个工作日', null],
    // Arrow labels stay alone, even next to a single character.
    ['不通过', '通过', null],
    ['情况通报', '是', null],
    ['是', '局', null],
    ['存在严重泄密隐患或发生泄密事件', '否', null],
  ];
  it.each(cases)('%s + %s → %s', (box, line, rule) => {
    expect(joinRule(box, next(line))).toBe(rule);
  });

  it('has a case for every rule', () => {
    const tested = new Set(cases.map(([, , rule]) => rule));
    for (const rule of JOIN_RULES) expect(tested.has(rule.id), rule.id).toBe(true);
  });

  it('never joins across a wide gap, even an open bracket', () => {
    expect(joinRule('发《商用密码产品', next('销售许可证》', 3))).toBeNull();
    expect(joinRule('发《商用密码产品', next('销售许可证》', 2))).toBe('open-bracket');
  });
});

describe('groupBoxes', () => {
  it('joins a deadline box the PDF broke over four lines', () => {
    const boxes = groupBoxes(lines(['自受理申请之日起', ' 20 ', '个工作', '日内作出是否批准的决定', '国家密码管理局认为必要时 ，', '可以对申请单位进行现场考察']), false);
    expect(boxes.map((b) => [b.text, b.firstLine, b.lastLine])).toEqual([
      ['自受理申请之日起20个工作日内作出是否批准的决定', 1, 7],
      ['国家密码管理局认为必要时，可以对申请单位进行现场考察', 9, 11],
    ]);
  });

  it('keeps one-line boxes apart and marks only the first box of a glued run', () => {
    const boxes = groupBoxes(lines(['接收申请', '材料审查', '受理'], 0), true);
    expect(boxes.map((b) => [b.text, b.glued])).toEqual([
      ['接收申请', true],
      ['材料审查', false],
      ['受理', false],
    ]);
  });

  it('keeps a space only between two Latin words', () => {
    expect(groupBoxes(lines(['上述材料的', 'PDF ', '格式电子扫描文件 。']), false).map((b) => b.text)).toEqual(['上述材料的', 'PDF', '格式电子扫描文件。']);
    expect(groupBoxes(lines(['发《PDF', 'file》']), false).map((b) => b.text)).toEqual(['发《PDF file》']);
  });

  it('cuts a box that never closes its bracket after 12 lines', () => {
    const boxes = groupBoxes(lines(['发《', ...Array.from({ length: 20 }, (_, i) => `第${i}行`)]), false);
    expect(boxes[0]?.lines).toHaveLength(12);
    expect(boxes.flatMap((b) => b.lines)).toHaveLength(21);
  });
});
