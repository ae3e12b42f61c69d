import { list, type RuleCases } from '../testing/index.js';

const CODED = ['序号', '事项名称', '子项名称', '权力类型', '地方权力编码', '子项地方权力编码', '行使主体', '承办机构', '实施依据', '责任事项内容', '追责情形'];

export const cases: RuleCases = {
  valid: [
    { name: 'no code column', list: list([{}]) },
    { name: '004: a code starting with a valid credit code', list: list([{ 地方权力编码: '11620602MB198079204620246001000' }], { headers: CODED }) },
    { name: 'an empty code cell', list: list([{ 地方权力编码: '' }], { headers: CODED }) },
  ],
  invalid: [
    {
      name: 'a wrong check character',
      list: list([{ 地方权力编码: '11620602MB198079254620246001000' }], { headers: CODED }),
      errors: [{ messageId: 'invalid', field: '地方权力编码', severity: 'error', data: { creditCode: '11620602MB19807925' } }],
    },
    {
      name: 'a code of another shape: the shape is observed, so unverified',
      list: list([{ 地方权力编码: '62060201' }], { headers: CODED }),
      errors: [{ messageId: 'shape', severity: 'warning', data: { code: '62060201' } }],
    },
  ],
};
