import type { IssueCode } from '../../law/index.js';
import { defineRule } from '../rule.js';
import { citationIssues } from './citation-issues.js';

type Ids = 'title-typo' | 'quote-differs' | 'quote-unrelated';

export const citationWording = defineRule<undefined, Ids>({
  id: 'citation-wording',
  meta: {
    type: 'problem',
    severity: 'warning',
    docs: { description: '所引法规的名称和条文文字应与法规原文一致' },
    messages: {
      'title-typo': '《{title}》的{where}中“{wrong}”应为“{right}”',
      'quote-differs': '所引《{title}》{ref}的文字与{version}原文不一致：“{quoted}”，原文为“{law}”{more}{basis}',
      'quote-unrelated': '所引文字不是《{title}》{version}{ref}的内容{elsewhere}{basis}',
    },
  },
  check(ctx) {
    const codes = new Set<IssueCode>(['title-typo', 'quote-differs', 'quote-unrelated']);
    for (const found of citationIssues(ctx.list.items, ctx.law, codes)) {
      const { issue } = found;
      const data: Record<string, string | number> = { ...issue.data };
      if (issue.code === 'quote-differs') data.more = Number(issue.data.count) > 1 ? `（共${issue.data.count}处不一致）` : '';
      if (issue.code === 'quote-unrelated') data.elsewhere = issue.data.elsewhere ? `，与该版本${issue.data.elsewhere}相符` : '';
      ctx.report({ messageId: issue.code as Ids, item: found.item, field: found.field, line: found.line, data, unverified: !issue.verified });
    }
  },
});
