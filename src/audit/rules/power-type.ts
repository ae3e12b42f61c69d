import { LOCAL_CODE_TYPE_SEGMENTS } from '../../parse/index.js';
import { POWER_TYPES, type PowerTypeName } from '../../model/index.js';
import { defineRule } from '../rule.js';

/**
 * What an item's name says its type is, by how the name ends: "对…的处罚" is a 行政处罚,
 * "…监督检查" a 行政检查. Only endings that name one type are listed.
 */
export const NAME_TYPE_HINTS: ReadonlyArray<{ pattern: RegExp; type: PowerTypeName }> = [
  { pattern: /处罚$/, type: '行政处罚' },
  { pattern: /行政强制(?:措施|执行)?$/, type: '行政强制' },
  { pattern: /检查$/, type: '行政检查' },
  { pattern: /(?:许可|审批|资质认定|资格认定)$/, type: '行政许可' },
  { pattern: /(?:征收|征缴)$/, type: '行政征收' },
  { pattern: /给付$/, type: '行政给付' },
  { pattern: /奖励$/, type: '行政奖励' },
  { pattern: /裁决$/, type: '行政裁决' },
];

export const powerType = defineRule<undefined, 'unknown' | 'name' | 'code'>({
  id: 'power-type',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '权力类型应为已知类型，并与事项名称、地方权力编码的类型段一致' },
    messages: {
      unknown: '权力类型“{raw}”不是已知的类型（{known}）',
      name: '事项名称以“{ending}”结尾，应为{expected}，权力类型却是{type}',
      code: '{field} {code} 的类型段“{segment}”对应{expected}，权力类型却是{type}（类型段含义来自样本观察，并非公开规范）',
    },
  },
  check(ctx) {
    for (const item of ctx.list.items) {
      const { type, raw } = item.powerType;
      if (type === null) {
        if (raw.trim() !== '') ctx.report({ messageId: 'unknown', item, field: 'powerType', data: { raw, known: POWER_TYPES.join('、') } });
        continue;
      }
      const name = item.name.text.replace(/\s+/g, '');
      const hint = NAME_TYPE_HINTS.find((h) => h.pattern.test(name));
      if (hint && hint.type !== type) {
        const ending = hint.pattern.exec(name)?.[0] ?? '';
        ctx.report({ messageId: 'name', item, field: 'name', atMost: 'warning', data: { ending, expected: hint.type, type } });
      }
      for (const [field, code] of [
        ['localCode', item.localCode],
        ['subLocalCode', item.subLocalCode],
      ] as const) {
        const segment = code?.typeSegment;
        const expected = segment !== undefined ? LOCAL_CODE_TYPE_SEGMENTS[segment] : undefined;
        if (code && segment && expected && expected !== type) {
          ctx.report({ messageId: 'code', item, field, unverified: true, data: { field: field === 'localCode' ? '地方权力编码' : '子项地方权力编码', code: code.raw.trim(), segment, expected, type } });
        }
      }
    }
  },
});
