import type { FieldName, FileResidue, Finding, ProcessSheet, RawCell } from '../model/index.js';

/** A file's text with what identifies it. Readers of binary formats turn their file into this or into records directly. */
export interface TextInput {
  file: string;
  text: string;
}

/** A header cell and the canonical field it maps to (null: unknown, kept under its header). */
export interface Column {
  header: string;
  field: FieldName | null;
}

/**
 * One table row as a reader found it: raw cells under their headers, not yet interpreted.
 * `shared` holds cells merged across several rows in the original (a group's 备注), which
 * the reader copied to each row it covers.
 */
export interface RawRecord {
  record: number;
  firstLine: number;
  lastLine: number;
  cells: RawCell[];
  /** Headers whose cell in this record came from a merged cell of its group. */
  shared?: string[];
  /** The 序号 a reader infers for an unnumbered row. */
  impliedSeq?: number;
  /** The worksheet (XLSX) or page (PDF) the record's lines are counted in. */
  sheet?: string;
  page?: number;
}

/** What every reader returns: records, or process sheets for flowcharts, and what it could not place. */
export interface ReadResult {
  title: string | null;
  columns: Column[];
  records: RawRecord[];
  processSheets: ProcessSheet[];
  residue: FileResidue[];
  findings: Finding[];
}

export function emptyReadResult(): ReadResult {
  return { title: null, columns: [], records: [], processSheets: [], residue: [], findings: [] };
}
