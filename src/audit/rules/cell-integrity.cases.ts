import { list, type RuleCases } from '../testing/index.js';

export const cases: RuleCases = {
  valid: [
    { name: 'clean cells', list: list([{}]) },
    { name: 'paragraph markup the reader removed (003, 004)', list: list([{ 追责情形: '<p>1.没有法定的行政处罚依据的；</p> <p>2.违反法定的行政处罚程序的。</p>' }]) },
  ],
  invalid: [
    {
      name: '003: a cell cut off in the source',
      list: list([{ 追责依据: '<p>1. 【法律】《中华人民共和国行政处罚法》第七十六条 行政机关实施行政处罚，有下列情形之一，由上级行政机关或者有关机关责令改正。</p> <p>6. 【法律】《中华人民共和国公务</p>' }]),
      errors: [{ messageId: 'truncated', field: '追责依据', severity: 'warning', data: { tail: '律】《中华人民共和国公务' } }],
    },
    {
      name: 'an entity left undecoded in the text',
      list: list([{ 承办机构: '商用密码&amp管理科' }]),
      errors: [{ messageId: 'stray-markup', field: '承办机构', data: { markup: '&amp' } }],
    },
    {
      name: 'a paragraph opened and never closed',
      list: list([{ 追责情形: '<p>1.没有法定的行政处罚依据的；</p><p>2.违反法定的行政处罚程序的。' }]),
      errors: [{ messageId: 'unbalanced-markup', field: '追责情形', data: { tag: '<p>' } }],
    },
  ],
};
