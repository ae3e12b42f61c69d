import { DEFAULT_CELLS, list, type RuleCases } from '../testing/index.js';

const NO_BASIS_COLUMNS = ['序号', '事项名称', '子项名称', '权力类型', '行使主体', '承办机构', '实施依据', '责任事项内容', '追责情形', '办事层级', '备注'];
const basisWithout = (no: string) =>
  (DEFAULT_CELLS.责任事项依据 as string)
    .split('\n')
    .filter((l) => !l.startsWith(`${no}.`))
    .join('\n');

export const cases: RuleCases = {
  valid: [
    { name: 'every step has a basis (5 by 同3, 8 is 其他)', list: list([{}]) },
    {
      name: '001 item 12: a key written after a full stop ("…进行审查。4.同3。") counts',
      list: list([{ 责任事项依据: basisWithout('4').replace('进行审查。', '进行审查。4.同3。') }]),
    },
    {
      name: 'a key a line break cut ("6-⏎1.") counts for its step',
      list: list([{ 责任事项依据: (DEFAULT_CELLS.责任事项依据 as string).replace('6.【法律】', '6-\n1.【法律】') }]),
    },
    {
      name: 'a cut-off basis cell may have lost its keys',
      list: list([{ 责任事项依据: '1.【法律】《中华人民共和国行政处罚法》第五十四条 行政机关发现公民、法人或者其他组织有依法应当给予行政处罚的行为的，必须全面、客观、公正地调查，收集有关证据；必要时，依照法律、' }]),
    },
  ],
  invalid: [
    {
      name: 'duties with an empty basis cell',
      list: list([{ 责任事项依据: '' }]),
      errors: [{ messageId: 'duties-without-basis', item: '1', field: '责任事项依据', severity: 'error', data: { count: 8 } }],
    },
    {
      name: '003 item 5 / 001 item 10: one step with no basis',
      list: list([{ 责任事项依据: basisWithout('6') }]),
      errors: [{ messageId: 'step-without-basis', severity: 'warning', data: { step: 6, heading: '送达责任' } }],
    },
    {
      name: 'accountability with an empty basis cell',
      list: list([{ 追责依据: '' }]),
      errors: [{ messageId: 'accountability-without-basis', field: '追责依据' }],
    },
    {
      name: '004: no basis columns at all, said once for the list',
      list: list([{ 责任事项内容: DEFAULT_CELLS.责任事项 }, { 序号: '2', 责任事项内容: DEFAULT_CELLS.责任事项 }], { headers: NO_BASIS_COLUMNS }),
      errors: [
        { messageId: 'no-duty-basis-column', data: { count: 2 } },
        { messageId: 'no-accountability-basis-column', data: { count: 2 } },
      ],
    },
  ],
};
