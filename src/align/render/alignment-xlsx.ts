import type ExcelJS from 'exceljs';
import type { Alignment, EntryInfo, ListInfo } from '../align.js';

const place = (entry: EntryInfo) => (entry.ref.kind === 'sheet' ? `流程图${entry.ref.index + 1}` : `第${entry.ref.index + 1}项`);

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[], rows: (string | number)[][]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The alignment as an XLSX workbook: one sheet of pairs (with reasons and
 * inconsistencies), one of unmatched entries, and one row per power across all lists.
 *
 * @example await writeFile('比对.xlsx', await alignmentXlsx(alignment))
 */
export async function alignmentXlsx(alignment: Alignment): Promise<Uint8Array> {
  // Loaded on first use, as in writeXlsx.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const label = (index: number) => (alignment.lists[index] as ListInfo).label;
  addSheet(
    workbook,
    '配对',
    [
      { header: '清单甲', width: 18 },
      { header: '位置甲', width: 9 },
      { header: '事项甲', width: 40 },
      { header: '类型甲', width: 12 },
      { header: '清单乙', width: 18 },
      { header: '位置乙', width: 9 },
      { header: '事项乙', width: 40 },
      { header: '类型乙', width: 12 },
      { header: '得分', width: 8 },
      { header: '配对理由', width: 60 },
      { header: '不一致', width: 60 },
    ],
    alignment.comparisons.flatMap((c) =>
      c.pairs.map((p) => [
        label(c.left),
        place(p.left),
        p.left.label,
        p.left.type,
        label(c.right),
        place(p.right),
        p.right.label,
        p.right.type,
        Number(p.score.toFixed(3)),
        p.reasons.map((r) => r.message).join('\n'),
        p.inconsistencies.map((i) => i.message).join('\n'),
      ]),
    ),
  );
  addSheet(
    workbook,
    '未配对',
    [
      { header: '清单', width: 18 },
      { header: '对照清单', width: 18 },
      { header: '位置', width: 9 },
      { header: '事项', width: 50 },
      { header: '类型', width: 12 },
    ],
    alignment.comparisons.flatMap((c) => [
      ...c.unmatchedLeft.map((e) => [label(c.left), label(c.right), place(e), e.label, e.type]),
      ...c.unmatchedRight.map((e) => [label(c.right), label(c.left), place(e), e.label, e.type]),
    ]),
  );
  addSheet(
    workbook,
    '总览',
    alignment.lists.map((l) => ({ header: l.label, width: 40 })),
    alignment.groups.map((g) => g.members.map((entries) => entries.map((e) => `${place(e)} ${e.label}［${e.type}］`).join('\n'))),
  );
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
