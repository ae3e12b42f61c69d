import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { exportList } from '../../src/export/index.js';
import { ImportError, importBytes } from '../../src/ingest/index.js';
import { PowerList, placeText } from '../../src/model/index.js';
import { sampleText } from '../helpers/samples.js';
import { compoundFile } from './helpers/cfb.js';
import { listForm } from './helpers/same.js';

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const HEADER = ['序号', '权力类型', '事项名称', '子项', '实施主体', '责任事项'];

describe('XLSX: an item whose cells are merged over its sub-item rows', () => {
  const bytes = workbook((wb) => {
    const ws = wb.addWorksheet('清单');
    ws.addRow(['某某局权责清单']);
    ws.mergeCells('A1:F1');
    ws.addRow(HEADER);
    ws.addRow([1, '行政许可', '商用密码产品销售许可', '初审', '某某局', '1.受理责任：依法受理。\n2.审查责任：审查材料。']);
    ws.addRow([null, null, null, '复审', null, '1.受理责任：依法受理。']);
    ws.addRow([null, null, null, '变更', null, '1.审查责任：审查变更。']);
    for (const col of ['A', 'B', 'C', 'E']) ws.mergeCells(`${col}3:${col}5`);
    ws.addRow([2, '行政处罚', '对某某的处罚', '', '某某局', '1.立案责任：立案。']);
  });

  it('gives one record per (item, sub-item) row, each carrying the item cells, marked merged', async () => {
    const list = await importBytes('merged.xlsx', await bytes);
    expect(list.items.map((i) => [i.seq, i.name.text, i.subItem?.text])).toEqual([
      ['1', '商用密码产品销售许可', '初审'],
      ['1', '商用密码产品销售许可', '复审'],
      ['1', '商用密码产品销售许可', '变更'],
      ['2', '对某某的处罚', ''],
    ]);
    for (const item of list.items.slice(0, 3)) {
      expect(item.powerType.type).toBe('行政许可');
      expect(item.subject?.text).toBe('某某局');
      expect(item.name.flags).toContain('merged');
      expect(item.subItem?.flags).not.toContain('merged');
    }
    expect(list.items[3]?.name.flags).not.toContain('merged');
    expect(list.title).toBe('某某局权责清单');
  });

  it('keeps a multi-line cell as lines, parsed into its duty steps', async () => {
    const list = await importBytes('merged.xlsx', await bytes);
    expect(list.items[0]?.duties?.text).toBe('1.受理责任：依法受理。\n2.审查责任：审查材料。');
    expect(list.items[0]?.duties?.duties.map((d) => d.name)).toEqual(['受理', '审查']);
  });

  it('writes the sub-items back with the item cells merged, and reads them back the same', async () => {
    const list = await importBytes('merged.xlsx', await bytes);
    const out = await exportList(list, 'xlsx');
    const wb = await new ExcelJS.Workbook().xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    // Title row 1, header row 2, items from row 3: 序号, 权力类型, 事项名称, 实施主体 merged over rows 3–5.
    for (const address of ['A4', 'B5', 'C4', 'E5']) expect(sheet.getCell(address).isMerged).toBe(true);
    expect(sheet.getCell('D4').isMerged).toBe(false);
    expect(sheet.getCell('A6').isMerged).toBe(false);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(sheet.getCell('F3').alignment?.wrapText).toBe(true);
    const back = await importBytes('back.xlsx', out);
    expect(listForm(back)).toEqual(listForm(list));
  });
});

