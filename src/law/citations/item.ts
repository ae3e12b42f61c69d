import type { PowerItem, PowerList } from '../../model/index.js';
import { extractCitations } from './extract.js';
import type { Citation, Span } from './types.js';

/** The citations of one cell of an item, with where the cell is in its file. */
export interface CellCitations {
  /** The canonical field, or null for a column no mapping knows. */
  field: string | null;
  header: string;
  /** The cell's text exactly as in the file; citation spans are offsets into it. */
  raw: string;
  /** The file line the cell starts on. */
  line: number;
  citations: Citation[];
}

/** The fields whose citations give the item's other cells their context (本条例 in a duty means the basis's 条例). */
const CONTEXT_FIELDS = new Set(['basis']);

/** The file line of an offset into a cell that starts on `line`. */
export function lineAt(cell: Pick<CellCitations, 'raw' | 'line'>, offset: number): number {
  let line = cell.line;
  for (let i = cell.raw.indexOf('\n'); i >= 0 && i < offset; i = cell.raw.indexOf('\n', i + 1)) line++;
  return line;
}

/** The text a span covers in its cell. */
export function spanText(cell: Pick<CellCitations, 'raw'>, span: Span): string {
  return cell.raw.slice(span[0], span[1]);
}

/**
 * Extracts the citations of every cell of an item, each cell on its own (context words do
 * not reach across cells) but with the titles the item's 实施依据 cites as context, so a
 * duty's "违反本条例规定" finds its 条例.
 *
 * @example citationsOfItem(list.items[0], list.columns, { titles: titleLexicon(registry) })
 */
export function citationsOfItem(
  item: PowerItem,
  columns: PowerList['columns'],
  options: { titles?: readonly string[] } = {},
): CellCitations[] {
  const fieldOf = new Map(columns.map((c) => [c.header, c.field]));
  const cells = item.provenance.cells.map((cell) => ({ ...cell, field: fieldOf.get(cell.header) ?? null }));
  const context: string[] = [];
  const out = new Map<number, CellCitations>();
  const extract = (index: number) => {
    const cell = cells[index];
    if (!cell || out.has(index)) return;
    const citations = extractCitations(cell.raw, { ...(options.titles ? { titles: options.titles } : {}), context });
    out.set(index, { field: cell.field, header: cell.header, raw: cell.raw, line: cell.line, citations });
    if (CONTEXT_FIELDS.has(cell.field ?? '')) {
      for (const c of citations) if (c.via === 'title' && c.titleKind === 'law' && c.title !== undefined) context.push(c.title);
    }
  };
  for (const [index, cell] of cells.entries()) if (CONTEXT_FIELDS.has(cell.field ?? '')) extract(index);
  for (const index of cells.keys()) extract(index);
  return cells.map((_, index) => out.get(index) as CellCitations);
}
