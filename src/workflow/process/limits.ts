import type { TimeLimit } from '../../model/index.js';
import { findPeriodRule } from '../periods/index.js';
import type { CountUnit, LimitSpec } from './schema.js';

/**
 * Which period rule a power type's time limits are counted under, and the statutory period
 * a definition falls back to when its source states none. Data, not logic: each row names
 * the rule of src/workflow/periods that carries the provision.
 */
export const POWER_TYPE_RULES: Readonly<Record<string, { readonly rule: string; readonly fallback?: string }>> = {
  // 行政许可法第八十二条: its periods are working days; 第四十二条: 二十日 for the decision.
  行政许可: { rule: 'xingzheng-xuke-workdays', fallback: 'xingzheng-xuke-42' },
  // 行政处罚法第八十五条 (二日…七日 are working days); 第六十条: 九十日 from 立案.
  行政处罚: { rule: 'xingzheng-chufa-85', fallback: 'xingzheng-chufa-60' },
  // 行政强制法第六十九条: ten days or less are working days.
  行政强制: { rule: 'xingzheng-qiangzhi-69' },
};

/** The general counting rule for every other type. */
export const GENERAL_RULE = 'civil-procedure-period';

/** Units of the model's time limits as the calendar counts them; 年 is twelve months. */
const UNIT_OF: Readonly<Record<string, { unit: CountUnit; factor: number } | undefined>> = {
  工作日: { unit: 'workday', factor: 1 },
  日: { unit: 'day', factor: 1 },
  月: { unit: 'month', factor: 1 },
  年: { unit: 'month', factor: 12 },
};

export function ruleForPowerType(powerType: string | undefined): string {
  return (powerType && POWER_TYPE_RULES[powerType]?.rule) || GENERAL_RULE;
}

/**
 * A model time limit as a limit the calendar can count, under the power type's rule.
 * Hours, ranges and "即办" keep only their text.
 *
 * @example toLimitSpec({ raw: '45个工作日', value: 45, unit: '工作日' }, '行政许可')
 * // { raw: '45个工作日', amount: 45, unit: 'workday', rule: 'xingzheng-xuke-workdays' }
 */
export function toLimitSpec(limit: TimeLimit, powerType: string | undefined): LimitSpec {
  const mapped = limit.unit ? UNIT_OF[limit.unit] : undefined;
  const amount = limit.value !== undefined && mapped ? limit.value * mapped.factor : undefined;
  if (!mapped || amount === undefined || !Number.isInteger(amount) || amount <= 0) return { raw: limit.raw };
  return { raw: limit.raw, amount, unit: mapped.unit, rule: ruleForPowerType(powerType) };
}

/**
 * The statutory period a power type's rule names, for items whose list states no 法定时限.
 * Null when the type has no such rule.
 */
export function fallbackLimit(powerType: string | undefined): LimitSpec | null {
  const id = powerType ? POWER_TYPE_RULES[powerType]?.fallback : undefined;
  const rule = id ? findPeriodRule(id) : undefined;
  if (!rule?.defaultPeriod) return null;
  const [basis] = rule.basis;
  return {
    raw: '',
    amount: rule.defaultPeriod.amount,
    unit: rule.defaultPeriod.unit,
    rule: rule.id,
    note: `清单未载明法定时限，按${basis.law}${basis.article}的期限（${rule.name}）`,
  };
}
