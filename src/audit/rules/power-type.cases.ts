import { list, type RuleCases } from '../testing/index.js';

const CODED = ['序号', '事项名称', '子项名称', '权力类型', '地方权力编码', '子项地方权力编码', '行使主体', '承办机构', '实施依据', '责任事项内容', '追责情形'];

export const cases: RuleCases = {
  valid: [
    { name: 'a 处罚 named as one', list: list([{}]) },
    { name: 'a name without a telling ending', list: list([{ 权力类型: '其他行政权力', 事项名称: '涉密信息系统投入使用前的保密审查' }]) },
    {
      name: '004: code type segment 02 on a 行政处罚',
      list: list([{ 地方权力编码: '11620602MB198079204620246001000' }], { headers: CODED }),
    },
  ],
  invalid: [
    {
      name: 'a type that is not one',
      list: list([{ 权力类型: '行政处理' }]),
      errors: [{ messageId: 'unknown', field: '权力类型', data: { raw: '行政处理' } }],
    },
    {
      name: '004 item 14: a 监督检查 typed 其他行政权力',
      list: list([{ 权力类型: '其他行政权力', 事项名称: '对互联网新闻信息服务活动实施监督检查' }]),
      errors: [{ messageId: 'name', field: '事项名称', severity: 'warning', data: { expected: '行政检查', type: '其他行政权力' } }],
    },
    {
      name: 'a code whose type segment (02, 行政处罚) contradicts the type: unverified, so a warning',
      list: list([{ 权力类型: '其他行政权力', 事项名称: '对举报的核实、处理', 地方权力编码: '11620602MB198079204620246001000' }], { headers: CODED }),
      errors: [{ messageId: 'code', field: '地方权力编码', severity: 'warning', data: { segment: '02', expected: '行政处罚', verified: false } }],
    },
  ],
};
