import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cleanCell } from '../cell-text.js';
import type { SampleId } from '../fixtures/types.js';

/** Test support only: the grammars themselves never read files. */
const SAMPLES = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

export function sampleText(id: SampleId): string {
  const file = readdirSync(SAMPLES).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`no sample ${id}`);
  return readFileSync(SAMPLES + file, 'utf8');
}

export interface SampleCell {
  sample: SampleId;
  /** Position among the pieces the simple split produced. */
  index: number;
  /** Column header where the sample names it (003, 004). */
  header?: string;
  raw: string;
}

/**
 * Cells split the simple way: 000/001 on every tab (cells run over lines); 003 each line on
 * tabs, headers from the repeated header row; 004 each table line on "|", headers likewise.
 */
export function sampleCells(id: SampleId): SampleCell[] {
  const text = sampleText(id);
  if (id === '000' || id === '001') return text.split('\t').map((raw, index) => ({ sample: id, index, raw }));
  const sep = id === '003' ? '\t' : '|';
  const out: SampleCell[] = [];
  let headers: string[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split(sep);
    const isHeader = cells.some((c) => c.trim() === '序号');
    const isRule = /^\|?[\s\-:|]+$/.test(line.trim());
    if (isHeader) headers = cells.map((c) => c.trim());
    cells.forEach((raw, col) => {
      const cell: SampleCell = { sample: id, index: out.length, raw };
      const header = headers[col];
      if (header && !isHeader && !isRule) cell.header = header;
      out.push(cell);
    });
  }
  return out;
}

export const TABLE_SAMPLES: readonly SampleId[] = ['000', '001', '003', '004'];

/** A cell of a table sample as a grammar gets it (cleanCell's text), with where it was found. */
export interface CleanSampleCell {
  where: string;
  header?: string;
  text: string;
}

/** Every cell of the table samples, cleaned. */
export function cleanSampleCells(): CleanSampleCell[] {
  return TABLE_SAMPLES.flatMap((id) => sampleCells(id)).map((c) => {
    const cell: CleanSampleCell = { where: `${c.sample} #${c.index}`, text: cleanCell(c.raw).text };
    if (c.header !== undefined) cell.header = c.header;
    return cell;
  });
}
