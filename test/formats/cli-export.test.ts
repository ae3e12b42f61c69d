import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOutput } from '../../src/cli/commands/export.js';
import { importBytes, importFile } from '../../src/ingest/index.js';
import { cli } from '../helpers/cli.js';
import { samplePath } from '../helpers/samples.js';
import { listForm } from './helpers/same.js';

describe('quanze export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanze-export-'));

  it('writes an official-layout workbook that imports as the same list, and chains from it', async () => {
    const xlsx = join(dir, '凉州.xlsx');
    const first = await cli('export', samplePath('liangzhou'), '--to', 'xlsx', '-o', xlsx);
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toBe(`已导出 14 项事项到 ${xlsx}\n`);
    const csv = join(dir, '凉州.csv');
    expect((await cli('export', xlsx, '--to', 'csv', '-o', csv)).code).toBe(0);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const original = await importFile(samplePath('liangzhou'));
    expect(listForm(await importBytes('凉州.csv', new Uint8Array(bytes)))).toEqual(listForm(original));
  });

  it('writes text formats to standard output with -o -', async () => {
    const { code, stdout } = await cli('export', samplePath('liuzhou'), '--to', 'md', '-o', '-');
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual(['柳州市国家保密局权责清单', '', '| 序号 | 权力分类 | 项目名称 | 子项 | 实施依据 | 责任事项 | 责任事项依据 | 追责情形 | 追责依据 | 备注 |']);
    const csv = await cli('export', samplePath('liuzhou'), '--to', 'csv', '-o', '-');
    expect(csv.stdout.startsWith('\uFEFF柳州市国家保密局权责清单\r\n')).toBe(true);
  });

  it('says what a table format leaves out of a flowchart list', async () => {
    const { code, stderr } = await cli('export', samplePath('flowchart'), '--to', 'csv', '-o', join(dir, '002.csv'));
    expect(code).toBe(0);
    expect(stderr).toContain('注意：清单含 2 张流程图，CSV 无法容纳，未写入');
  });

  it('refuses to write a workbook to standard output, and an unknown format', async () => {
    expect(await cli('export', samplePath('liuzhou'), '--to', 'xlsx', '-o', '-')).toMatchObject({ code: 2 });
    const unknown = await cli('export', samplePath('liuzhou'), '--to', 'docx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--to 只能是 xlsx、csv、md、json，收到“docx”');
  });

  it('reports an unreadable input the way import does', async () => {
    const missing = await cli('export', join(dir, '没有.xlsx'), '--to', 'json', '-o', '-');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^错误：没有\.xlsx：无法读取文件/);
  });

  it('names the output after the input by default', () => {
    expect(defaultOutput('/data/清单 2024.xlsx', 'md')).toBe('清单 2024.md');
    expect(defaultOutput('list', 'json')).toBe('list.json');
  });
});
