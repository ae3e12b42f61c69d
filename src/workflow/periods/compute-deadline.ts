import { z } from 'zod';
import type { Calendar } from '../calendar/calendar.js';
import type { IsoDate } from '../calendar/civil-date.js';
import type { Citation } from './citations.js';
import { countPeriod, type PauseOutcome, type PauseStatus, type ResolvedPause } from './count.js';
import { PeriodError } from './errors.js';
import { explainDeadline } from './explain.js';
import { DEFAULT_PAUSE_KIND, findPauseKind, type PauseEffect } from './pause-kinds.js';
import { DeadlineRequest, type ExtensionInput, type PauseInput } from './request.js';
import {
  COUNTING_BASIS,
  DEFAULT_MONTH_RULE_ID,
  DEFAULT_RULE_ID,
  findPeriodRule,
  PERIOD_RULES,
  type PeriodRule,
  type PeriodUnit,
} from './rules.js';
import { type CountedUnit, countedUnit, UNIT_WORDS, type UnitReason } from './unit-policy.js';

export interface DeadlinePart {
  /** Units counted in this part (the period plus extensions in the same unit). */
  readonly amount: number;
  readonly unit: PeriodUnit;
  readonly requestedUnit: PeriodUnit;
  readonly reason: UnitReason;
  /** Counted from (after any restart). */
  readonly start: IsoDate;
  readonly due: IsoDate;
  /** Set when the last day was a day off and the period ran on to the next workday. */
  readonly rolledFrom?: IsoDate;
  /** A month period ending on the last day of a month without the corresponding day. */
  readonly clamped: boolean;
}

export interface DeadlinePause {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly kind: string;
  readonly effect: PauseEffect;
  readonly status: PauseStatus;
  /** Units not counted because of this pause, in the unit of the period. */
  readonly excluded: number;
  readonly noticeDeadline?: IsoDate;
  readonly note?: string;
}

export interface DeadlineExtension extends ExtensionInput {
  readonly countedUnit: PeriodUnit;
}

export interface DeadlineResult {
  readonly due: IsoDate;
  readonly rule: { readonly id: string; readonly name: string; readonly law: string; readonly article: string };
  /** 'default' when the request named no rule and the general one was used. */
  readonly ruleSource: 'request' | 'default';
  /** True when any year between `from` and `due` has no holiday data. */
  readonly provisional: boolean;
  readonly provisionalYears: readonly number[];
  readonly unverifiedYears: readonly number[];
  /** Chinese: the rule, the counting, every pause and extension, the result. */
  readonly explanation: string;
  readonly from: IsoDate;
  readonly parts: readonly DeadlinePart[];
  readonly pauses: readonly DeadlinePause[];
  readonly extensions: readonly DeadlineExtension[];
  /** Every provision the result relies on. */
  readonly basis: readonly Citation[];
  readonly warnings: readonly string[];
}

const zhCN = z.locales.zhCN();

/**
 * The deadline of a statutory period: the function `quanze deadline` and the API call.
 * The starting day is not counted; a day count becomes working days where the rule's law
 * says so; pauses stop or restart the clock; extensions add to it; a period in natural
 * days or months ending on a day off ends on the next workday.
 * @example computeDeadline({ from: '2025-09-30', amount: 5, unit: 'workday' }, calendar).due // '2025-10-14'
 */
