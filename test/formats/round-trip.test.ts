import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat, exportList, exportNotes } from '../../src/export/index.js';
import { ImportError, importBytes, importFile } from '../../src/ingest/index.js';
import type { PowerList } from '../../src/model/index.js';
import { SAMPLES, type SampleName, samplePath } from '../helpers/samples.js';
import { listForm } from './helpers/same.js';

/** The reader each written format comes back through. */
const READ_BACK: Record<ExportFormat, string> = { xlsx: 'xlsx', csv: 'csv', md: 'markdown-table', json: 'json' };

const TABLE_SAMPLES: SampleName[] = ['mima', 'baomi', 'liuzhou', 'liangzhou'];
const lists = new Map<SampleName, Promise<PowerList>>();
const sample = (name: SampleName) => {
  if (!lists.has(name)) lists.set(name, importFile(samplePath(name)));
  return lists.get(name) as Promise<PowerList>;
};

async function roundTrip(list: PowerList, format: ExportFormat, name = `list.${format}`): Promise<PowerList> {
  return importBytes(name, await exportList(list, format));
}

describe.each(TABLE_SAMPLES)('import → export → import of sample %s', (name) => {
  it.each(EXPORT_FORMATS)('gives the same list through %s', async (format) => {
    const list = await sample(name);
    const back = await roundTrip(list, format);
    expect(back.source.format).toBe(READ_BACK[format]);
    expect(back.items).toHaveLength(list.items.length);
    // The Markdown table reader does not infer numbers for unnumbered rows; the others do.
    expect(listForm(back, { impliedSeq: format !== 'md' })).toEqual(listForm(list, { impliedSeq: format !== 'md' }));
    expect(back.title).toBe(format === 'json' ? list.title : (list.title ?? `${list.department}权责清单`));
    expect(back.columns.slice(0, list.columns.length)).toEqual(list.columns);
  });

  it('is stable: a second round trip through XLSX changes nothing', async () => {
    const once = await roundTrip(await sample(name), 'xlsx');
    const twice = await roundTrip(once, 'xlsx');
    expect(listForm(twice)).toEqual(listForm(once));
  });
});

describe('the flowchart sample (002)', () => {
  it('round-trips its process sheets exactly through JSON', async () => {
    const list = await sample('flowchart');
    expect(list.processSheets.length).toBe(2);
    const back = await roundTrip(list, 'json');
    expect(back.processSheets).toEqual(list.processSheets);
    expect(back.title).toBe(list.title);
    expect(back.residue).toEqual(list.residue);
  });

  it('is written to XLSX as one readable sheet per flowchart, which cannot be read back as a list', async () => {
    const list = await sample('flowchart');
    const bytes = await exportList(list, 'xlsx');
    const workbook = await new ExcelJS.Workbook().xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['流程图1', '流程图2']);
    const first = workbook.getWorksheet('流程图1') as ExcelJS.Worksheet;
    expect(first.getCell('A1').value).toBe(list.processSheets[0]?.title);
    const values = first.getSheetValues().flat().filter((v) => typeof v === 'string');
    for (const material of list.processSheets[0]?.materials ?? []) expect(values.some((v) => (v as string).includes(material))).toBe(true);
    await expect(importBytes('002.xlsx', bytes)).rejects.toThrow(ImportError);
    await expect(importBytes('002.xlsx', bytes)).rejects.toThrow(/002\.xlsx.*表头/);
  });

  it('says what each table format does with the flowcharts', async () => {
    const list = await sample('flowchart');
    expect(exportNotes(list, 'json')).toEqual([]);
    expect(exportNotes(list, 'csv')[0]).toMatch(/2 张流程图.*CSV 无法容纳/);
    expect(exportNotes(list, 'xlsx')[0]).toMatch(/工作表.*--to json/);
    const markdown = new TextDecoder().decode(await exportList(list, 'md'));
    for (const sheet of list.processSheets) {
      expect(markdown).toContain(`## ${sheet.title}`);
      for (const step of sheet.steps) expect(markdown).toContain(step.name);
    }
  });
});

describe('sample file names', () => {
  it('covers all five samples', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...TABLE_SAMPLES, 'flowchart'].sort());
  });
});
