import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { exportList } from '../../src/export/index.js';
import { ImportError, importBytes, importFile } from '../../src/ingest/index.js';
import { openCompoundFile } from '../../src/ingest/legacy-office/cfb.js';
import { closeFinalTable, convertLegacy, findSoffice, oleKind } from '../../src/ingest/legacy-office/index.js';
import { type SampleName, samplePath } from '../helpers/samples.js';
import { compoundFile } from './helpers/cfb.js';
import { storedZip } from './helpers/zip.js';
import { docxTables, toDocx } from './helpers/fixtures.js';
import { listForm } from './helpers/same.js';

const filler = new Uint8Array(4096).map((_, i) => i % 251);
const xls = compoundFile([{ name: 'Workbook', data: filler }]);
const doc = compoundFile([
  { name: 'WordDocument', data: filler },
  { name: '1Table', data: filler },
]);

describe('legacy Office files without LibreOffice', () => {
  const saved = process.env.QUANZE_SOFFICE;
  afterEach(() => {
    if (saved === undefined) delete process.env.QUANZE_SOFFICE;
    else process.env.QUANZE_SOFFICE = saved;
  });

  it('tells compound files apart by their streams', () => {
    expect([oleKind(xls), oleKind(doc), oleKind(new Uint8Array([1, 2, 3]))]).toEqual(['xls', 'doc', null]);
  });

  it('an .xls asks for LibreOffice, saying how to install it', async () => {
    process.env.QUANZE_SOFFICE = '/nonexistent/soffice';
    const error = await importBytes('旧表.xls', xls).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'missing-tool', file: '旧表.xls' });
    expect((error as Error).message).toMatch(/^旧表\.xls：读取旧版 Excel 文件（\.xls）需要 LibreOffice，但本机没有找到。/);
    expect((error as Error).message).toContain('sudo apt-get install libreoffice-writer libreoffice-calc');
  });

  it('a .doc too, whatever its name', async () => {
    process.env.QUANZE_SOFFICE = '/nonexistent/soffice';
    await expect(importBytes('附件1', doc)).rejects.toMatchObject({ code: 'missing-tool', file: '附件1' });
    await expect(importBytes('附件1', doc)).rejects.toThrow(/读取旧版 Word 文件（\.doc）需要 LibreOffice/);
  });

  it('an OpenDocument spreadsheet goes the same way', async () => {
    process.env.QUANZE_SOFFICE = '/nonexistent/soffice';
    const ods = storedZip([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    await expect(importBytes('清单.ods', ods)).rejects.toMatchObject({ code: 'missing-tool', file: '清单.ods' });
    await expect(importBytes('清单.ods', ods)).rejects.toThrow(/读取OpenDocument 表格（\.ods）需要 LibreOffice/);
  });

  it('reads and overwrites streams of a compound file without touching the caller\'s bytes', () => {
    const data = new Uint8Array(5000).map((_, i) => (i * 7) % 256);
    const file = compoundFile([
      { name: 'WordDocument', data },
      { name: '1Table', data: filler },
    ]);
    const opened = openCompoundFile(file);
    expect(opened?.read('WordDocument')).toEqual(data);
    expect(opened?.read('1Table')?.subarray(0, 4096)).toEqual(filler);
    expect(opened?.read('Data')).toBeNull();
    // Only read, or refused a write: the caller's bytes, not a copy of them.
    expect(opened?.write('WordDocument', 4999, Uint8Array.of(1, 2))).toBe(false);
    expect(opened?.bytes).toBe(file);
    // Across the boundary of two sectors, then past the stream's end.
    expect(opened?.write('WordDocument', 510, Uint8Array.of(1, 2, 3, 4))).toBe(true);
    expect(opened?.bytes).not.toBe(file);
    expect(opened?.read('WordDocument')?.subarray(508, 516)).toEqual(Uint8Array.of(data[508] ?? 0, data[509] ?? 0, 1, 2, 3, 4, data[514] ?? 0, data[515] ?? 0));
    expect(opened?.write('WordDocument', 4999, Uint8Array.of(1, 2))).toBe(false);
    expect(openCompoundFile(file)?.read('WordDocument')).toEqual(data);
    expect(openCompoundFile(file.subarray(0, 1000))).toBeNull();
    // A view into a larger buffer is read from its own offset.
    const padded = new Uint8Array(file.length + 3);
    padded.set(file, 3);
    const inside = openCompoundFile(padded.subarray(3));
    expect(inside?.read('WordDocument')).toEqual(data);
    expect(inside?.write('WordDocument', 0, Uint8Array.of(9))).toBe(true);
    expect(inside?.read('WordDocument')?.subarray(0, 2)).toEqual(Uint8Array.of(9, data[1] ?? 0));
    expect(padded.subarray(3)).toEqual(file);
  });

  it('leaves a .doc alone that it cannot read as Word 97 text', () => {
    expect(closeFinalTable(doc)).toEqual({ state: 'ok' });
    expect(closeFinalTable(xls)).toEqual({ state: 'ok' });
  });

  it('takes the lookup it is given', async () => {
    await expect(convertLegacy({ file: 'a.xls', bytes: xls }, 'xlsx', () => null)).rejects.toMatchObject({ code: 'missing-tool' });
    expect(findSoffice({ QUANZE_SOFFICE: '/nonexistent/soffice', PATH: '/usr/bin' })).toBeNull();
    expect(findSoffice({ QUANZE_SOFFICE: process.execPath })).toBe(process.execPath);
  });
});

