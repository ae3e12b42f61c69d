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
      name: '003 item 3: a full text whose closing ” fell off',
      list: list([{ 追责依据: '<p>1. 【法律】《中华人民共和国行政强制法》（2011年中华人民共和国主席令第49号公布）第六十一条：“行政机关实施行政强制，有下列情形之一的，由上级行政机关或者有关部门责令改正，对直接负责的主管人员和其他直接责任人员依法给予处分：（六）有其他违法实施行政强制情形的。</p>' }]),
      errors: [{ messageId: 'unclosed-quote', field: '追责依据', severity: 'info' }],
    },
    {
      name: '003 item 6: situations whose last one lacks its full stop',
      list: list([{ 追责情形: '<p>因履行或不正确履行行政职责，有下列情形的，行政机关及相关工作人员应承担相应责任： 1. 玩忽职守、贻误工作的。 2. 违反廉政纪律行为的。 6. 行政执法工作中推诿、拖延不办，或者无正当理由不配合、不协助其他机关行政执法工作的</p>' }]),
      errors: [{ messageId: 'no-terminal', field: '追责情形', severity: 'info', data: { tail: '助其他机关行政执法工作的' } }],
    },
    {
      name: 'an entity left undecoded in the text: "&ensp" without its ";", as a browser leaves it',
      list: list([{ 承办机构: '商用密码&ensp管理科' }]),
      errors: [{ messageId: 'stray-markup', field: '承办机构', data: { markup: '&ensp' } }],
    },
    {
      name: 'a paragraph opened and never closed',
      list: list([{ 追责情形: '<p>1.没有法定的行政处罚依据的；</p><p>2.违反法定的行政处罚程序的。' }]),
      errors: [{ messageId: 'unbalanced-markup', field: '追责情形', data: { tag: '<p>' } }],
    },
  ],
};
