import { z } from 'zod';

export const TimeUnit = z.enum(['工作日', '日', '月', '年', '小时']);
export type TimeUnit = z.infer<typeof TimeUnit>;

/** 法定时限 / 承诺时限: "45个工作日" → { value: 45, unit: 工作日 }; raw always kept. */
export const TimeLimit = z.object({
  value: z.number().nonnegative().optional(),
  unit: TimeUnit.optional(),
  raw: z.string(),
});
export type TimeLimit = z.infer<typeof TimeLimit>;