// Converting needs LibreOffice itself: .ci/run installs it, so in CI its absence is a failure;
// elsewhere the suite says how to get it and is skipped.
const soffice = findSoffice();
const inCi = process.env.CI === 'true';
if (!soffice && !inCi) console.log('旧版 .xls/.doc 转换测试需要 LibreOffice：未安装，已跳过（apt-get install libreoffice-writer-nogui libreoffice-calc-nogui）');

/** Converts a file in a temporary folder with LibreOffice and reads the result back as bytes. */
function convertWithSoffice(name: string, bytes: Uint8Array, to: string): Uint8Array {
  if (!soffice) throw new Error('CI 需要 LibreOffice（.ci/run 安装 libreoffice-writer-nogui libreoffice-calc-nogui），但没有找到 soffice');
  const dir = mkdtempSync(join(tmpdir(), 'quanze-legacy-'));
  try {
    writeFileSync(join(dir, name), bytes);
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', to, '--outdir', dir, join(dir, name)], { timeout: 180_000 });
    return new Uint8Array(readFileSync(join(dir, name.replace(/\.[^.]+$/, `.${to}`))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!soffice && !inCi)('legacy Office files through LibreOffice', () => {
  it('reads an .xls saved from a quanze workbook as the same list', async () => {
    const original = await importFile(samplePath('liangzhou'));
    const xlsBytes = convertWithSoffice('list.xlsx', await exportList(original, 'xlsx'), 'xls');
    const list = await importBytes('list.xls', xlsBytes);
    expect(listForm(list)).toEqual(listForm(original));
    expect(list.findings[0]).toMatchObject({ messageId: 'converted', message: '已用 LibreOffice 把 .xls 文件转换为 .xlsx 文件后读取' });
  });

  // The Word fixtures end with a table, as generated .docx files do; LibreOffice saves them as a
  // .doc lacking the final paragraph mark, which the reader adds back before converting.
  it.each(['liuzhou', 'liangzhou'] as SampleName[])('reads a .doc saved from a Word document of sample %s as the same list', async (name) => {
    const original = await importFile(samplePath(name));
    const docBytes = convertWithSoffice('list.docx', await toDocx(original), 'doc');
    expect(closeFinalTable(docBytes).state).toBe('repaired');
    const list = await importBytes('list.doc', docBytes);
    expect(list.source.format).toBe('docx');
    expect(list.items).toHaveLength(original.items.length);
    expect(listForm(list)).toEqual(listForm(original));
    expect(list.findings.slice(0, 2).map((f) => f.messageId)).toEqual(['converted', 'final-table-closed']);
  });

  it('reads a .doc of a single table with an item merged over its sub-item rows as its .docx reads', async () => {
    const docx = await docxTables('某某局权责清单', [
      [
        ['序号', '权力类型', '事项名称', '子项', '实施依据'],
        [{ text: '1', rowSpan: 2 }, { text: '行政许可', rowSpan: 2 }, { text: '商用密码产品销售许可', rowSpan: 2 }, '初审', '《商用密码管理条例》第十条'],
        ['复审', '《商用密码管理条例》第十一条'],
        ['2', '行政处罚', '对某某的处罚', '', '【法律】《中华人民共和国行政处罚法》第五十一条'],
      ],
    ]);
    const direct = await importBytes('one.docx', docx);
    const list = await importBytes('one.doc', convertWithSoffice('one.docx', docx, 'doc'));
    expect(list.items.map((i) => [i.seq, i.name.text, i.subItem?.text ?? ''])).toEqual([
      ['1', '商用密码产品销售许可', '初审'],
      ['1', '商用密码产品销售许可', '复审'],
      ['2', '对某某的处罚', ''],
    ]);
    expect(listForm(list)).toEqual(listForm(direct));
    expect(list.title).toBe('某某局权责清单');
  });

  it('says so when LibreOffice itself converted such a .doc to .docx and lost its table', async () => {
    const docx = await docxTables('某某局权责清单', [[['序号', '权力类型', '事项名称'], ['1', '行政检查', '保密检查']]]);
    const lost = convertWithSoffice('lost.doc', convertWithSoffice('table.docx', docx, 'doc'), 'docx');
    await expect(importBytes('lost.docx', lost)).rejects.toThrow(/^lost\.docx：文字中有连写在一起的表头（序号、权力类型、事项名称），是一个丢失了单元格边界的表格/);
  });

  it('leaves a .doc that ends with a paragraph as it is', async () => {
    const row = (cells: string[]) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });
    const table = new Table({ rows: [row(['序号', '权力类型', '事项名称']), row(['1', '行政检查', '保密检查'])] });
    // A paragraph after the table, as Word always writes one.
    const document = new Document({ sections: [{ children: [new Paragraph('某某局权责清单'), table, new Paragraph('')] }] });
    const closed = convertWithSoffice('closed.docx', new Uint8Array(await Packer.toBuffer(document)), 'doc');
    expect(closeFinalTable(closed).state).toBe('ok');
    const list = await importBytes('closed.doc', closed);
    expect(list.items.map((i) => i.name.text)).toEqual(['保密检查']);
    expect(list.findings.map((f) => f.messageId)).not.toContain('final-table-closed');
  });
});