describe('XLSX: layouts of published workbooks', () => {
  it('composes a two-row header under a title and a 填报单位 line', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['某某局权责清单']);
      ws.mergeCells('A1:H1');
      ws.addRow(['填报单位：某某局', '', '', '', '', '', '填报日期：2024年1月']);
      ws.addRow(['序号', '权力类型', '事项名称', '责任事项', '', '追责', '', '备注']);
      ws.addRow(['', '', '', '内容', '依据', '情形', '依据', '']);
      for (const range of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'F3:G3', 'H3:H4']) ws.mergeCells(range);
      ws.addRow([1, '行政检查', '保密检查', '1.检查责任：检查。', '1-1.《保守国家秘密法》第四十六条', '1.未履行检查职责的；', '《保守国家秘密法》第五十八条', '']);
    });
    const list = await importBytes('two-row.xlsx', bytes);
    expect(list.columns).toEqual([
      { header: '序号', field: 'seq' },
      { header: '权力类型', field: 'powerType' },
      { header: '事项名称', field: 'name' },
      { header: '责任事项内容', field: 'duties' },
      { header: '责任事项依据', field: 'dutyBasis' },
      { header: '追责情形', field: 'accountability' },
      { header: '追责依据', field: 'accountabilityBasis' },
      { header: '备注', field: 'remark' },
    ]);
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.dutyBasis?.entries[0]?.key).toBe('1-1');
    expect(list.title).toBe('某某局权责清单');
    expect(list.residue.map((r) => r.text)).toContain('填报单位：某某局  填报日期：2024年1月');
  });

  it('reads every sheet that holds a list, keeps a notes sheet as residue, and skips section headings', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('说明').addRow(['本清单按权力类型分表列出。']);
      const permits = wb.addWorksheet('行政许可');
      permits.addRow(['序号', '权力类型', '事项名称', '实施依据']);
      permits.addRow(['一、行政许可']);
      permits.mergeCells('A2:D2');
      permits.addRow([1, '行政许可', '许可甲', '《某法》第一条']);
      const penalties = wb.addWorksheet('行政处罚');
      penalties.addRow(['序号', '权力类型', '事项名称', '实施依据']);
      penalties.addRow([1, '行政处罚', '处罚甲', '《某法》第二条']);
      penalties.addRow([2, '行政处罚', '处罚乙', '《某法》第三条']);
      wb.addWorksheet('空表');
    });
    const list = await importBytes('sheets.xlsx', bytes);
    expect(list.items.map((i) => [i.powerType.type, i.name.text])).toEqual([
      ['行政许可', '许可甲'],
      ['行政处罚', '处罚甲'],
      ['行政处罚', '处罚乙'],
    ]);
    expect(list.items.map((i) => i.provenance.record)).toEqual([0, 1, 2]);
    expect(list.residue.map((r) => [r.text, r.reason])).toEqual(
      expect.arrayContaining([
        ['一、行政许可', '表格之外的文字（工作表“行政许可”）'],
        ['本清单按权力类型分表列出。', '没有清单表头的工作表“说明”'],
      ]),
    );
  });

  it('says which worksheet a row is on: two sheets each have a row 3, told apart by their sheet', async () => {
    const bytes = await workbook((wb) => {
      for (const [name, type] of [
        ['许可', '行政许可'],
        ['处罚', '行政处罚'],
      ]) {
        const ws = wb.addWorksheet(name);
        ws.addRow(['序号', '权力类型', '事项名称', '实施依据']);
        ws.addRow([1, type, `${type}甲`, '《某法》第一条']);
        // No 权力类型 the reader knows: a warning on row 3 of each sheet.
        ws.addRow([2, '其他', `${type}乙`, '《某法》第二条']);
        // Text below the table: a reader finding on row 4 of each sheet.
        ws.addRow([`${name}表完`]);
      }
    });
    const list = await importBytes('两表.xlsx', bytes);
    expect(list.items.map((i) => [i.provenance.sheet, i.provenance.firstLine, i.name.text])).toEqual([
      ['许可', 2, '行政许可甲'],
      ['许可', 3, '行政许可乙'],
      ['处罚', 2, '行政处罚甲'],
      ['处罚', 3, '行政处罚乙'],
    ]);
    const unknown = list.findings.filter((f) => f.messageId === 'unknown-power-type');
    expect(unknown.map((f) => placeText(f.place))).toEqual(['文件 两表.xlsx 工作表“许可” 第3行', '文件 两表.xlsx 工作表“处罚” 第3行']);
    // A reader's finding names its sheet once, in its place, as the parser's findings do.
    const stray = list.findings.filter((f) => f.ruleId === 'ingest/stray-line');
    expect(stray.map((f) => [placeText(f.place), f.data])).toEqual([
      ['文件 两表.xlsx 工作表“许可” 第4行', {}],
      ['文件 两表.xlsx 工作表“处罚” 第4行', {}],
    ]);
    // JSON output keeps it, and the JSON reader validates it (its own items are then placed in the JSON file).
    const json = await exportList(list, 'json');
    const written = PowerList.parse(JSON.parse(new TextDecoder().decode(json)));
    expect(written.items.map((i) => i.provenance.sheet)).toEqual(['许可', '许可', '处罚', '处罚']);
    expect((await importBytes('两表.json', json)).items).toHaveLength(4);
  });

  it('reads headers written over two lines, numbers stored as numbers or as text alike, long codes intact', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('清单');
      ws.addRow(['序号', '权力\n类型', ' 事项 名称 ', '地方权力编码', '法定时限']);
      ws.addRow([1, '行政处罚', '处罚甲', '11620602MB198079204620246001000', 20]);
      ws.addRow(['2', '行政处罚', '处罚乙', '11620602MB198079204620246002000', '20个工作日']);
      ws.addRow([3.0, '行政处罚', { richText: [{ text: '处罚' }, { text: '丙', font: { bold: true } }] }, '', { formula: '10+10', result: 20 }]);
    });
    const list = await importBytes('numbers.xlsx', bytes);
    expect(list.columns.slice(0, 3)).toEqual([
      { header: '序号', field: 'seq' },
      { header: '权力类型', field: 'powerType' },
      { header: '事项名称', field: 'name' },
    ]);
    expect(list.items.map((i) => i.seq)).toEqual(['1', '2', '3']);
    expect(list.items.map((i) => i.name.text)).toEqual(['处罚甲', '处罚乙', '处罚丙']);
    expect(list.items[1]?.localCode).toMatchObject({ creditCode: '11620602MB19807920', itemNo: '002' });
    expect(list.items.map((i) => i.statutoryLimit?.raw)).toEqual(['20', '20个工作日', '20']);
  });

  it('numbers the unnumbered rows as a reader counts them', async () => {
    const bytes = await workbook((wb) => {
      const ws = wb.addWorksheet('清单');
      ws.addRow(['序号', '权力类型', '事项名称']);
      ws.addRow([3, '行政检查', '检查甲']);
      ws.addRow([null, '行政检查', '检查乙']);
      ws.addRow([null, '行政检查', '检查丙']);
      ws.addRow([6, '行政检查', '检查丁']);
    });
    const list = await importBytes('gaps.xlsx', bytes);
    expect(list.items.map((i) => [i.seq, i.impliedSeq])).toEqual([
      ['3', undefined],
      [null, 4],
      [null, 5],
      ['6', undefined],
    ]);
  });

  it('recognises a workbook by its content whatever it is called', async () => {
    const bytes = await exportList(await importBytes('004.txt', new TextEncoder().encode(sampleText('liangzhou'))), 'xlsx');
    const list = await importBytes('下载文件', bytes);
    expect(list.source.format).toBe('xlsx');
    expect(list.items).toHaveLength(14);
  });
});

