import { checkCreditCode } from '../../parse/index.js';
import { defineRule } from '../rule.js';

export const creditCode = defineRule<undefined, 'invalid' | 'shape'>({
  id: 'credit-code',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '地方权力编码开头的统一社会信用代码应通过 GB 32100-2015 校验' },
    messages: {
      invalid: '{field} {code} 开头的统一社会信用代码 {creditCode} 无效：{reason}',
      shape: '{field} {code} 不是“18位统一社会信用代码＋13位数字”的形式（编码结构来自样本观察，并非公开规范）',
    },
  },
  check(ctx) {
    for (const item of ctx.list.items) {
      for (const [field, label, code] of [
        ['localCode', '地方权力编码', item.localCode],
        ['subLocalCode', '子项地方权力编码', item.subLocalCode],
      ] as const) {
        const raw = code?.raw.trim() ?? '';
        if (!code || raw === '') continue;
        if (code.creditCode === undefined) {
          ctx.report({ messageId: 'shape', item, field, unverified: true, data: { field: label, code: raw } });
          continue;
        }
        const check = checkCreditCode(code.creditCode);
        if (!check.valid) {
          ctx.report({ messageId: 'invalid', item, field, data: { field: label, code: raw, creditCode: code.creditCode, reason: check.reason ?? '' } });
        }
      }
    }
  },
});
