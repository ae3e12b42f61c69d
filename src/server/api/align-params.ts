import { z } from 'zod';
import { parseVersionSelector, type VersionSelector } from '../../align/index.js';
import { Id } from './params.js';

/** Request parameters of the compare and version-diff endpoints. */

export const MIN_COMPARED = 2;
export const MAX_COMPARED = 6;

/** "1, 3,4" → ["1", "3", "4"]; empty pieces (a trailing comma) are dropped. */
export function splitIds(text: string): string[] {
  return text
    .split(/[,，]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const listIds = z
  .string()
  .max(200)
  .transform(splitIds)
  .pipe(
    z
      .array(Id)
      .min(MIN_COMPARED, `至少选择 ${MIN_COMPARED} 份清单`)
      .max(MAX_COMPARED, `最多比对 ${MAX_COMPARED} 份清单`)
      .refine((ids) => new Set(ids).size === ids.length, '同一份清单选了两次'),
  )
  .describe(`要比对的清单编号，用逗号分隔，${MIN_COMPARED}–${MAX_COMPARED} 份，如 1,3`);

export const CompareParams = z.object({ lists: listIds });
export type CompareParams = z.output<typeof CompareParams>;

const version = (description: string) =>
  z
    .string()
    .trim()
    .refine((s) => parseVersionSelector(s) !== undefined, '版本应为正整数（版本号）或 latest')
    .transform((s) => parseVersionSelector(s) as VersionSelector)
    .optional()
    .describe(description);

export const DiffParams = z.object({
  from: version('起始版本号（1 为首次导入），或 latest；缺省为 1'),
  to: version('目标版本号，或 latest；缺省为最新版本'),
});
export type DiffParams = z.output<typeof DiffParams>;

export const DIFF_DEFAULTS: { from: VersionSelector; to: VersionSelector } = { from: 1, to: 'latest' };
