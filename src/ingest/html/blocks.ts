import { type Block, placeSpans } from '../grid/index.js';
import { type HtmlTable, type Paragraph, cellText } from './document.js';

/**
 * Paragraphs and tables in document order as grid blocks. A table holding tables is a
 * layout table: its own text becomes paragraphs and the tables inside it are read as tables.
 */
export function toBlocks(parts: readonly (Paragraph | HtmlTable)[]): Block[] {
  return parts.flatMap((part) => (part.kind === 'text' ? [textBlock(part)] : tableBlocks(part)));
}

function textBlock(paragraph: Paragraph): Block {
  return { kind: 'text', text: paragraph.text, line: paragraph.line };
}

function tableBlocks(table: HtmlTable): Block[] {
  const caption = table.caption.map(textBlock);
  const layout = table.rows.some((row) => row.cells.some((cell) => cell.parts.some((part) => part.kind === 'table')));
  if (layout) {
    return [...caption, ...table.rows.flatMap((row) => row.cells.flatMap((cell) => toBlocks(cell.parts)))];
  }
  const rows = placeSpans(
    table.rows.map((row) =>
      row.cells.map((cell) => ({
        text: cellText(cell),
        ...(cell.rowSpan ? { rowSpan: cell.rowSpan } : {}),
        ...(cell.colSpan ? { colSpan: cell.colSpan } : {}),
      })),
    ),
  );
  return [...caption, { kind: 'table', rows, lines: table.rows.map((row) => row.line) }];
}
