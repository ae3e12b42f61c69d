import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Alignment, ListDiff } from '../../src/align/index.js';
import { importFile } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import { cli } from '../helpers/cli.js';
import { samplePath, sampleText } from '../helpers/samples.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'quanze-align-'));

/** A later version of the 凉州区 list: item 3 renamed, item 14 dropped, a remark added to item 1. */
function editedLiangzhou(dir: string): string {
  const text = sampleText('liangzhou')
    .replace('对未提供实名制身份信息的处罚', '对未提供真实身份信息的处罚')
    .replace(/\n[^\n]*对互联网新闻信息服务活动实施监督检查[^\n]*(?:\n|$)/, '\n');
  const file = join(dir, '004-v2.txt');
  writeFileSync(file, text);
  return file;
}

describe('quanze align', () => {
  it('prints the pairs of two lists with reasons and inconsistencies', async () => {
    const { code, stdout } = await cli('align', samplePath('baomi'), samplePath('liuzhou'));
    expect(code).toBe(0);
    expect(stdout).toContain('比对：自治区国家保密局（001_7632346c82027c4f.txt，13 项） ↔ 柳州市国家保密局（003_1a02e0d312fedcb4.txt，7 项）');
    expect(stdout).toContain('配对 6 对；自治区国家保密局未配对 7 项，柳州市国家保密局未配对 1 项');
    expect(stdout).toContain('! 权力类型不同：行政强制／行政处罚');
    // With the law registry (the default), 2010 article numbers are carried to the 2024 numbering.
    expect(stdout).toContain('同引《中华人民共和国保守国家秘密法》第三十四条');
    expect(stdout).toContain('! 《中华人民共和国保守国家秘密法》所据版本不同：2024年修订版／2010年修订版，柳州市国家保密局引用的版本较旧');
    expect(stdout).toContain('柳州市国家保密局未配对：\n    第6项 对政府拟公开信息的保密确定［行政确认］');
  });

  it('compares cited titles as written with --no-registry', async () => {
    const { code, stdout } = await cli('align', samplePath('baomi'), samplePath('liuzhou'), '--no-registry');
    expect(code).toBe(0);
    expect(stdout).not.toContain('第三十四条');
    expect(stdout).toContain('《中华人民共和国保守国家秘密法》的版本写法不同：2024年版本／主席令第28号（需要法规库才能判断是否同一版本）');
  });

  it('writes JSON data with one comparison per pair of lists', async () => {
    const { code, stdout } = await cli('align', samplePath('baomi'), samplePath('liuzhou'), samplePath('flowchart'), '--format', 'json');
    expect(code).toBe(0);
    const alignment = JSON.parse(stdout) as Alignment;
    expect(alignment.comparisons.map((c) => [c.left, c.right, c.pairs.length])).toEqual([
      [0, 1, 6],
      [0, 2, 1],
      [1, 2, 1],
    ]);
    const inspection = alignment.groups.find((g) => g.members[2]?.some((e) => e.label === '保密检查'));
    expect(inspection?.members.map((m) => m.map((e) => e.label))).toEqual([['对保密工作的监督检查'], ['对保密工作的监督检查'], ['保密检查']]);
  });

  it('writes an XLSX workbook of pairs, unmatched entries and an overview', async () => {
    const out = join(tmp(), '比对.xlsx');
    const { code } = await cli('align', samplePath('baomi'), samplePath('liuzhou'), '--format', 'xlsx', '-o', out);
    expect(code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['配对', '未配对', '总览']);
    expect(workbook.getWorksheet('配对')?.rowCount).toBe(7);
    expect(workbook.getWorksheet('未配对')?.rowCount).toBe(9);
    expect(workbook.getWorksheet('总览')?.getRow(1).values).toEqual([undefined, '自治区国家保密局', '柳州市国家保密局']);
  });

  it('refuses fewer than two lists and xlsx without a file', async () => {
    expect((await cli('align', samplePath('baomi'))).stderr).toBe('错误：至少需要两份清单才能比对\n');
    const xlsx = await cli('align', samplePath('baomi'), samplePath('liuzhou'), '--format', 'xlsx');
    expect([xlsx.code, xlsx.stderr]).toEqual([2, '错误：xlsx 格式请用 -o 指定输出文件\n']);
  });
});

describe('quanze diff', () => {
  it('shows renamed and removed items of two files, with a character diff', async () => {
    const edited = editedLiangzhou(tmp());
    const { code, stdout } = await cli('diff', samplePath('liangzhou'), edited);
    expect(code).toBe(0);
    expect(stdout).toContain('新增 0，删除 1，改名 1，移动 0，内容变化 1，未变 12');
    expect(stdout).toContain('事项名称：对未提供[-实名制-]{+真实+}身份信息的处罚');
    expect(stdout).toContain('- 删除 第14项（序号14） 对互联网新闻信息服务活动实施监督检查［其他行政权力］');
  });

  it('writes JSON and escaped HTML', async () => {
    const edited = editedLiangzhou(tmp());
    const json = JSON.parse((await cli('diff', samplePath('liangzhou'), edited, '--format', 'json')).stdout) as ListDiff;
    expect(json.counts).toEqual({ added: 0, removed: 1, renamed: 1, moved: 0, changed: 1, unchanged: 12 });
    const { stdout: html } = await cli('diff', samplePath('liangzhou'), edited, '--format', 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('对未提供<del>实名制</del><ins>真实</ins>身份信息的处罚');
    expect(html).not.toMatch(/<script/i);
  });

  it('compares stored versions of a list', async () => {
    const dir = tmp();
    const db = join(dir, 'quanze.sqlite');
    const store = await openStore(db);
    await store.migrate();
    const first = await store.importList(await importFile(samplePath('liangzhou')));
    const second = await store.importList(await importFile(editedLiangzhou(dir), { name: '004_a6a5239ed012e120.txt' }));
    await store.close();
    expect([first.listId, second.status, second.versionNo]).toEqual([second.listId, 'new-version', 2]);
    const { code, stdout } = await cli('diff', '--db', db, first.listId, '1', 'latest');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^版本比对：.+ 第1版（14 项） → .+ 第2版（13 项）/);
    expect(stdout).toContain('事项名称：对未提供[-实名制-]{+真实+}身份信息的处罚');
    const missing = await cli('diff', '--db', db, first.listId, '1', '3');
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('没有第3版；已有版本：1、2');
  });
});
