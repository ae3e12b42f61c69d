import { z } from 'zod';
import { Finding } from './finding.js';
import { PowerItem } from './item.js';
import { ProcessSheet } from './process-sheet.js';
import { Source } from './source.js';

/** Government levels a list can belong to. */
export const Level = z.enum(['国家', '省级', '市级', '县级', '乡级']);
export type Level = z.infer<typeof Level>;

/** Text outside any item or sheet (titles, headings, stray lines), kept with its place. */
export const FileResidue = z.object({
  text: z.string(),
  firstLine: z.number().int().positive(),
  lastLine: z.number().int().positive(),
  reason: z.string(),
});
export type FileResidue = z.infer<typeof FileResidue>;

export const PowerList = z.object({
  schemaVersion: z.literal(1),
  title: z.string().nullable(),
  department: z.string().nullable(),
  region: z.string().nullable(),
  level: Level.nullable(),
  source: Source,
  /** Header text → canonical field (or null when unknown), as the reader mapped it. */
  columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  items: z.array(PowerItem),
  processSheets: z.array(ProcessSheet),
  residue: z.array(FileResidue),
  /** What the reader noticed: bad records, cut-off cells, stray markup. */
  findings: z.array(Finding),
});
export type PowerList = z.infer<typeof PowerList>;
