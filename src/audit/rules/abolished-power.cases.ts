import type { PowerList } from '../../model/index.js';
import { list, type RuleCases } from '../testing/index.js';

function withSheet(title: string): PowerList {
  return list([], {
    extra: {
      processSheets: [{ title, category: '行政许可', phones: [], conditions: [], materials: [], steps: [], lines: { firstLine: 7, lastLine: 160 }, residue: [] }],
    },
  });
}

export const cases: RuleCases = {
  valid: [
    { name: 'powers that exist', list: list([{}]) },
    { name: 'a flowchart of a power that exists', list: withSheet('保密检查流程图') },
    { name: 'before the 2023 条例 took effect the licence existed', today: '2023-06-30', list: withSheet('1.商用密码产品销售许可审批流程图（初审）') },
  ],
  invalid: [
    {
      name: '002: the flowchart of the abolished 商用密码产品销售许可',
      list: withSheet('1.商用密码产品销售许可审批流程图（初审）'),
      errors: [{ messageId: 'process', line: 7, severity: 'error', data: { power: '商用密码产品销售许可', effective: '2023-07-01起施行' } }],
    },
    {
      name: 'an item for the abolished licence',
      list: list([{ 权力类型: '行政许可', 事项名称: '商用密码产品销售许可', 责任事项: '1.受理责任：…\n2.审查责任：…\n3.决定责任：…\n4.送达责任：…\n5.监管责任：…' }]),
      errors: [{ messageId: 'item', field: '事项名称', data: { power: '商用密码产品销售许可' } }],
    },
  ],
};
