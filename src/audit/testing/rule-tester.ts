import { beforeAll, describe, expect, it } from 'vitest';
import { type LawLibrary, openLawLibrary } from '../../law/index.js';
import type { Finding, PowerList, Severity } from '../../model/index.js';
import type { AnyRule } from '../rule.js';
import { auditList } from '../runner.js';

/**
 * Test support in ESLint's RuleTester manner: a table of lists the rule accepts and lists
 * it reports, each report stated by message id (never by wording), optionally with the
 * item, field, severity and data it must carry.
 */

export interface ValidCase {
  name: string;
  list: PowerList;
  /** The check date; 2026-11-23 unless a case needs another. */
  today?: string;
  listDate?: string;
  options?: unknown;
  /** A registry of the case's own (a repealed law, say), instead of data/laws. */
  library?: () => Promise<LawLibrary>;
}

export interface ExpectedReport {
  messageId: string;
  item?: string;
  field?: string;
  line?: number;
  severity?: Severity;
  data?: Record<string, string | number | boolean>;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedReport[];
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

export const TEST_TODAY = '2026-11-23';

let shared: Promise<LawLibrary> | undefined;
/** The real registry, loaded once per test file. */
export function testLibrary(): Promise<LawLibrary> {
  shared ??= openLawLibrary();
  return shared;
}

/** Runs one rule alone, at its default severity, over a case's list. */
export function runRule(rule: AnyRule, c: ValidCase, library: LawLibrary): Finding[] {
  const options = rule.meta.options ? rule.meta.options.parse(c.options ?? {}) : undefined;
  return auditList(c.list, {
    library,
    today: c.today ?? TEST_TODAY,
    ...(c.listDate !== undefined ? { listDate: c.listDate } : {}),
    plan: [{ rule, severity: rule.meta.severity, options }],
  });
}

function actual(f: Finding, expected: ExpectedReport) {
  const out: Record<string, unknown> = { messageId: f.messageId };
  if (expected.item !== undefined) out.item = f.place.item;
  if (expected.field !== undefined) out.field = f.place.field;
  if (expected.line !== undefined) out.line = f.place.line;
  if (expected.severity !== undefined) out.severity = f.severity;
  if (expected.data !== undefined) out.data = Object.fromEntries(Object.keys(expected.data).map((k) => [k, f.data[k]]));
  return out;
}

/** Declares one test per case. */
export function runRuleTests(rule: AnyRule, cases: RuleCases): void {
  describe(rule.id, () => {
    let library: LawLibrary;
    beforeAll(async () => {
      library = await testLibrary();
    });
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, async () => {
        const found = runRule(rule, c, c.library ? await c.library() : library);
        expect(found.map((f) => `${f.messageId}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, async () => {
        const found = runRule(rule, c, c.library ? await c.library() : library);
        expect(found.every((f) => f.ruleId === rule.id)).toBe(true);
        expect(found.map((f, i) => actual(f, c.errors[i] ?? { messageId: '' }))).toEqual(c.errors);
        for (const f of found) expect(f.message).not.toMatch(/\{\w+\}/);
      });
    }
  });
}
