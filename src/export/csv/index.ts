import type { PowerList } from '../../model/index.js';
import { cellValue, exportColumns, listTitle } from '../table/index.js';

const BOM = '\uFEFF';

/**
 * Cell starts a spreadsheet would run as a formula (CSV injection), and cells that already
 * begin with the text marker before one, so that the marker the reader removes is always ours.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A CSV field, quoted when it holds a comma, quote, line break or edge space (RFC 4180). A cell
 * Excel would run as a formula gets Excel's text marker, a leading apostrophe, which Excel does
 * not show and the CSV reader removes again.
 */
export function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The list as CSV: UTF-8 with a BOM and CRLF rows so that Excel opens it with the Chinese
 * intact; the title in a row of its own (as government CSVs have it; `title: false` leaves it
 * out), a header row, then one row per item (each sub-item row repeats its item's cells).
 * Process sheets have no place in it.
 *
 * @example writeCsv(list) // '\uFEFF某某局权责清单\r\n序号,权力类型,事项名称…\r\n1,行政处罚,…'
 */
export function writeCsv(list: PowerList, options: { title?: boolean } = {}): string {
  const columns = exportColumns(list);
  const rows = [
    ...(options.title === false ? [] : [[listTitle(list)]]),
    columns.map((c) => c.header),
    ...list.items.map((item) => columns.map((c) => cellValue(item, c))),
  ];
  return `${BOM}${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
