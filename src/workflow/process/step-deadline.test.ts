import { describe, expect, it } from 'vitest';
import { anchorPhraseOf, scanStepDeadline, stepNamedBy } from './step-deadline.js';

/** Fragments of real sample cells (000, 002, 004) and what the deadline grammar must read in them. */
const SCANS: readonly { text: string; raw: string | null; value?: number; unit?: string; anchor?: string; party?: string[] }[] = [
  { text: '行政处罚决定书在7日内送达当事人。', raw: '在7日内', value: 7, unit: '日' },
  { text: '自受理申请之日起20个工作日内作出是否批准的决定', raw: '自受理申请之日起20个工作日内', value: 20, unit: '工作日', anchor: '受理申请' },
  { text: '检查结束后的5个工作日内，检查组向组织检查的保密行政管理部门提交书面检查报告', raw: '检查结束后的5个工作日内', value: 5, unit: '工作日', anchor: '检查结束' },
  { text: '保密行政管理部门在接到异议报告后20个工作日内，对有关情况进行调查', raw: '在接到异议报告后20个工作日内', value: 20, unit: '工作日', anchor: '接到异议报告' },
  { text: '当场或在5个工作日内一次告知需补正的全部内容', raw: '在5个工作日内', value: 5, unit: '工作日' },
  { text: '当事人不在场的，应当在七日内依照民事诉讼法的有关规定送达', raw: '在七日内', value: 7, unit: '日' },
  // The other party's periods are not the step's deadline.
  { text: '当事人要求听证的，应当在被告知后三日内提出。', raw: null, party: ['应当在被告知后三日内'] },
  { text: '当事人在接到告知书之日起三个工作日内，有权进行陈述和申辩', raw: null, party: ['当事人在接到告知书之日起三个工作日内'] },
  // A period after which something may happen is a wait, not a deadline; a range has no single value.
  { text: '《履行行政处罚决定催告书》送达十个工作日后，当事人仍未履行', raw: null },
  { text: '一般情况：提前1-2个工作日发出书面通知', raw: null },
  { text: '依法受理或不予受理（不予受理应当告知理由）。', raw: null },
];

describe('scanStepDeadline', () => {
  it.each(SCANS)('$text', ({ text, raw, value, unit, anchor, party }) => {
    const { found, partyPeriods } = scanStepDeadline(text);
    expect(found?.raw ?? null).toBe(raw);
    if (found) {
      expect(found.limit).toMatchObject({ value, unit, raw });
      expect(found.anchorPhrase).toBe(anchor);
    }
    expect(partyPeriods).toEqual(party ?? []);
  });
});

describe('anchorPhraseOf', () => {
  it.each([
    ['自受理申请之日起', '受理申请'],
    ['自立案之日起', '立案'],
    ['在复查结束后', '复查结束'],
    ['检查结束后的', '检查结束'],
    ['当场或在', undefined],
    ['行政处罚决定书在', undefined],
    ['', undefined],
  ] as const)('%s → %s', (prefix, phrase) => {
    expect(anchorPhraseOf(prefix)).toBe(phrase);
  });
});

describe('stepNamedBy', () => {
  const steps = [
    { id: 's1', name: '受理' },
    { id: 's2', name: '初审' },
    { id: 's3', name: '受理申请' },
    { id: 's4', name: '决' },
  ];
  it('prefers the longest step name the phrase contains, never the deadline’s own step', () => {
    expect(stepNamedBy('受理申请', steps, 's2')).toBe('s3');
    expect(stepNamedBy('受理申请', steps, 's3')).toBe('s1');
  });
  it('ignores one-character names and phrases naming no step', () => {
    expect(stepNamedBy('决定作出', steps, 's1')).toBeNull();
    expect(stepNamedBy('检查结束', steps, 's1')).toBeNull();
  });
});
