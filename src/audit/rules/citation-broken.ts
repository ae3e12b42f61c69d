import type { IssueCode } from '../../law/index.js';
import { defineRule } from '../rule.js';
import { citationIssues } from './citation-issues.js';

type Ids = 'unknown-title' | 'truncated-title' | 'unmatched-hint' | 'article-missing' | 'part-missing';

export const citationBroken = defineRule<undefined, Ids>({
  id: 'citation-broken',
  meta: {
    type: 'problem',
    severity: 'error',
    docs: { description: '依据应指向法规库中存在的法规、版本、条、款、项' },
    messages: {
      'unknown-title': '《{title}》不在法规库中，无法核对',
      'truncated-title': '法规标题“{title}”在原文中被截断{candidates}',
      'unmatched-hint': '《{title}》的题注写“{hint}”，与法规库记载的{known}不符{basis}',
      'article-missing': '《{title}》{version}没有{ref}（共{count}条）{basis}',
      'part-missing': '《{title}》{version}{ref}不存在（该条没有这一款或项）{basis}',
    },
  },
  check(ctx) {
    const codes = new Set<IssueCode>(['unknown-title', 'truncated-title', 'unmatched-hint', 'article-missing', 'part-missing']);
    for (const found of citationIssues(ctx.list.items, ctx.law, codes)) {
      const { issue } = found;
      const data = issue.code === 'truncated-title' && issue.data.candidates ? { ...issue.data, candidates: `，可能是${issue.data.candidates}` } : issue.data;
      ctx.report({
        messageId: issue.code as Ids,
        item: found.item,
        field: found.field,
        line: found.line,
        data,
        unverified: !issue.verified,
        // Not knowing a law is the registry's gap as much as the list's.
        ...(issue.code === 'unknown-title' ? { atMost: 'info' as const } : {}),
      });
    }
  },
});