export function computeDeadline(request: DeadlineRequest, calendar: Calendar): DeadlineResult {
  const parsed = DeadlineRequest.safeParse(request, { error: zhCN.localeError });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '请求'}：${issue.message}`);
    throw new PeriodError('bad-request', `期限计算请求有误：${issues.join('；')}`, issues);
  }
  const input = parsed.data;
  const rule = resolveRule(input.rule, input.unit);
  const unit = input.unit ?? rule.defaultPeriod?.unit ?? 'day';
  const amount = input.amount ?? rule.defaultPeriod?.amount;
  if (amount === undefined) throw new PeriodError('missing-amount', `规则“${rule.name}”未规定期限长度，请给出期限数`);
  requireUnit(rule, unit);
  const warnings: string[] = [];
  const pauses = resolvePauses(input.pauses ?? [], rule, warnings);
  const base = countedUnit(rule, unit, amount);
  const extensions = (input.extensions ?? []).map((extension) => {
    const requested = extension.unit ?? unit;
    requireUnit(rule, requested);
    return { ...extension, requested, counted: countedUnit(rule, requested, extension.amount) };
  });

  const roll = (due: IsoDate, counted: PeriodUnit) => (counted === 'workday' ? due : calendar.workdayOnOrAfter(due));
  const withoutExtensions = roll(countPeriod(calendar, { start: input.from, amount, unit: base.unit, pauses, receivedOn: input.from }).due, base.unit);
  checkExtensions(rule, base, extensions, withoutExtensions, warnings);

  const merged = extensions.filter((e) => e.counted.unit === base.unit);
  const total = amount + merged.reduce((sum, e) => sum + e.amount, 0);
  const parts: DeadlinePart[] = [];
  const outcomes: PauseOutcome[][] = [];
  const first = countPeriod(calendar, { start: input.from, amount: total, unit: base.unit, pauses, receivedOn: input.from });
  outcomes.push([...first.outcomes]);
  parts.push(part(total, unit, base, first.start, first.due, roll(first.due, base.unit), first.clamped));
  // An extension in another unit runs on from where the period before it ended.
  const suspensions = pauses.filter((pause) => pause.kind.effect === 'suspend');
  for (const extension of extensions.filter((e) => e.counted.unit !== base.unit)) {
    const start = (parts.at(-1) as DeadlinePart).due;
    const next = countPeriod(calendar, { start, amount: extension.amount, unit: extension.counted.unit, pauses: suspensions, receivedOn: input.from });
    outcomes.push([...next.outcomes]);
    parts.push(part(extension.amount, extension.requested, extension.counted, start, next.due, roll(next.due, extension.counted.unit), next.clamped));
  }
  const due = (parts.at(-1) as DeadlinePart).due;

  const pauseReport = mergeOutcomes(pauses, outcomes);
  const provisionalYears = calendar.provisionalYears(input.from, due);
  const unverifiedYears = calendar.unverifiedYears(input.from, due);
  const basis = collectBasis(rule, parts, pauses, pauseReport, extensions.length > 0);
  const [primary] = rule.basis;
  const result = {
    due,
    rule: { id: rule.id, name: rule.name, law: primary.law, article: primary.article },
    ruleSource: input.rule ? ('request' as const) : ('default' as const),
    provisional: provisionalYears.length > 0,
    provisionalYears,
    unverifiedYears,
    from: input.from,
    parts,
    pauses: pauseReport,
    extensions: extensions.map(({ requested: _requested, counted, ...extension }) => ({ ...extension, countedUnit: counted.unit })),
    basis,
    warnings,
  };
  return { ...result, explanation: explainDeadline(result, rule, calendar) };
}

/** Every rule, for listings (`quanze deadline --rules`, the API). */
export function listPeriodRules(): readonly PeriodRule[] {
  return PERIOD_RULES;
}

function resolveRule(id: string | undefined, unit: PeriodUnit | undefined): PeriodRule {
  const wanted = id ?? (unit === 'month' ? DEFAULT_MONTH_RULE_ID : DEFAULT_RULE_ID);
  const rule = findPeriodRule(wanted);
  if (!rule) {
    const known = PERIOD_RULES.map((r) => r.id).join('、');
    throw new PeriodError('unknown-rule', `未知的期限规则“${wanted}”，可用的规则有：${known}`);
  }
  return rule;
}

function requireUnit(rule: PeriodRule, unit: PeriodUnit): void {
  if (!rule.units.includes(unit)) {
    const allowed = rule.units.map((u) => UNIT_WORDS[u].replace(/^个/, '')).join('、');
    throw new PeriodError('unit-not-allowed', `规则“${rule.name}”不适用于以${UNIT_WORDS[unit].replace(/^个/, '')}计的期限（可用：${allowed}）`);
  }
}

function resolvePauses(pauses: readonly PauseInput[], rule: PeriodRule, warnings: string[]): ResolvedPause[] {
  return pauses
    .map((pause, index): ResolvedPause => {
      const kindId = pause.kind ?? DEFAULT_PAUSE_KIND;
      const kind = findPauseKind(kindId);
      if (!kind) throw new PeriodError('unknown-pause-kind', `未知的中止事由“${kindId}”`);
      if (kind.family && kind.family !== rule.family) {
        warnings.push(`“${kind.name}”的依据是行政许可法，用于规则“${rule.name}”时请确认另有法律依据`);
      }
      return { index, from: pause.from, to: pause.to, kind, ...(pause.note ? { note: pause.note } : {}) };
    })
    .sort((a, b) => (a.from === b.from ? (a.to < b.to ? -1 : 1) : a.from < b.from ? -1 : 1));
}

function checkExtensions(
  rule: PeriodRule,
  base: CountedUnit,
  extensions: readonly (ExtensionInput & { counted: CountedUnit })[],
  originalDue: IsoDate,
  warnings: string[],
): void {
  if (extensions.length === 0) return;
  const limit = rule.extension;
  if (!limit) {
    warnings.push(`规则“${rule.name}”未规定可以延长，延长的依据应另行载明`);
  } else {
    const sum = extensions.filter((e) => e.counted.unit === limit.unit).reduce((total, e) => total + e.amount, 0);
    if (sum > limit.max) warnings.push(`延长合计${sum}${UNIT_WORDS[limit.unit]}，超过法定最多可延长的${limit.max}${UNIT_WORDS[limit.unit]}`);
    if (extensions.some((e) => e.counted.unit !== limit.unit || base.unit !== limit.unit)) {
      warnings.push(`法定延长期限以${UNIT_WORDS[limit.unit].replace(/^个/, '')}计，请核对延长的单位`);
    }
  }
  for (const extension of extensions) {
    if (extension.approvedOn && extension.approvedOn > originalDue) {
      warnings.push(`延长于${extension.approvedOn}批准，晚于原期限届满日${originalDue}`);
    }
  }
}

function part(
  amount: number,
  requestedUnit: PeriodUnit,
  counted: CountedUnit,
  start: IsoDate,
  lastDay: IsoDate,
  due: IsoDate,
  clamped: boolean,
): DeadlinePart {
  return {
    amount,
    unit: counted.unit,
    requestedUnit,
    reason: counted.reason,
    start,
    due,
    ...(due !== lastDay ? { rolledFrom: lastDay } : {}),
    clamped,
  };
}

/** One line per pause, in the caller's order; a pause applied in any part counts as applied. */
function mergeOutcomes(pauses: readonly ResolvedPause[], outcomes: readonly (readonly PauseOutcome[])[]): DeadlinePause[] {
  return [...pauses]
    .sort((a, b) => a.index - b.index)
    .map((pause) => {
      const own = outcomes.flatMap((list) => list.filter((o) => o.pause.index === pause.index));
      const applied = own.filter((o) => o.status === 'applied');
      const chosen = applied[0] ?? own[0];
      return {
        from: pause.from,
        to: pause.to,
        kind: pause.kind.id,
        effect: pause.kind.effect,
        status: chosen?.status ?? 'after-due',
        excluded: applied.reduce((sum, o) => sum + o.excluded, 0),
        ...(chosen?.noticeDeadline ? { noticeDeadline: chosen.noticeDeadline } : {}),
        ...(pause.note ? { note: pause.note } : {}),
      };
    });
}

function collectBasis(
  rule: PeriodRule,
  parts: readonly DeadlinePart[],
  pauses: readonly ResolvedPause[],
  report: readonly DeadlinePause[],
  extended: boolean,
): Citation[] {
  const cited: Citation[] = [...rule.basis, COUNTING_BASIS];
  if (parts.some((p) => p.clamped)) cited.push(...(findPeriodRule(DEFAULT_MONTH_RULE_ID)?.basis ?? []));
  for (const pause of pauses) {
    const status = report.find((r) => r.from === pause.from && r.to === pause.to && r.kind === pause.kind.id)?.status;
    if (status === 'applied') cited.push(...pause.kind.basis);
    if (status === 'late-notice') cited.push(...(pause.kind.noticeWithin?.basis ?? []));
  }
  if (extended && rule.extension) cited.push(rule.extension.basis);
  const seen = new Set<string>();
  return cited.filter((c) => {
    const key = `${c.law}${c.article}${c.part ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
