import type { IssueCode } from '../../law/index.js';
import { defineRule } from '../rule.js';
import { citationIssues } from './citation-issues.js';

type Ids = 'superseded' | 'moved' | 'removed' | 'abolished-power' | 'repealed' | 'unmapped';

/** Issues about one reference; when a citation has any, its 'superseded' is said by them. */
const REF_LEVEL: ReadonlySet<IssueCode> = new Set(['moved', 'removed', 'abolished-power', 'unmapped']);

export const citationOutdated = defineRule<undefined, Ids>({
  id: 'citation-outdated',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '依据不应引用已被取代的法规版本、已移位或已删除的条文、已取消的权力或已废止的法规' },
    messages: {
      superseded: '引用的《{title}》是{version}，已被{current}取代（{effective}）{basis}',
      moved: '《{title}》{version}{ref}，在现行{current}中为{newRef}（{change}{also}）{basis}',
      removed: '《{title}》{version}{ref}，在现行{current}中已无对应条文{basis}',
      'abolished-power': '《{title}》{version}{ref}，所规定的“{power}”已随{removedIn}取消{basis}',
      repealed: '《{title}》已废止{date}{basis}',
      unmapped: '无法确定《{title}》{version}{ref}在现行{current}中的位置（{reason}）{basis}',
    },
  },
  check(ctx) {
    const codes = new Set<IssueCode>(['superseded', 'moved', 'removed', 'abolished-power', 'repealed', 'unmapped']);
    for (const found of citationIssues(ctx.list.items, ctx.law, codes)) {
      const { issue, citation } = found;
      if (issue.code === 'superseded' && citation.issues.some((i) => REF_LEVEL.has(i.code))) continue;
      ctx.report({
        messageId: issue.code as Ids,
        item: found.item,
        field: found.field,
        line: found.line,
        data: issue.data,
        unverified: !issue.verified,
        ...(issue.code === 'unmapped' ? { atMost: 'info' as const } : {}),
      });
    }
  },
});
