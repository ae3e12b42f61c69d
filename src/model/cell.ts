import { z } from 'zod';

/**
 * A text cell: `text` is what a reader sees (markup removed, whitespace tidied);
 * `raw` is the exact source. `flags` record what the reader noticed about it.
 */
export const CellFlag = z.enum(['html', 'truncated', 'empty', 'merged']);
export type CellFlag = z.infer<typeof CellFlag>;

export const TextCell = z.object({
  text: z.string(),
  raw: z.string(),
  flags: z.array(CellFlag).default([]),
});
export type TextCell = z.infer<typeof TextCell>;
