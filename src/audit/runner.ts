import type { LawLibrary } from '../law/index.js';
import { type Finding, makeFinding, type PowerList, renderMessage } from '../model/index.js';
import { runPaced, runToEnd, type Steps } from '../pace/index.js';
import { planRules, type RuleRun } from './config.js';
import { lawContext } from './law-context.js';
import { itemLabel, placeOf } from './place.js';
import type { AnyRule, Report } from './rule.js';
import { RULES } from './rules/index.js';
import { lower, lowest, severityRank, UNVERIFIED_NOTE } from './severity.js';

export interface AuditOptions {
  library: LawLibrary;
  /** The check date (YYYY-MM-DD); pass it in, so a report can be reproduced. */
  today: string;
  /** The list's own date, when known. */
  listDate?: string;
  /** How each rule runs (see planRules); every rule at its own severity by default. */
  plan?: readonly RuleRun[];
}

/** Reader findings an audit rule reports better; dropped from a check when that rule runs. */
export const SUPERSEDED_READER_FINDINGS: Readonly<Record<string, string>> = {
  'parse/truncated-cell': 'cell-integrity',
};

/** The rule id of a finding made because a rule itself failed. */
export const RULE_FAILURE = 'audit/rule-failed';

/**
 * File order of findings: a workbook numbers lines per worksheet, so the worksheet comes
 * first (in the order the list's items first use them, then any the items do not use by
 * name; a place naming no worksheet first), then line, then record. A PDF's lines count on
 * across its pages, and a finding placed by a line alone (a flowchart after the table) has
 * no page, so the page is no key.
 */
function inFileOrder(list: PowerList): (a: Finding, b: Finding) => number {
  const sheets = new Map<string, number>();
  for (const item of list.items) {
    const sheet = item.provenance.sheet;
    if (sheet !== undefined && !sheets.has(sheet)) sheets.set(sheet, sheets.size + 1);
  }
  const sheetRank = (f: Finding) => (f.place.sheet === undefined ? 0 : (sheets.get(f.place.sheet) ?? sheets.size + 1));
  const sheetName = (f: Finding) => f.place.sheet ?? '';
  return (a, b) =>
    sheetRank(a) - sheetRank(b) ||
    sheetName(a).localeCompare(sheetName(b)) ||
    (a.place.line ?? 0) - (b.place.line ?? 0) ||
    (a.place.record ?? -1) - (b.place.record ?? -1) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    a.ruleId.localeCompare(b.ruleId);
}

/**
 * Runs the audit rules over one list and returns their findings in file order. A rule that
 * throws does not stop the others: its failure is itself a finding.
 *
 * @example auditList(await importFile('data/samples/003_1a02e0d312fedcb4.txt'), { library, today: '2026-11-23' })
 */
export function auditList(list: PowerList, options: AuditOptions): Finding[] {
  return runToEnd(auditSteps(list, options, false));
}

/**
 * The audit as steps (see Steps): each rule is one. Rules walk the whole list at once, and
 * most of their time is the items' citations, which the law context extracts and resolves
 * on first use (0.5 ms an item, 10 ms for a long one): `sliced` does that first, an item a
 * step, so that no step of an audit that pauses is long.
 */
function* auditSteps(list: PowerList, options: AuditOptions, sliced: boolean): Steps<Finding[]> {
  const plan = options.plan ?? planRules(RULES);
  const law = lawContext(list, options.library, options.today, options.listDate);
  if (sliced) {
    for (const item of list.items) {
      try {
        law.cellsOf(item);
      } catch {
        // Not kept: the rule that asks for these cells fails as it would have, and reports it.
      }
      yield;
    }
  }
  const findings: Finding[] = [];
  for (const { rule, severity, options: ruleOptions } of plan) {
    if (severity === null) continue;
    try {
      rule.check({ list, options: ruleOptions, law, report: (r) => findings.push(toFinding(list, rule, severity, r)) });
    } catch (error) {
      findings.push({
        ruleId: RULE_FAILURE,
        messageId: 'rule-failed',
        severity: 'error',
        message: `规则“${rule.id}”运行失败，其余规则照常运行：${error instanceof Error ? error.message : String(error)}`,
        data: { rule: rule.id },
        place: { file: list.source.file },
      });
    }
    yield;
  }
  return findings.sort(inFileOrder(list));
}

function toFinding(list: PowerList, rule: AnyRule, configured: NonNullable<RuleRun['severity']>, r: Report<string>): Finding {
  let severity = r.atMost ? lowest(configured, r.atMost) : configured;
  if (r.unverified) severity = lower(severity);
  const data = { ...(r.data ?? {}) };
  const template = rule.meta.messages[r.messageId] ?? r.messageId;
  const finding = makeFinding(rule.id, { [r.messageId]: template }, r.messageId, severity, placeOf(list, r.item, r.field, r.line), data);
  if (r.unverified) {
    finding.message = renderMessage(template, data) + UNVERIFIED_NOTE;
    finding.data = { ...finding.data, verified: false };
  }
  if (r.cause) finding.cause = r.cause;
  return finding;
}

/** One checked list: what formatters and the store need. */
export interface CheckResult {
  file: string;
  title: string | null;
  department: string | null;
  /** Every item, so that reports can name the items findings point at. */
  items: Array<{ record: number; label: string; name: string }>;
  /** Reader findings of warning or error (those no running rule supersedes) and audit findings, in file order. */
  findings: Finding[];
}

/**
 * Audits a list and adds what its reader noticed, as `quanze check` reports it.
 *
 * @example const result = checkList(list, { library, today }); formatStylish([result])
 */
export function checkList(list: PowerList, options: AuditOptions): CheckResult {
  return runToEnd(checkSteps(list, options, false));
}

/** checkList pausing between its steps, for an audit run where others wait on the event loop (a publish, `start`). */
export function checkListPaced(list: PowerList, options: AuditOptions): Promise<CheckResult> {
  return runPaced(checkSteps(list, options, true));
}

function* checkSteps(list: PowerList, options: AuditOptions, sliced: boolean): Steps<CheckResult> {
  const plan = options.plan ?? planRules(RULES);
  const running = new Set(plan.filter((p) => p.severity !== null).map((p) => p.rule.id));
  // What a reader only noted (markup removed, a flowchart box it could not place) is for `inspect`, not a problem.
  const reader = list.findings.filter((f) => {
    const by = SUPERSEDED_READER_FINDINGS[f.ruleId];
    return f.severity !== 'info' && (by === undefined || !running.has(by));
  });
  return {
    file: list.source.file,
    title: list.title,
    department: list.department,
    items: list.items.map((item) => ({ record: item.provenance.record, label: itemLabel(item), name: item.name.text })),
    findings: [...reader, ...(yield* auditSteps(list, { ...options, plan }, sliced))].sort(inFileOrder(list)),
  };
}
