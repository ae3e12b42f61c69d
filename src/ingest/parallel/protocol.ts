import type { Finding, PowerItem } from '../../model/index.js';
import type { ListMetaSample } from '../list-meta.js';
import type { Column, RawRecord } from '../record.js';

/**
 * Records of one piece of a file, sent to a worker to run through the grammars; `sample`
 * is how many of its first items the list head still needs.
 */
export interface ParseJob {
  id: number;
  file: string;
  columns: Column[];
  records: RawRecord[];
  sample: number;
}

/** The piece's items as NDJSON lines in UTF-8, with what the list head needs: each record's findings, the sample. */
export interface ParseDone {
  id: number;
  ndjson: Uint8Array;
  findings: Finding[][];
  sample: ListMetaSample[];
}

/** The NDJSON line of one item, the same on the serial and parallel paths. */
export function ndjsonItemLine(file: string, item: PowerItem): string {
  return `${JSON.stringify({ type: 'item', file, item })}\n`;
}
