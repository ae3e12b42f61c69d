import { type CitationIssue, type IssueCode, lineAt, type ResolvedCitation } from '../../law/index.js';
import type { PowerItem } from '../../model/index.js';
import type { LawContext, ResolvedCell } from '../rule.js';

/** One issue of one resolved citation, with where it is. */
export interface LocatedIssue {
  item: PowerItem;
  cell: ResolvedCell;
  citation: ResolvedCitation;
  issue: CitationIssue;
  /** The file line of the reference (or citation) the issue is about. */
  line: number;
  /** The field to report: the canonical field, else the column header. */
  field: string;
}

/**
 * Every issue with one of `codes` among the citations of a list's items, in file order. Issues
 * of references inside a quoted law text are left out: the quote is the law's, not the list's.
 */
export function citationIssues(items: readonly PowerItem[], law: LawContext, codes: ReadonlySet<IssueCode>): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const item of items) {
    for (const cell of law.cellsOf(item)) {
      for (const citation of cell.resolved) {
        if (citation.insideQuote) continue;
        for (const issue of citation.issues) {
          if (!codes.has(issue.code)) continue;
          const at = issue.ref?.span[0] ?? citation.citation.span[0];
          out.push({ item, cell, citation, issue, line: lineAt(cell, at), field: cell.field ?? cell.header });
        }
      }
    }
  }
  return out;
}
