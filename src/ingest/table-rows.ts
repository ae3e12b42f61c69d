import type { RawCell } from '../model/index.js';
import { ImportError } from './errors.js';
import { type HeaderOverrides, looksLikeHeaderRow, mapHeaders } from './header-map.js';
import { readerFinding } from './reader-finding.js';
import { type ReadResult, emptyReadResult } from './record.js';

/** A source line seen as a table row (cells) or as free text (cells: null). */
export interface TableLine {
  line: number;
  raw: string;
  cells: string[] | null;
}

/**
 * Turns rows of cells into records for tables whose header row may repeat before each
 * record (samples 003 and 004). Text before the first header becomes the title; any other
 * non-table line, and a header row no record follows, is kept as residue with a finding.
 * Without records this is an error, unless the lines are a `partial` piece of a file.
 */
export function readHeaderedRows(
  file: string,
  lines: readonly TableLine[],
  map: HeaderOverrides = {},
  partial = false,
): ReadResult {
  const result = emptyReadResult();
  let headers: string[] | null = null;
  // The last header row while no record follows it, with where its residue and finding go in
  // line order if none does: records keep their header's text in their cells, it has none.
  let unused: { line: number; raw: string; residueAt: number; findingAt: number } | null = null;
  const keepUnused = (): void => {
    if (!unused) return;
    const { line, raw, residueAt, findingAt } = unused;
    result.residue.splice(residueAt, 0, { text: raw, firstLine: line, lastLine: line, reason: '没有数据行的表头' });
    result.findings.splice(findingAt, 0, readerFinding('header-without-rows', 'info', { file, line }));
    unused = null;
  };
  for (const { line, raw, cells } of lines) {
    if (cells === null) {
      if (!raw.trim()) continue;
      if (headers === null && result.title === null) {
        // A Markdown heading's # marks are syntax, not part of the title.
        result.title = raw.trim().replace(/^#{1,6}\s+/, '');
        result.residue.push({ text: raw, firstLine: line, lastLine: line, reason: '标题' });
      } else {
        result.residue.push({ text: raw, firstLine: line, lastLine: line, reason: '表格之外的文字' });
        result.findings.push(readerFinding('stray-line', 'info', { file, line }));
      }
      continue;
    }
    if (looksLikeHeaderRow(cells)) {
      keepUnused();
      unused = { line, raw, residueAt: result.residue.length, findingAt: result.findings.length };
      headers = cells.map((cell) => cell.trim());
      if (result.columns.length === 0) result.columns = mapHeaders(headers, map);
      continue;
    }
    if (headers === null) {
      result.residue.push({ text: raw, firstLine: line, lastLine: line, reason: '表头之前的表格行' });
      result.findings.push(readerFinding('stray-line', 'warning', { file, line }));
      continue;
    }
    unused = null;
    const record = result.records.length;
    if (cells.length !== headers.length) {
      result.findings.push(
        readerFinding('row-shape', 'warning', { file, line, record }, { count: cells.length, expected: headers.length }),
      );
    }
    const rawCells: RawCell[] = cells.map((cell, i) => ({ header: headerAt(headers as string[], i), raw: cell, line }));
    result.records.push({ record, firstLine: line, lastLine: line, cells: rawCells });
  }
  keepUnused();
  if (result.records.length === 0 && !partial) {
    throw new ImportError('bad-structure', file, headers === null ? '未找到表头行（如“序号、事项名称、权力类型”）' : '表头之后没有任何数据行');
  }
  return result;
}

function headerAt(headers: readonly string[], index: number): string {
  const header = headers[index];
  return header === undefined || header === '' ? `第${index + 1}列` : header;
}
