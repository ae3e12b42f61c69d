import { decodeEntities } from '../../parse/index.js';
import { LineIndex } from '../text-lines.js';
import { numberAttr, tokenize } from './tokens.js';

/** A paragraph of text outside tables, or inside a cell. */
export interface Paragraph {
  kind: 'text';
  text: string;
  line: number;
}

export interface HtmlCell {
  parts: (Paragraph | HtmlTable)[];
  rowSpan?: number;
  colSpan?: number;
}

export interface HtmlTable {
  kind: 'table';
  line: number;
  caption: Paragraph[];
  rows: { line: number; cells: HtmlCell[] }[];
}

/** Tags after which text starts a new line. */
const BLOCK = new Set(
  'p div br li ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article header footer main nav aside blockquote pre hr address figure figcaption form fieldset center title tr caption'.split(' '),
);

/** Collects text into paragraphs: source whitespace collapses, block tags end a line. */
class TextSink {
  readonly parts: (Paragraph | HtmlTable)[] = [];
  private text = '';
  private line = 0;

  add(text: string, line: number): void {
    // A non-breaking space is a space once the page is not being laid out.
    const collapsed = decodeEntities(text.replace(/[ \t\r\n\f]+/g, ' ')).replace(/\u00a0/g, ' ');
    if (!collapsed.trim() && !this.text) return;
    if (!this.text) this.line = line;
    this.text += collapsed;
  }

  /** Ends the current line (a <br> or a block boundary). */
  newline(): void {
    if (this.text && !this.text.endsWith('\n')) this.text += '\n';
  }

  flush(): void {
    const text = this.text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join('\n');
    if (text) this.parts.push({ kind: 'text', text, line: this.line });
    this.text = '';
  }

  table(table: HtmlTable): void {
    this.flush();
    this.parts.push(table);
  }
}

interface OpenTable {
  table: HtmlTable;
  /** The sink text goes to: the open cell's, the caption's, or null between cells. */
  cell: { cell: HtmlCell; sink: TextSink } | null;
  caption: TextSink | null;
  /** Text between rows or cells, which browsers show before the table. */
  stray: TextSink;
}

/**
 * Reads a page into paragraphs and tables, in document order. Tables keep rowspan and
 * colspan; a table inside a cell stays a table (layout tables hold the list's table).
 */
export function parseHtml(html: string): (Paragraph | HtmlTable)[] {
  const index = new LineIndex(html);
  const body = new TextSink();
  const stack: OpenTable[] = [];
  const sink = (): TextSink => {
    const top = stack.at(-1);
    if (!top) return body;
    return top.cell?.sink ?? top.caption ?? top.stray;
  };
  const closeCell = (open: OpenTable) => {
    if (!open.cell) return;
    open.cell.sink.flush();
    open.cell.cell.parts.push(...open.cell.sink.parts);
    open.cell = null;
  };
  const closeTable = () => {
    const open = stack.pop();
    if (!open) return;
    closeCell(open);
    open.stray.flush();
    open.table.caption.unshift(...(open.stray.parts.filter((p) => p.kind === 'text') as Paragraph[]));
    const parent = sink();
    parent.table(open.table);
  };
  for (const token of tokenize(html)) {
    const line = index.lineAt(token.at);
    if (token.kind === 'text') {
      sink().add(token.text, line);
      continue;
    }
    const { name } = token;
    const top = stack.at(-1);
    if (token.kind === 'open') {
      if (name === 'table') {
        sink().flush();
        stack.push({ table: { kind: 'table', line, caption: [], rows: [] }, cell: null, caption: null, stray: new TextSink() });
      } else if (top && name === 'tr') {
        closeCell(top);
        top.table.rows.push({ line, cells: [] });
      } else if (top && (name === 'td' || name === 'th')) {
        closeCell(top);
        if (top.table.rows.length === 0) top.table.rows.push({ line, cells: [] });
        const rowSpan = numberAttr(token.attrs, 'rowspan');
        const colSpan = numberAttr(token.attrs, 'colspan');
        const cell: HtmlCell = { parts: [], ...(rowSpan ? { rowSpan } : {}), ...(colSpan ? { colSpan } : {}) };
        top.table.rows.at(-1)?.cells.push(cell);
        top.cell = { cell, sink: new TextSink() };
      } else if (top && name === 'caption') {
        top.caption = new TextSink();
      } else if (BLOCK.has(name)) {
        const target = sink();
        target.newline();
        if (name !== 'br' && target === body) body.flush();
      }
      continue;
    }
    if (name === 'table') closeTable();
    else if (top && (name === 'td' || name === 'th' || name === 'tr')) closeCell(top);
    else if (top && name === 'caption' && top.caption) {
      top.caption.flush();
      top.table.caption.push(...(top.caption.parts.filter((p) => p.kind === 'text') as Paragraph[]));
      top.caption = null;
    } else if (BLOCK.has(name)) {
      const target = sink();
      target.newline();
      if (target === body) body.flush();
    }
  }
  while (stack.length > 0) closeTable();
  body.flush();
  return body.parts;
}

/** The text of a cell: its paragraphs, and any table inside it row by row. */
export function cellText(cell: HtmlCell): string {
  return cell.parts
    .map((part) =>
      part.kind === 'text' ? part.text : part.rows.map((row) => row.cells.map(cellText).join(' ')).join('\n'),
    )
    .filter((text) => text !== '')
    .join('\n');
}
