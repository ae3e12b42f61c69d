import type { Citation, CitedRef } from '../citations/index.js';
import type { Law, MapResult } from '../registry/index.js';
import type { QuoteCheck } from './quote.js';
import type { ChosenVersion } from './version.js';

/**
 * What resolution found wrong or worth saying about a citation. Each code carries the data
 * its message needs; `verified` is false when a registry fact it rests on is unverified.
 */
export type IssueCode =
  /** The title is not a law in the registry (nor a known form). */
  | 'unknown-title'
  /** The title is cut off in the source. */
  | 'truncated-title'
  /** A misspelling in the title or its note (中国人民共和国 for 中华人民共和国). */
  | 'title-typo'
  /** An order number or date in the note names no version of the law. */
  | 'unmatched-hint'
  /** The version cited is no longer in force. */
  | 'superseded'
  /** The article has another number in the version in force. */
  | 'moved'
  /** The article has no counterpart in the version in force. */
  | 'removed'
  /** The registry cannot say where the article is in the version in force. */
  | 'unmapped'
  /** A later version removed the provision and the power it enabled. */
  | 'abolished-power'
  /** The law has been repealed. */
  | 'repealed'
  /** The cited version has no such article. */
  | 'article-missing'
  /** The article has no such 款 or 项. */
  | 'part-missing'
  /** The quoted text differs from the law's wording. */
  | 'quote-differs'
  /** The quoted text is not the cited article's. */
  | 'quote-unrelated';

export interface CitationIssue {
  code: IssueCode;
  verified: boolean;
  /** The reference the issue is about, when it is about one. */
  ref?: CitedRef;
  data: Record<string, string | number>;
}

export type Target =
  | { kind: 'law'; law: Law }
  | { kind: 'document' }
  | { kind: 'truncated'; candidates: string[] }
  | { kind: 'unknown' }
  /** A context word or bare article with no law to refer to. */
  | { kind: 'unattached' };

export interface ResolvedRef {
  ref: CitedRef;
  /** Whether the cited version has this point: unknown when the registry has neither its text nor its article count. */
  exists: 'yes' | 'no' | 'unknown';
  /** Where the point is in the version in force, when that is another version. */
  current?: MapResult;
}

export interface ResolvedCitation {
  citation: Citation;
  target: Target;
  /** The version the citation is read against, and why. */
  version?: ChosenVersion;
  /** The version in force on the check date. */
  inForce?: ChosenVersion;
  refs: ResolvedRef[];
  quote?: QuoteCheck;
  /**
   * True for a reference inside the law text another citation quotes (本法第二十条 in a quoted
   * article): it belongs to that text, so the list is not citing it of its own accord.
   */
  insideQuote: boolean;
  issues: CitationIssue[];
}

export interface ResolveOptions {
  /** The check date (YYYY-MM-DD): citations are compared with the versions in force on it. */
  today: string;
  /** The list's own date, when known: citations without a version hint are read as of it. */
  listDate?: string;
}
