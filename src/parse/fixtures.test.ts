import { describe, expect, it } from 'vitest';
import { ACCOUNTABILITY_FIXTURES } from './fixtures/accountability.js';
import { DUTY_BASIS_FIXTURES } from './fixtures/duty-basis.js';
import { ARTICLE_REF_FIXTURES } from './fixtures/article-refs.js';
import { DUTY_FIXTURES } from './fixtures/duties.js';
import { PROVISION_FIXTURES } from './fixtures/provisions.js';
import { CELL_FIXTURES, LOCAL_CODE_FIXTURES, NUMBER_FIXTURES, TIME_LIMIT_FIXTURES } from './fixtures/values.js';
import { sampleText } from './testing/sample-cells.js';

const ALL = [
  ...PROVISION_FIXTURES,
  ...DUTY_FIXTURES,
  ...DUTY_BASIS_FIXTURES,
  ...ACCOUNTABILITY_FIXTURES,
  ...CELL_FIXTURES,
  ...NUMBER_FIXTURES,
  ...TIME_LIMIT_FIXTURES,
  ...LOCAL_CODE_FIXTURES,
  ...ARTICLE_REF_FIXTURES,
];

describe('fixtures', () => {
  it('hold at least 60 real fragments', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ALL.map((f) => [f.sample, f.name, f.input] as const))('%s %s is copied verbatim from the sample', (sample, _name, input) => {
    expect(sampleText(sample).includes(input)).toBe(true);
  });

  it('cover every grammar variant named in the brief', () => {
    const inputs = ALL.map((f) => f.input).join('\n');
    for (const variant of ['2-1.', '1－1.', '1．', '行政法规】', '《商用密码管理条例 》', '第（二）项', '第二款、第三款', '同4.', '同1。', '(法规督查处', '（一）', '(一)', '1、', '取得批准责任', '《立案审批表》', '<p>', '至第四十三条']) {
      expect(inputs, variant).toContain(variant);
    }
  });
});
