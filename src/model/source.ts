import { z } from 'zod';

export const SourceFormat = z.enum([
  'tab-records',
  'header-tsv',
  'markdown-table',
  'flowchart-text',
  'xlsx',
  'csv',
  'docx',
  'html',
  'pdf',
  'json',
]);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** Where a list came from: enough to find the file again and to know it has not changed. */
export const Source = z.object({
  file: z.string(),
  format: SourceFormat,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof Source>;

/** Lines are 1-based and inclusive, as an editor shows them. */
export const LineSpan = z.object({
  firstLine: z.number().int().positive(),
  lastLine: z.number().int().positive(),
});
export type LineSpan = z.infer<typeof LineSpan>;

/** One cell exactly as the source had it, with the header it stood under. */
export const RawCell = z.object({
  header: z.string(),
  raw: z.string(),
  line: z.number().int().positive(),
});
export type RawCell = z.infer<typeof RawCell>;

/**
 * Where an item came from inside its file: its record, its lines, every raw cell, and the
 * worksheet (or PDF page) its lines are counted in when the file has several.
 */
export const Provenance = LineSpan.extend({
  record: z.number().int().nonnegative(),
  sheet: z.string().optional(),
  page: z.number().int().positive().optional(),
  cells: z.array(RawCell),
});
export type Provenance = z.infer<typeof Provenance>;
