import { list, type RuleCases } from '../testing/index.js';

export const cases: RuleCases = {
  valid: [
    { name: 'distinct items', list: list([{}, { 序号: '2', 事项名称: '对商用密码检测机构违法开展商用密码检测的处罚' }]) },
    { name: 'the same name as different sub-items', list: list([{ 子项: '甲' }, { 序号: '2', 子项: '乙' }]) },
    { name: 'the same name under another type', list: list([{}, { 序号: '2', 权力类型: '行政强制' }]) },
  ],
  invalid: [
    {
      name: 'the same item twice, spaced differently',
      list: list([{}, { 序号: '2', 事项名称: '对关键信息基础设施运营者未按要求使用商用密码的处罚 ' }]),
      errors: [{ messageId: 'duplicate', item: '2', field: '事项名称', data: { first: '1' } }],
    },
  ],
};
