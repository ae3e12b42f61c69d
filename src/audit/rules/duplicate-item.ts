import type { PowerItem } from '../../model/index.js';
import { placeOf } from '../place.js';
import { defineRule } from '../rule.js';

/** What makes two items the same power: type, name and sub-item, ignoring spacing and punctuation. */
function identity(item: PowerItem): string {
  const compact = (s: string | undefined) => (s ?? '').normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');
  return [item.powerType.type ?? compact(item.powerType.raw), compact(item.name.text), compact(item.subItem?.text)].join('|');
}

export const duplicateItem = defineRule<undefined, 'duplicate'>({
  id: 'duplicate-item',
  meta: {
    type: 'problem',
    severity: 'warning',
    docs: { description: '同一清单中不应重复列出同一权力事项（类型、名称、子项都相同）' },
    messages: {
      duplicate: '与第{first}项重复：{type}“{name}”',
    },
  },
  check(ctx) {
    const seen = new Map<string, PowerItem>();
    for (const item of ctx.list.items) {
      if (item.name.text.trim() === '') continue;
      const key = identity(item);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, item);
        continue;
      }
      const firstPlace = placeOf(ctx.list, first);
      ctx.report({
        messageId: 'duplicate',
        item,
        field: 'name',
        cause: firstPlace,
        data: { first: firstPlace.item ?? '', type: item.powerType.raw, name: item.name.text },
      });
    }
  },
});
