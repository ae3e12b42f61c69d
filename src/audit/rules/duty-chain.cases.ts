import { DEFAULT_CELLS, list, type RuleCases } from '../testing/index.js';

const withoutStep = (no: string) =>
  (DEFAULT_CELLS.责任事项 as string)
    .split('\n')
    .filter((l) => !l.startsWith(`${no}.`))
    .join('\n');

export const cases: RuleCases = {
  valid: [
    { name: 'a 处罚 with every step', list: list([{}]) },
    {
      name: '004: 审查 and 告知 folded into other steps count',
      list: list([{ 责任事项: '1.立案责任：…\n2.调查取证责任：…\n3.组织开展约谈、听证的责任：应当告知当事人有要求举行听证的权利。\n4.决定阶段责任：拟作出的行政处罚决定应当报部门负责人审查。\n5.送达阶段责任：…\n6.执行责任：…' }]),
    },
    { name: '其他行政权力 has no required chain', list: list([{ 权力类型: '其他行政权力', 事项名称: '对举报的核实、处理', 责任事项: '1.核实责任：…' }]) },
    {
      name: 'a cut-off cell is cell-integrity\'s to report',
      list: list([{ 责任事项: '1.立案责任：通过举报、检查，发现涉嫌违法的行为，予以审查，决定是否立案。\n2.调查取证责任：对立案的案件，指定专人负责，及时组织调查取证，制作笔录（主要证据不足时，以适当' }]),
    },
  ],
  invalid: [
    {
      name: 'a 处罚 without 送达',
      list: list([{ 责任事项: withoutStep('6') }]),
      errors: [{ messageId: 'missing-step', field: '责任事项', severity: 'warning', data: { step: '送达', type: '行政处罚' } }],
    },
    {
      name: '003 item 2: a 行政强制 with no approval or decision',
      list: list([
        {
          权力类型: '行政强制',
          事项名称: '对利用互联网发布涉及泄露国家秘密的信息的行政强制',
          责任事项: '1. 通知责任：通知有关运营商、服务商予以删除。\n2. 监督执行责任：对拒不删除的，移交公安机关依法处理。\n3. 其他法律法规规章文件规定应履行的责任。',
        },
      ]),
      errors: [{ messageId: 'missing-step', data: { step: '批准或决定', type: '行政强制' } }],
    },
    {
      name: 'a 许可 without supervision afterwards',
      list: list([{ 权力类型: '行政许可', 事项名称: '涉密信息系统集成资质认定', 责任事项: '1.受理责任：…\n2.审查责任：…\n3.决定责任：…\n4.送达责任：…' }]),
      errors: [{ messageId: 'missing-step', data: { step: '监管' } }],
    },
  ],
};