describe('XLSX: bad files get an error naming the file and the problem', () => {
  it('an empty workbook', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Sheet1');
    });
    const error = await importBytes('空.xlsx', bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'empty-file', file: '空.xlsx' });
    expect((error as Error).message).toBe('空.xlsx：工作簿里没有任何内容：所有工作表都是空的');
  });

  it('a sheet with text but no list header', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('Sheet1').addRow(['姓名', '电话']);
    });
    await expect(importBytes('通讯录.xlsx', bytes)).rejects.toThrow(/^通讯录\.xlsx：未找到表头行/);
  });

  it('a truncated file', async () => {
    const whole = await exportList(await importBytes('004.txt', new TextEncoder().encode(sampleText('liangzhou'))), 'xlsx');
    const error = await importBytes('截断.xlsx', whole.subarray(0, Math.floor(whole.length / 2))).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad-structure', file: '截断.xlsx' });
    expect((error as Error).message).toMatch(/^截断\.xlsx：无法作为 Excel 工作簿（\.xlsx）打开：文件已损坏或不完整/);
  });

  it('a password-protected workbook', async () => {
    const encrypted = compoundFile([
      { name: 'EncryptionInfo', data: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]) },
      { name: 'EncryptedPackage', data: new Uint8Array(5000).map((_, i) => (i * 7919) % 251) },
    ]);
    const error = await importBytes('加密.xlsx', encrypted).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'unsupported-format', file: '加密.xlsx' });
    expect((error as Error).message).toMatch(/^加密\.xlsx：文件有密码保护（已加密），无法读取。请在 Excel\/Word\/WPS 中打开，取消密码/);
  });
});
