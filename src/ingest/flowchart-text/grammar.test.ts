import { describe, expect, it } from 'vitest';
import type { Box } from './boxes.js';
import { BOX_KINDS, type BoxKind, classifyBox } from './classify.js';
import { documentsIn, findDeadline } from './deadline.js';
import { headingOf } from './headings.js';
import { FIELD_LABELS, fieldParts, splitPhone } from './labels.js';

describe('fieldParts', () => {
  const cases: [string, [string, string][] | null][] = [
    ['项目类别：行政许可          办理地点：刚察县学苑路8号', [['项目类别', '行政许可'], ['办理地点', '刚察县学苑路8号']]],
    ['法定时限：45个工作日       承诺时限：30个工作日                ', [['法定时限', '45个工作日'], ['承诺时限', '30个工作日']]],
    ['承办部门：刚察县密码管理局  服务电话：0970-8652444县委机要局', [['承办部门', '刚察县密码管理局'], ['服务电话', '0970-8652444县委机要局']]],
    ['监督投诉电话：0970-8652444 县委机要局（密码管理局）', [['监督投诉电话', '0970-8652444 县委机要局（密码管理局）']]],
    ['法定期限：20个工作日          承诺期限： 20个工作日', [['法定期限', '20个工作日'], ['承诺期限', '20个工作日']]],
    ['申请条件 ：', [['申请条件', '']]],
    ['  提交材料: 1.申请表', [['提交材料', '1.申请表']]],
    // Not a label line: the label does not start the line, or has no colon.
    ['当事人在法定期限内不申请行政复议', null],
    ['刚察县学苑路8号 服务电话：0970', null],
    ['一般情况：提前1-2个工作日发出书面通知；', null],
    ['', null],
  ];
  it.each(cases)('%s', (line, expected) => {
    expect(fieldParts(line)?.map((p) => [p.label, p.value]) ?? null).toEqual(expected);
  });

  it('maps every label to a field, the synonyms of 002 included', () => {
    expect(FIELD_LABELS).toMatchObject({ 项目类型: 'category', 责任处室: 'office', 法定期限: 'statutoryLimit', 承诺期限: 'promisedLimit', 优化时限: 'optimizedLimit' });
  });

  it('gives offsets that point back into the line', () => {
    const line = '法定时限：45个工作日   承诺时限：30个工作日  优化时限：15个工作日';
    for (const part of fieldParts(line) ?? []) {
      expect(line.slice(part.valueAt, part.valueAt + part.value.length)).toBe(part.value);
      expect(line.slice(part.labelAt, part.labelEnd)).toBe(part.label);
      expect(line.slice(part.labelEnd, part.colonEnd).trim()).toBe('：');
    }
  });
});

describe('splitPhone', () => {
  it.each([
    ['0970-8652444县委机要局', { number: '0970-8652444', note: '县委机要局' }],
    ['0970-8652444 县委机要局（密码管理局）', { number: '0970-8652444', note: '县委机要局（密码管理局）' }],
    ['0970-8652444', { number: '0970-8652444' }],
    ['0970-8652444、0970-8652445 值班室', { number: '0970-8652444、0970-8652445', note: '值班室' }],
    ['见公告', { number: '见公告' }],
  ])('%s', (value, expected) => {
    expect(splitPhone(value)).toEqual(expected);
  });
});

describe('headingOf', () => {
  it.each([
    ['1.商用密码产品销售许可审批流程图（初审）', { kind: 'chart', title: '商用密码产品销售许可审批流程图（初审）', enumerator: '1.' }],
    ['1.保密检查流程图', { kind: 'chart', title: '保密检查流程图', enumerator: '1.' }],
    ['行政处罚流程图', { kind: 'chart', title: '行政处罚流程图', enumerator: null }],
    ['一、行政权力运行流程图', { kind: 'section', text: '一、行政权力运行流程图' }],
    ['（二）行政检查流程图', { kind: 'section', text: '（二）行政检查流程图' }],
    ['商用密码产品销售许可证审批程序', null],
    ['刚察县（机要局、密码管理局、保密办）责任清单', null],
    ['项目类别：流程图', null],
  ])('%s', (line, expected) => {
    expect(headingOf(line)).toEqual(expected);
  });
});

describe('findDeadline', () => {
  it.each([
    ['自受理申请之日起20个工作日内作出是否批准的决定', { raw: '自受理申请之日起20个工作日内', value: 20, unit: '工作日' }],
    ['当场或在5个工作日内一次告知需补正的全部内容', { raw: '当场或在5个工作日内', value: 5, unit: '工作日' }],
    ['10个工作日内发证', { raw: '10个工作日内', value: 10, unit: '工作日' }],
    ['检查结束后的5个工作日内，检查组提交书面检查报告', { raw: '检查结束后的5个工作日内', value: 5, unit: '工作日' }],
    ['2、保密行政管理部门在复查结束后10个工作日内，出具复查意见', { raw: '在复查结束后10个工作日内', value: 10, unit: '工作日' }],
    ['一般情况：提前1-2个工作日发出书面通知；', { raw: '提前1-2个工作日', unit: '工作日' }],
    ['自收到申请之日起三个月内', { raw: '自收到申请之日起三个月内', value: 3, unit: '月' }],
    ['特殊情况：检查当日口头通知', null],
    ['服务电话：0970-8652444', null],
    ['第二日', null],
  ])('%s', (text, expected) => {
    expect(findDeadline(text)?.limit ?? null).toEqual(expected);
  });

  it('says where the phrase is, so the action after it can be read', () => {
    const text = '自受理申请之日起5个工作日内完成初审，并形成初审意见';
    const hit = findDeadline(text);
    expect(hit && text.slice(hit.end)).toBe('完成初审，并形成初审意见');
    expect(hit?.start).toBe(0);
  });
});

describe('documentsIn', () => {
  it('lists the 《》 titles once each, without the brackets', () => {
    expect(documentsIn('发《行政许可申请受理通知书》')).toEqual(['行政许可申请受理通知书']);
    expect(documentsIn('《甲》和《乙》，再发《甲》')).toEqual(['甲', '乙']);
    expect(documentsIn('发出行政处置通知书')).toEqual([]);
  });
});

describe('classifyBox', () => {
  const box = (text: string, glued = false): Box => ({ text, lines: [], firstLine: 1, lastLine: 1, glued });
  const cases: [string, boolean, BoxKind][] = [
    ['申请单位', true, 'applicant'],
    ['不通过', false, 'branch'],
    ['是', false, 'branch'],
    ['商用密码产品销售许可证审批程序', false, 'caption'],
    ['省（自治区、直辖市）密码管理局', false, 'lane'],
    ['国家密码管理局', false, 'lane'],
    ['材料不齐备或者不符合规定形式的', false, 'condition'],
    ['县密码管理局接收材料报州密码管理局', true, 'note'],
    ['县密码管理局接收材料报州密码管理局', false, 'step'],
    ['接收申请', false, 'step'],
    ['受理', false, 'step'],
    ['发《行政许可申请受理通知书》', false, 'step'],
    ['存在严重泄密隐患或发生泄密事件', false, 'step'],
    ['需要整改的，明确整改内容和期限；对有违反保密法律法规行为的，提出处理建议。', false, 'step'],
  ];
  it.each(cases)('%s (glued: %s) → %s', (text, glued, kind) => {
    expect(classifyBox(box(text, glued)).kind).toBe(kind);
  });

  it('has a case and a reason for every kind', () => {
    for (const { kind, reason } of BOX_KINDS) {
      expect(cases.some(([, , k]) => k === kind), kind).toBe(true);
      expect(reason).not.toBe('');
    }
  });
});
