import { z } from 'zod';

/**
 * 地方权力编码 as seen in the 凉州区 sample (31 characters): the department's
 * 统一社会信用代码 (18), then 13 digits of which only the trailing type segment,
 * 3-digit item and 3-digit sub-item are understood. The digits in between are kept
 * verbatim and never interpreted.
 */
export const LocalCode = z.object({
  raw: z.string(),
  creditCode: z.string().optional(),
  typeSegment: z.string().optional(),
  itemNo: z.string().optional(),
  subNo: z.string().optional(),
  /** Characters whose meaning is not documented, in order. */
  undocumented: z.array(z.string()),
});
export type LocalCode = z.infer<typeof LocalCode>;
