import type { PeriodRule, PeriodUnit } from './rules.js';

/**
 * as-given: counted in the unit stated; law-workdays: every day count is working days;
 * listed / not-listed: the count is or is not one the law lists as working days;
 * within-max / over-max: the count is or is not within the law's working-day ceiling.
 */
export type UnitReason = 'as-given' | 'law-workdays' | 'listed' | 'not-listed' | 'within-max' | 'over-max';

export interface CountedUnit {
  readonly unit: PeriodUnit;
  readonly reason: UnitReason;
}

/**
 * The unit a period is actually counted in under a rule. An explicit 'workday' or 'month'
 * is taken as stated; a count of days is what the rule's law turns it into.
 * @example countedUnit(xingzhengChufa85, 'day', 5) // { unit: 'workday', reason: 'listed' }
 */
export function countedUnit(rule: PeriodRule, unit: PeriodUnit, amount: number): CountedUnit {
  if (unit !== 'day') return { unit, reason: 'as-given' };
  const policy = rule.unitPolicy;
  switch (policy.kind) {
    case 'as-given':
      return { unit: 'day', reason: 'as-given' };
    case 'days-are-workdays':
      return { unit: 'workday', reason: 'law-workdays' };
    case 'workdays-for-amounts':
      return policy.amounts.includes(amount) ? { unit: 'workday', reason: 'listed' } : { unit: 'day', reason: 'not-listed' };
    case 'workdays-up-to':
      return amount <= policy.max ? { unit: 'workday', reason: 'within-max' } : { unit: 'day', reason: 'over-max' };
  }
}

export const UNIT_WORDS: Readonly<Record<PeriodUnit, string>> = { workday: '个工作日', day: '日', month: '个月' };
