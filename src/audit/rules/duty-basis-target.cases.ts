import { list, type RuleCases } from '../testing/index.js';

const DUTIES3 = '1.告知责任：通知被检查单位。\n2.检查责任：检查时，工作人员不得少于2人。\n3.处置责任：对检查发现问题，按照规定采取监管措施。';
const BASIS = (keys: string[]) => keys.map((k) => `${k}【法律】《中华人民共和国密码法》第三十一条 密码管理部门和有关部门建立日常监管和随机抽查相结合的商用密码事中事后监管制度。`).join('\n');

export const cases: RuleCases = {
  valid: [
    { name: 'keys 1–7 with 同3 for 5', list: list([{}]) },
    { name: 'sub-keys of an existing step', list: list([{ 权力类型: '行政检查', 事项名称: '对商用密码活动的监督检查', 责任事项: DUTIES3, 责任事项依据: BASIS(['1.', '2-1.', '2-2.', '3.']) }]) },
  ],
  invalid: [
    {
      name: '000 item 17: a basis keyed to a 4th step of three',
      list: list([{ 权力类型: '行政检查', 事项名称: '对商用密码活动的监督检查', 责任事项: DUTIES3, 责任事项依据: BASIS(['1.', '2.', '3.', '4.']) }]),
      errors: [{ messageId: 'no-step', field: '责任事项依据', severity: 'error', data: { key: '4', step: 4, count: 3 } }],
    },
    {
      name: '同N naming a step with no basis',
      list: list([{ 权力类型: '行政检查', 事项名称: '对商用密码活动的监督检查', 责任事项: DUTIES3, 责任事项依据: `${BASIS(['1.'])}\n3.同2。` }]),
      errors: [{ messageId: 'same-as-missing', data: { key: '3', target: 2 } }],
    },
    {
      name: '同N naming itself',
      list: list([{ 权力类型: '行政检查', 事项名称: '对商用密码活动的监督检查', 责任事项: DUTIES3, 责任事项依据: `${BASIS(['1.', '2.'])}\n3.同3。` }]),
      errors: [{ messageId: 'same-as-self', data: { key: '3', target: 3 } }],
    },
  ],
};
