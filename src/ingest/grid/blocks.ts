/**
 * The shape every table format is brought to before its rows become records: blocks of
 * free text and tables, a table being a full matrix of slots in which merged ranges are
 * explicit. XLSX (merge ranges), HTML and DOCX (rowspan/colspan), CSV (no merges) and PDF
 * (ruled cells) all produce it; `readGrid` turns it into records.
 */

/** One position of a table. */
export interface Slot {
  text: string;
  /** Rows and columns of the merged range this slot is the origin of (absent: 1×1). */
  span?: { rows: number; cols: number };
  /** Distance to the origin of the merged range covering this slot (absent: it is an origin). */
  coveredBy?: { up: number; left: number };
  /** The text's last line filled the cell (PDF): text continued on the next page joins without a break. */
  endsWrapped?: boolean;
}

export interface TableBlock {
  kind: 'table';
  rows: Slot[][];
  /** The source line (row number, page line) of each row, as a user would look it up. */
  lines: number[];
  /** Where the table came from when a file holds several (a worksheet's name). */
  name?: string;
}

export interface TextBlock {
  kind: 'text';
  text: string;
  line: number;
}

export type Block = TableBlock | TextBlock;

/** A cell as HTML and Word give them: listed in row order, covered positions omitted. */
export interface SpanCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

/**
 * Places HTML-style cells into a full matrix, the way browsers lay out tables: a cell
 * takes the first free column of its row, and a rowspan reserves the columns below it.
 *
 * @example placeSpans([[{ text: 'a', rowSpan: 2 }, { text: 'b' }], [{ text: 'c' }]])
 * // [[a, b], [(covered by a), c]]
 */
export function placeSpans(rows: readonly (readonly SpanCell[])[]): Slot[][] {
  const grid: (Slot | undefined)[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      const line = grid[r] as (Slot | undefined)[];
      while (line[c] !== undefined) c++;
      const rowSpan = clampSpan(cell.rowSpan, rows.length - r);
      const colSpan = clampSpan(cell.colSpan, 1000);
      for (let dr = 0; dr < rowSpan; dr++) {
        const target = grid[r + dr] as (Slot | undefined)[];
        for (let dc = 0; dc < colSpan; dc++) {
          if (target[c + dc] !== undefined) continue;
          target[c + dc] =
            dr === 0 && dc === 0
              ? { text: cell.text, ...(rowSpan > 1 || colSpan > 1 ? { span: { rows: rowSpan, cols: colSpan } } : {}) }
              : { text: '', coveredBy: { up: dr, left: dc } };
        }
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  return grid.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? { text: '' }));
}

function clampSpan(value: number | undefined, max: number): number {
  return value !== undefined && Number.isInteger(value) && value > 1 ? Math.min(value, max) : 1;
}

/** A merged range, 0-based and inclusive, as spreadsheets store them. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A spreadsheet's values plus its merged ranges as slots: the origin keeps the value, the
 * other positions of a range are covered (spreadsheets keep no value there that counts).
 */
export function applyMerges(values: readonly (readonly string[])[], merges: readonly MergeRange[]): Slot[][] {
  const width = Math.max(0, ...values.map((row) => row.length), ...merges.map((m) => m.right + 1));
  const slots: Slot[][] = values.map((row) => Array.from({ length: width }, (_, c) => ({ text: row[c] ?? '' })));
  for (const m of merges) {
    const origin = slots[m.top]?.[m.left];
    if (!origin) continue;
    const rows = Math.min(m.bottom, slots.length - 1) - m.top + 1;
    const cols = m.right - m.left + 1;
    if (rows <= 1 && cols <= 1) continue;
    origin.span = { rows, cols };
    for (let r = m.top; r < m.top + rows; r++) {
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        (slots[r] as Slot[])[c] = { text: '', coveredBy: { up: r - m.top, left: c - m.left } };
      }
    }
  }
  return slots;
}

/** Plain rows of strings (CSV) as a table with no merged ranges. */
export function plainTable(rows: readonly (readonly string[])[], lines: readonly number[]): TableBlock {
  return { kind: 'table', rows: rows.map((row) => row.map((text) => ({ text }))), lines: [...lines] };
}

/**
 * The text a reader sees at a position: a vertically merged range repeats its text in every
 * row it covers (each row of a published list carries its item's 事项名称); a horizontal
 * range keeps it in its first column only, so no text is counted twice in one row.
 */
export function slotText(rows: readonly (readonly Slot[])[], r: number, c: number): string {
  const slot = rows[r]?.[c];
  if (!slot) return '';
  if (!slot.coveredBy) return slot.text;
  if (slot.coveredBy.left > 0) return '';
  return rows[r - slot.coveredBy.up]?.[c]?.text ?? '';
}

/** True when the slot belongs to a range that spans several rows. */
export function isVerticallyMerged(rows: readonly (readonly Slot[])[], r: number, c: number): boolean {
  const slot = rows[r]?.[c];
  if (!slot) return false;
  if (slot.coveredBy) return slot.coveredBy.left === 0;
  return (slot.span?.rows ?? 1) > 1;
}

/** Columns the slot's range covers to the right of it, counting itself (1 when unmerged). */
export function colSpanAt(rows: readonly (readonly Slot[])[], r: number, c: number): number {
  const slot = rows[r]?.[c];
  if (!slot) return 1;
  if (slot.coveredBy) return 0;
  return slot.span?.cols ?? 1;
}

/** The start of a numbered entry: “2.”, “3、”, “（四）”, “二、”, “1-1.”. */
const ENUMERATOR = /^(\d{1,3}([-－]\d{1,3})?|[一二三四五六七八九十]{1,3})[.．、]|^[（(][一二三四五六七八九十\d]{1,3}[）)]/;

/**
 * Joins two pieces of a cell's text that a line end separates (a wrapped PDF line, a row cut by
 * a page break): directly when the line only wrapped, with a line break when the writer ended
 * it. A sentence that ends at the edge followed by the next numbered entry was ended; a Latin
 * word wrapped at a space gets its space back unless the line was that word alone (cut inside).
 *
 * @example joinWrapped('《中华人民共和国行', '政处罚法》', true) // '《中华人民共和国行政处罚法》'
 */
export function joinWrapped(before: string, after: string, wrapped: boolean): string {
  if (!before) return after;
  const enumerated = /[。；;：:！!？?]$/.test(before) && ENUMERATOR.test(after);
  if (!wrapped || enumerated) return `${before}\n${after}`;
  const lastLine = before.slice(before.lastIndexOf('\n') + 1);
  const inWord = /^[A-Za-z0-9.\-_/]+$/.test(lastLine);
  const latin = !inWord && /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after);
  return `${before}${latin ? ' ' : ''}${after}`;
}
