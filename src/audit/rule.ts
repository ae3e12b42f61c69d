import type { z } from 'zod';
import type { CellCitations, LawLibrary, ResolvedCitation } from '../law/index.js';
import type { FieldName, Place, PowerItem, PowerList, Severity } from '../model/index.js';

/**
 * A rule is data plus one function: `meta` says what it checks and how it words its
 * findings (Chinese templates by message id), `check` looks at a list and reports. A rule
 * never changes the list and never decides its own severity beyond lowering it.
 */
export interface RuleMeta<MessageIds extends string, Options> {
  /** problem: the list is wrong; suggestion: the list is likely wrong or unclear. */
  type: 'problem' | 'suggestion';
  /** The severity when the configuration does not set one. */
  severity: Severity;
  docs: {
    /** One Chinese sentence: what the rule reports. */
    description: string;
  };
  /** Chinese templates with {placeholders} filled from a report's data. */
  messages: Readonly<Record<MessageIds, string>>;
  /** Validates and defaults the rule's options from the configuration. */
  options?: z.ZodType<Options>;
}

/** The citations of one cell of an item, each resolved against the registry. */
export interface ResolvedCell extends CellCitations {
  resolved: ResolvedCitation[];
}

/** What the law layer offers rules: the registry, the check date and each item's citations. */
export interface LawContext {
  library: LawLibrary;
  /** The check date, YYYY-MM-DD. */
  today: string;
  /** The list's own date, when known. */
  listDate?: string;
  /** Every cell of an item with its resolved citations (computed once per item). */
  cellsOf(item: PowerItem): ResolvedCell[];
}

export interface Report<MessageIds extends string> {
  messageId: MessageIds;
  data?: Readonly<Record<string, string | number>>;
  /** The item the finding is about; omitted for a finding about the whole list. */
  item?: PowerItem;
  /** The field (canonical name) or column header the finding is about. */
  field?: FieldName | string;
  /** The file line, when more precise than the item's first line. */
  line?: number;
  /** Another place the finding relates to (the first of two duplicates). */
  cause?: Place;
  /** A registry fact behind the report is unverified: the severity drops one level and the message says so. */
  unverified?: boolean;
  /** The most this report may be, whatever the configuration says (info for something only worth knowing). */
  atMost?: Severity;
}

export interface RuleContext<MessageIds extends string, Options> {
  list: PowerList;
  options: Options;
  law: LawContext;
  report(report: Report<MessageIds>): void;
}

export interface Rule<Options = undefined, MessageIds extends string = string> {
  /** kebab-case, equal to the rule's file name. */
  id: string;
  meta: RuleMeta<MessageIds, Options>;
  check(context: RuleContext<MessageIds, Options>): void;
}

/**
 * Declares a rule with its option and message-id types checked: a report with a message id
 * the rule's `messages` lack does not compile.
 *
 * @example
 * export const noEmptyName = defineRule<undefined, 'empty'>({
 *   id: 'no-empty-name',
 *   meta: { type: 'problem', severity: 'error', docs: { description: '事项名称不能为空' }, messages: { empty: '事项名称为空' } },
 *   check: (ctx) => { for (const item of ctx.list.items) if (!item.name.text) ctx.report({ messageId: 'empty', item }); },
 * });
 */
export function defineRule<Options = undefined, MessageIds extends string = string>(rule: Rule<Options, MessageIds>): Rule<Options, MessageIds> {
  return rule;
}

/** Any rule, whatever its options and message ids. */
// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous rule list cannot name each rule's option type.
export type AnyRule = Rule<any, string>;
