import { z } from 'zod';
import { IsoDateString } from '../calendar/schema.js';

export const PeriodUnitSchema = z.enum(['workday', 'day', 'month']);

/** A stretch of time that stops the clock or restarts it, both days included. */
export const PauseInput = z
  .strictObject({
    from: IsoDateString,
    to: IsoDateString,
    /** 补正, 听证, 招标, 拍卖, 检验, 检测, 检疫, 鉴定, 专家评审, 中止 (default), 重新计算. */
    kind: z.string().min(1).optional(),
    note: z.string().optional(),
  })
  .refine((pause) => pause.from <= pause.to, { message: '开始日期不能晚于结束日期', path: ['to'] });
export type PauseInput = z.output<typeof PauseInput>;

/** An extension of the period, e.g. 经本行政机关负责人批准延长十日. */
export const ExtensionInput = z.strictObject({
  amount: z.number().int().positive(),
  /** Defaults to the unit of the period it extends. */
  unit: PeriodUnitSchema.optional(),
  approvedOn: IsoDateString.optional(),
  approvedBy: z.string().optional(),
  note: z.string().optional(),
});
export type ExtensionInput = z.output<typeof ExtensionInput>;

/**
 * What `quanze deadline` and the API take.
 * @example { from: '2025-09-30', amount: 5, unit: 'workday' }
 */
export const DeadlineRequest = z.strictObject({
  /** The day the period starts from (受理, 立案, 送达 …); it is itself not counted. */
  from: IsoDateString,
  /** Optional when the rule names its statutory period (二十日, 九十日). */
  amount: z.number().int().positive().optional(),
  unit: PeriodUnitSchema.optional(),
  rule: z.string().min(1).optional(),
  pauses: z.array(PauseInput).optional(),
  extensions: z.array(ExtensionInput).optional(),
});
export type DeadlineRequest = z.input<typeof DeadlineRequest>;
