import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportList } from '../../src/export/index.js';
import { ImportError, importBytes, importFile } from '../../src/ingest/index.js';
import { convertLegacy, findSoffice, oleKind } from '../../src/ingest/legacy-office/index.js';
import { samplePath } from '../helpers/samples.js';
import { compoundFile, storedZip } from './helpers/cfb.js';
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
});
