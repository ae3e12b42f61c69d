import { list, type RuleCases } from '../testing/index.js';

export const cases: RuleCases = {
  valid: [
    { name: 'a complete item', list: list([{}]) },
    {
      name: 'a column no item fills is the list\'s design (003 has no 承办机构 filled anywhere)',
      list: list([{ 承办机构: '' }, { 承办机构: '' }]),
    },
    {
      name: 'a list without the column (003 has no 实施主体 column)',
      list: list([{ 权力分类: '行政处罚', 项目名称: '对非法获取、持有国家秘密载体的处罚' }], {
        headers: ['序号', '权力分类', '项目名称', '实施依据', '责任事项', '责任事项依据', '追责情形', '追责依据'],
      }),
    },
  ],
  invalid: [
    { name: 'no name', list: list([{ 事项名称: '' }]), errors: [{ messageId: 'missing', item: '1', field: '事项名称', severity: 'error' }] },
    { name: 'no type', list: list([{ 权力类型: ' ' }]), errors: [{ messageId: 'missing', field: '权力类型' }] },
    { name: 'no basis', list: list([{ 实施依据: '' }]), errors: [{ messageId: 'missing', field: '实施依据', data: { field: '实施依据' } }] },
    {
      name: '001 item 13: an empty 承办机构 where the others fill it',
      list: list([{}, { 序号: '2', 承办机构: '' }]),
      errors: [{ messageId: 'empty', item: '2', field: '承办机构', severity: 'warning' }],
    },
    {
      name: 'empty duties and accountability',
      list: list([{}, { 序号: '2', 责任事项: '', 责任事项依据: '', 追责情形: '', 追责依据: '' }]),
      errors: [
        { messageId: 'empty', item: '2', field: '责任事项' },
        { messageId: 'empty', item: '2', field: '追责情形' },
      ],
    },
  ],
};
