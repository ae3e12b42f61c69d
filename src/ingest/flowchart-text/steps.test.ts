import { describe, expect, it } from 'vitest';
import { sampleInput } from '../../../test/helpers/samples.js';
import type { Box } from './boxes.js';
import { detectFlowchart, flowchartTextReader } from './index.js';
import { buildSteps } from './steps.js';

/** Boxes on lines 1, 3, 5 …, in the order given. */
function boxes(...texts: string[]): Box[] {
  return texts.map((text, i) => ({ text, lines: [], firstLine: 2 * i + 1, lastLine: 2 * i + 1, glued: false }));
}

const merged = (texts: string[]) =>
  buildSteps(boxes(...texts)).map((s) => [s.name, s.deadline?.value ?? null, s.text.split('\n').length, s.lines.firstLine, s.lines.lastLine]);

describe('buildSteps', () => {
  it('merges a deadline box into the step its action names, wherever it is drawn', () => {
    expect(merged(['受理', '初审', '决定', '自受理申请之日起5个工作日内完成初审，并形成初审意见'])).toEqual([
      ['受理', null, 1, 1, 1],
      ['初审', 5, 2, 3, 7],
      ['决定', null, 1, 5, 5],
    ]);
  });

  it('does not read the step named in what starts the clock (自受理申请之日起)', () => {
    expect(merged(['受理', '自受理申请之日起20个工作日内作出是否批准的决定']).map((s) => s[0])).toEqual(['受理', '自受理申请之日起20个工作日内作出是否批准的决定']);
  });

  it('answers 发证 for 发《…证》', () => {
    expect(merged(['发《商用密码产品销售许可证》', '发《不予行政许可决定书》', '10个工作日内发证'])).toEqual([
      ['发《商用密码产品销售许可证》', 10, 2, 1, 5],
      ['发《不予行政许可决定书》', null, 1, 3, 3],
    ]);
  });

  it('does not guess between two steps of the same name length', () => {
    expect(merged(['初审', '复审', '5个工作日内完成初审和复审'])).toHaveLength(3);
  });

  it('prefers the longest name the action names', () => {
    expect(merged(['审查', '材料审查', '5个工作日内完成材料审查']).map((s) => [s[0], s[1]])).toEqual([
      ['审查', null],
      ['材料审查', 5],
    ]);
  });

  it('leaves a step with its own deadline alone, and keeps the second deadline box as a step', () => {
    expect(merged(['10个工作日内决定', '5个工作日内作出决定']).map((s) => s[0])).toEqual(['10个工作日内决定', '5个工作日内作出决定']);
    expect(merged(['决定', '5个工作日内作出决定', '3个工作日内作出决定']).map((s) => [s[0], s[1]])).toEqual([
      ['决定', 5],
      ['3个工作日内作出决定', 3],
    ]);
  });

  it('looks for the step only among nearby boxes', () => {
    const far = merged(['决定', ...Array.from({ length: 45 }, (_, i) => `步骤${i}`), '5个工作日内作出决定']);
    expect(far[0]).toEqual(['决定', null, 1, 1, 1]);
  });

  it('names documents from every box of the step', () => {
    const [step] = buildSteps(boxes('发《甲证》', '5个工作日内发证并附《乙表》'));
    expect(step?.documents).toEqual(['甲证', '乙表']);
  });
});

describe('detectFlowchart', () => {
  const sample = sampleInput('flowchart').text;
  it.each([
    ['the 002 sample', sample, 0.95],
    ['a chart heading with two labels', '1.保密检查流程图\n项目类型：行政检查\n办理地点：某地', 0.9],
    ['three labels without a heading', '法定时限：1日\n承诺时限：1日\n办理地点：某地', 0.6],
    ['a chart heading alone', '行政处罚流程图\n立案', 0.3],
    ['one label', '办理地点：某地', 0.1],
    ['plain text', '这是一段文字', 0],
    ['a tab table, labels in its cells', '1.许可流程图\n法定时限：1日\t承诺时限：1日\n办理地点：某地\t服务电话：1\n申请条件：无\t提交材料：无', 0],
    ['the sample with a few tabs', sample.replace(/ {5,}/g, '\t'), 0.95],
    ['the sample inside pipes', sample.split('\n').map((l) => `| ${l} |`).join('\n'), 0],
    ['nothing', '', 0],
  ])('%s → %s', (_, text, score) => {
    expect(detectFlowchart(text)).toBe(score);
  });

  it('scores 0 without text', () => {
    expect(flowchartTextReader.detect({ file: 'x.pdf', bytes: new Uint8Array([1, 2]) })).toBe(0);
    expect(() => flowchartTextReader.read({ file: 'x.pdf', bytes: new Uint8Array([1, 2]) }, {})).toThrow(/只能读取文本文件/);
  });

  it('rejects an empty file and a text that is no flowchart with ImportError', () => {
    const read = (text: string) => () => flowchartTextReader.read({ file: 'x.txt', bytes: new Uint8Array(), text }, {});
    expect(read('  \n\n')).toThrow(expect.objectContaining({ name: 'ImportError', code: 'empty-file' }));
    expect(read('序号\t事项名称\n1\t某事项')).toThrow(expect.objectContaining({ name: 'ImportError', code: 'bad-structure', file: 'x.txt' }));
  });
});
