import { z } from 'zod';

/** The ten administrative power types of national practice, plus 公共服务 that some provinces add. */
export const POWER_TYPES = [
  '行政许可',
  '行政处罚',
  '行政强制',
  '行政征收',
  '行政给付',
  '行政检查',
  '行政确认',
  '行政奖励',
  '行政裁决',
  '其他行政权力',
  '公共服务',
] as const;

export const PowerTypeName = z.enum(POWER_TYPES);
export type PowerTypeName = z.infer<typeof PowerTypeName>;

/**
 * A 权力类型 cell: the known type when the text names one, and always the raw text,
 * so that an unknown or misspelt type is kept rather than forced into the enum.
 */
export const PowerType = z.object({
  type: PowerTypeName.nullable(),
  raw: z.string(),
});
export type PowerType = z.infer<typeof PowerType>;

/** Returns the known type a cell names, or null. Whitespace inside the cell is ignored. */
export function toPowerType(raw: string): PowerType {
  const compact = raw.replace(/\s+/g, '');
  const type = (POWER_TYPES as readonly string[]).includes(compact) ? (compact as PowerTypeName) : null;
  return { type, raw };
}
