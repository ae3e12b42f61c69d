import { CITATIONS, type Citation } from './citations.js';

export type PeriodUnit = 'workday' | 'day' | 'month';

/** How a rule turns a stated count of days into the unit actually counted. */
export type UnitPolicy =
  /** Units are counted as stated. */
  | { readonly kind: 'as-given' }
  /** Every period in days is in working days (行政许可法第八十二条). */
  | { readonly kind: 'days-are-workdays' }
  /** Only these day counts are working days, others natural days (行政处罚法第八十五条). */
  | { readonly kind: 'workdays-for-amounts'; readonly amounts: readonly number[] }
  /** Day counts up to `max` are working days, longer ones natural days (行政强制法第六十九条). */
  | { readonly kind: 'workdays-up-to'; readonly max: number };

export interface ExtensionLimit {
  readonly max: number;
  readonly unit: PeriodUnit;
  /** Who must approve: 本行政机关负责人批准. */
  readonly approval: string;
  readonly basis: Citation;
}

/**
 * A period rule is data: which provision it applies, how it counts, what it allows.
 * Every rule counts the same way once the unit is fixed: the starting day is not counted,
 * and a period in natural days or months that ends on a day off ends on the next workday
 * (民事诉讼法第八十五条, applied by reference outside civil procedure).
 */
export interface PeriodRule {
  readonly id: string;
  /** Chinese name shown to users. */
  readonly name: string;
  /** The provision the rule applies first, then any it relies on. */
  readonly basis: readonly [Citation, ...Citation[]];
  readonly units: readonly PeriodUnit[];
  readonly unitPolicy: UnitPolicy;
  /** The statutory period, when the rule names one (二十日, 九十日). */
  readonly defaultPeriod?: { readonly amount: number; readonly unit: PeriodUnit };
  readonly extension?: ExtensionLimit;
  /** Whether the 行政许可法 pause kinds (第三十二条 补正, 第四十五条 听证 …) belong to it. */
  readonly family: 'xingzheng-xuke' | 'xingzheng-chufa' | 'xingzheng-qiangzhi' | 'general';
}

/** The counting rule every other rule borrows when a period ends on a day off. */
export const COUNTING_BASIS = CITATIONS.minsu85;

export const PERIOD_RULES = [
  {
    id: 'xingzheng-xuke-workdays',
    name: '行政许可期限以工作日计算',
    basis: [CITATIONS.xuke82],
    units: ['workday', 'day'],
    unitPolicy: { kind: 'days-are-workdays' },
    family: 'xingzheng-xuke',
  },
  {
    id: 'xingzheng-xuke-42',
    name: '行政许可决定期限（二十日，经负责人批准可延长十日）',
    basis: [CITATIONS.xuke42, CITATIONS.xuke82],
    units: ['workday', 'day'],
    unitPolicy: { kind: 'days-are-workdays' },
    defaultPeriod: { amount: 20, unit: 'workday' },
    extension: { max: 10, unit: 'workday', approval: '本行政机关负责人批准', basis: CITATIONS.xuke42 },
    family: 'xingzheng-xuke',
  },
  {
    id: 'xingzheng-xuke-42-joint',
    name: '行政许可统一、联合、集中办理期限（四十五日，经批准可延长十五日）',
    basis: [CITATIONS.xuke42joint, CITATIONS.xuke82],
    units: ['workday', 'day'],
    unitPolicy: { kind: 'days-are-workdays' },
    defaultPeriod: { amount: 45, unit: 'workday' },
    extension: { max: 15, unit: 'workday', approval: '本级人民政府负责人批准', basis: CITATIONS.xuke42joint },
    family: 'xingzheng-xuke',
  },
  {
    id: 'civil-procedure-period',
    name: '期间计算（起算日不计入，届满日遇休假日顺延）',
    basis: [CITATIONS.minsu85],
    units: ['workday', 'day', 'month'],
    unitPolicy: { kind: 'as-given' },
    family: 'general',
  },
  {
    id: 'xingzheng-chufa-85',
    name: '行政处罚法中二日、三日、五日、七日为工作日',
    basis: [CITATIONS.chufa85],
    units: ['workday', 'day', 'month'],
    unitPolicy: { kind: 'workdays-for-amounts', amounts: [2, 3, 5, 7] },
    family: 'xingzheng-chufa',
  },
  {
    id: 'xingzheng-chufa-60',
    name: '行政处罚决定期限（立案之日起九十日）',
    basis: [CITATIONS.chufa60, CITATIONS.chufa85],
    units: ['workday', 'day'],
    unitPolicy: { kind: 'workdays-for-amounts', amounts: [2, 3, 5, 7] },
    defaultPeriod: { amount: 90, unit: 'day' },
    family: 'xingzheng-chufa',
  },
  {
    id: 'xingzheng-qiangzhi-69',
    name: '行政强制法中十日以内期限为工作日',
    basis: [CITATIONS.qiangzhi69],
    units: ['workday', 'day', 'month'],
    unitPolicy: { kind: 'workdays-up-to', max: 10 },
    family: 'xingzheng-qiangzhi',
  },
  {
    id: 'month-period',
    name: '按月计算的期间（到期月对应日，无对应日为月末日）',
    basis: [CITATIONS.minsu85, CITATIONS.minfadian202],
    units: ['month'],
    unitPolicy: { kind: 'as-given' },
    family: 'general',
  },
] as const satisfies readonly PeriodRule[];

export type PeriodRuleId = (typeof PERIOD_RULES)[number]['id'];

/** Used when a request names no rule: the general way periods are counted. */
export const DEFAULT_RULE_ID: PeriodRuleId = 'civil-procedure-period';
/** Used for months when no rule is named. */
export const DEFAULT_MONTH_RULE_ID: PeriodRuleId = 'month-period';

const BY_ID: ReadonlyMap<string, PeriodRule> = new Map(PERIOD_RULES.map((rule) => [rule.id, rule]));

export function findPeriodRule(id: string): PeriodRule | undefined {
  return BY_ID.get(id);
}
