import type { FieldName, PowerItem, PowerList } from '../../model/index.js';
import { FIELD_LABELS } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** Fields every item must fill. */
const ALWAYS: readonly FieldName[] = ['name', 'powerType', 'basis'];
/** Fields an item should fill when its list has the column. */
const WHEN_COLUMN: readonly FieldName[] = ['subject', 'office', 'duties', 'accountability'];

function isEmpty(item: PowerItem, field: FieldName): boolean {
  if (field === 'powerType') return item.powerType.raw.trim() === '';
  const cell = item[field];
  return cell === undefined || cell === null || (typeof cell === 'object' && 'text' in cell && cell.text.trim() === '');
}

function hasColumn(list: PowerList, field: FieldName): boolean {
  return list.columns.some((c) => c.field === field);
}

export const requiredFields = defineRule<undefined, 'missing' | 'empty'>({
  id: 'required-fields',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '事项名称、权力类型、实施依据必须填写；清单设有实施主体、承办机构、责任事项、追责情形列时，也应填写' },
    messages: {
      missing: '缺少{field}',
      empty: '{field}为空（清单设有该列，其他事项填写了）',
    },
  },
  check(ctx) {
    const { list } = ctx;
    for (const item of list.items) {
      for (const field of ALWAYS) {
        if (isEmpty(item, field)) ctx.report({ messageId: 'missing', item, field, data: { field: FIELD_LABELS[field] } });
      }
      for (const field of WHEN_COLUMN) {
        if (!hasColumn(list, field) || !isEmpty(item, field)) continue;
        // A column nobody fills is the list's design, not this item's gap.
        if (list.items.every((other) => isEmpty(other, field))) continue;
        ctx.report({ messageId: 'empty', item, field, data: { field: FIELD_LABELS[field] }, atMost: 'warning' });
      }
    }
  },
});
