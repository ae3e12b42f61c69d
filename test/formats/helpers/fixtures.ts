import { Document, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { cellValue, exportColumns } from '../../../src/export/index.js';
import type { PowerList } from '../../../src/model/index.js';

/** A list as the rows of a published table: its title, header and one row of texts per item. */
export function listRows(list: PowerList): { title: string; header: string[]; rows: string[][] } {
  const columns = exportColumns(list);
  return {
    title: list.title ?? `${list.department ?? ''}权责清单`,
    header: columns.map((c) => c.header),
    rows: list.items.map((item) => columns.map((c) => cellValue(item, c))),
  };
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A cell's lines as paragraphs, the way CMS editors write them. */
const htmlCell = (text: string) =>
  text
    .split('\n')
    .map((line) => `<p style="margin:0">${escapeHtml(line)}</p>`)
    .join('\n        ');

/**
 * A government web page holding the list: navigation, a title, the table inside a layout
 * table (as older portals build pages), a script that mentions table tags, and a footer.
 */
export function toHtmlPage(list: PowerList): string {
  const { title, header, rows } = listRows(list);
  const table = [
    '<table class="list" border="1" cellspacing="0">',
    `  <thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    '  <tbody>',
    ...rows.map((row) => `    <tr>\n${row.map((cell) => `      <td valign=top>\n        ${htmlCell(cell)}\n      </td>`).join('\n')}\n    </tr>`),
    '  </tbody>',
    '</table>',
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html><head><meta charset="utf-8"><title>权责清单公开</title>',
    '<script>var tpl = "<table><tr><td>不是清单</td></tr></table>";</script>',
    '<style>td { padding: 4px }</style></head>',
    '<body>',
    '<div class="nav"><a href="/">首页</a> &gt; <a href="/gk">政务公开</a></div>',
    '<table width="100%"><tr><td>',
    `<h1 style="text-align:center">${escapeHtml(title)}</h1>`,
    '<!-- 正文开始 -->',
    table,
    '</td></tr></table>',
    // Government sites lay their footer out as a table of its own, after the list's.
    '<table class="footer"><tr><td>主办单位：某某局</td><td>网站标识码：1234</td></tr></table>',
    '</body></html>',
  ].join('\n');
}

const docxCell = (text: string, options: { rowSpan?: number; bold?: boolean } = {}) =>
  new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold ?? false })] })),
    ...(options.rowSpan ? { rowSpan: options.rowSpan } : {}),
  });

/**
 * A Word document holding the list: a title paragraph, then the table split in two at
 * `splitAt` rows with a page break between and the header repeated on the second page, as
 * lists pasted page by page into Word are; the header row is also marked to repeat.
 */
export async function toDocx(list: PowerList, splitAt = Math.ceil(list.items.length / 2)): Promise<Uint8Array> {
  const { title, header, rows } = listRows(list);
  const headerRow = () => new TableRow({ tableHeader: true, children: header.map((h) => docxCell(h, { bold: true })) });
  const table = (part: string[][]) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [headerRow(), ...part.map((row) => new TableRow({ children: row.map((cell) => docxCell(cell)) }))],
    });
  const children: (Paragraph | Table)[] = [new Paragraph({ children: [new TextRun({ text: title, bold: true, size: 32 })] }), table(rows.slice(0, splitAt))];
  if (splitAt < rows.length) children.push(new Paragraph({ children: [new PageBreak()] }), table(rows.slice(splitAt)));
  const document = new Document({ sections: [{ properties: { page: { size: { orientation: 'landscape' } } }, children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

type DocxCell = string | { text: string; rowSpan: number };

/** A Word document of a title and tables from explicit rows (cells as text or { text, rowSpan }), a page break between tables. */
export async function docxTables(title: string, tables: readonly (readonly (readonly DocxCell[])[])[]): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [new Paragraph(title)];
  tables.forEach((rows, t) => {
    if (t > 0) children.push(new Paragraph({ children: [new PageBreak()] }));
    children.push(
      new Table({
        rows: rows.map(
          (row, r) =>
            new TableRow({
              tableHeader: r === 0,
              children: row.map((cell) => (typeof cell === 'string' ? docxCell(cell, { bold: r === 0 }) : docxCell(cell.text, { rowSpan: cell.rowSpan }))),
            }),
        ),
      }),
    );
  });
  const document = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}
