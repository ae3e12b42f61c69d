import { type HtmlValue, html, type SafeHtml } from './template.js';

/** A column of a stacked table: its name, and what each row shows under it. */
export interface Column<Row> {
  label: string;
  cell: (row: Row) => HtmlValue;
  /** A class for the row's cell (an overdue count in red). */
  cellClass?: (row: Row) => string | undefined;
  /** Kept on one line: a case number, a date. */
  nowrap?: boolean;
  /** The name is for screen readers only, and cells are not prefixed with it (a column of links that say what they do). */
  unlabelled?: boolean;
}

/**
 * A table of many columns. On a desk it is a table (scrolling sideways if it must); on a
 * phone the site's stylesheet (table.stack) shows each row as a card, each cell prefixed with
 * its column's name from data-label, where squeezing every column into the screen would
 * leave one character a line.
 */
export function stackedTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[], rowAttributes?: (row: Row) => SafeHtml | string): SafeHtml {
  const heading = (c: Column<Row>) => html`<th scope="col">${c.unlabelled ? html`<span class="visually-hidden">${c.label}</span>` : c.label}</th>`;
  const cell = (c: Column<Row>, row: Row) => {
    const cls = [c.nowrap ? 'nowrap' : '', c.cellClass?.(row) ?? ''].filter(Boolean).join(' ');
    return html`<td${c.unlabelled ? '' : html` data-label="${c.label}"`}${cls ? html` class="${cls}"` : ''}>${c.cell(row)}</td>`;
  };
  return html`<div class="table-scroll"><table class="stack">
<thead><tr>${columns.map(heading)}</tr></thead>
<tbody>${rows.map((row) => html`<tr${rowAttributes?.(row) ?? ''}>
${columns.map((c) => cell(c, row))}
</tr>`)}</tbody>
</table></div>`;
}
