import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const LAWS = fileURLToPath(new URL('../../data/laws/', import.meta.url));

describe('quanze law', () => {
  it('lists the registry', async () => {
    const { code, stdout } = await cli('law', 'list');
    expect(code).toBe(0);
    expect(stdout).toContain('baoshou-guojia-mimi-fa  《中华人民共和国保守国家秘密法》  法律  现行有效（未核实）  3个版本，2个有正文');
    expect(stdout).toMatch(/共 \d+ 部法规/);
  });

  it('shows a law by title with each fact\'s source and whether it was checked', async () => {
    const { code, stdout } = await cli('law', 'show', '保密法');
    expect(code).toBe(0);
    expect(stdout).toContain('令号/文号：中华人民共和国主席令第二十八号（主席令第28号）［已核实］（来源：https://www.lexiscn.com/');
    expect(stdout).toContain('状态：现行有效（截至 2026-11-23） ［未核实］（来源：reference/laws/facts.md §4');
    expect(stdout).toContain('施行：2024-05-01 ［已核实］（来源：reference/laws/texts/保守国家秘密法/2024-02-27.md 第六十五条）');
    expect(stdout).toContain('2010-04-29 → 2024-02-27：56条对应（完整），新增11条 ［已核实］');
    const json = await cli('law', 'show', 'shangyong-mima-guanli-tiaoli', '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'shangyong-mima-guanli-tiaoli', removedProvisions: expect.any(Array) });
  });

  it('says so for a law it does not have', async () => {
    const { code, stderr } = await cli('law', 'show', '不存在的法');
    expect(code).toBe(2);
    expect(stderr).toContain('法规库中没有“不存在的法”');
  });

  it('adds a version\'s text to a registry, linking it and warning about the article count', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-laws-'));
    cpSync(LAWS, dir, { recursive: true });
    const file = join(dir, 'xuke.md');
    writeFileSync(file, '# 中华人民共和国行政许可法\n\n第一条 为了规范行政许可的设定和实施，制定本法。\n\n第二条 本法所称行政许可，是指行政机关根据申请，经依法审查，准予其从事特定活动的行为。\n');
    const { code, stdout } = await cli('law', 'add', file, '--law', '行政许可法', '--version', '2003-08-27', '--dir', dir, '--source', '测试文本');
    expect(code).toBe(0);
    expect(stdout).toContain('已导入《中华人民共和国行政许可法》2003-08-27 的正文：2 条，写入 texts/xingzheng-xuke-fa/2003-08-27.json');
    const law = JSON.parse(readFileSync(join(dir, 'xingzheng-xuke-fa.json'), 'utf8')) as { versions: Array<{ id: string; textFile?: string }> };
    expect(law.versions.find((v) => v.id === '2003-08-27')?.textFile).toBe('texts/xingzheng-xuke-fa/2003-08-27.json');
    const text = JSON.parse(readFileSync(join(dir, 'texts/xingzheng-xuke-fa/2003-08-27.json'), 'utf8')) as { source: string; articleCount: number };
    expect(text).toMatchObject({ source: '测试文本', articleCount: 2 });
    const shown = await cli('law', 'show', 'xingzheng-xuke-fa', '--dir', dir);
    expect(shown.stdout).toContain('正文：texts/xingzheng-xuke-fa/2003-08-27.json');
  });

  it.each([
    ['GB18030', (text: string) => iconv.encode(text, 'gb18030')],
    ['UTF-16 with a BOM', (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
  ])('adds a text saved as %s, as Notepad saves it, with its characters intact', async (_name, encode) => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-laws-'));
    cpSync(LAWS, dir, { recursive: true });
    const file = join(dir, 'xuke.txt');
    const articles = ['第一条 为了规范行政许可的设定和实施，制定本法。', '第二条 本法所称行政许可，是指行政机关根据申请，经依法审查，准予其从事特定活动的行为。'];
    writeFileSync(file, encode(articles.join('\r\n')));
    const { code } = await cli('law', 'add', file, '--law', '行政许可法', '--version', '2003-08-27', '--dir', dir, '--source', '测试文本');
    expect(code).toBe(0);
    const saved = readFileSync(join(dir, 'texts/xingzheng-xuke-fa/2003-08-27.json'), 'utf8');
    expect(saved).not.toContain('\uFFFD');
    expect(saved).toContain('准予其从事特定活动的行为');
  });

  it('refuses a text that is not valid in its encoding, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-laws-'));
    cpSync(LAWS, dir, { recursive: true });
    const file = join(dir, 'broken.txt');
    // A UTF-16 byte order mark, then a lone high surrogate.
    writeFileSync(file, Buffer.from([0xff, 0xfe, 0x2c, 0x7b, 0x00, 0xd8]));
    const { code, stderr } = await cli('law', 'add', file, '--law', '行政许可法', '--version', '2003-08-27', '--dir', dir);
    expect(code).toBe(3);
    expect(stderr).toContain(`错误：${file}：文件以 UTF-16 字节序标记开头`);
  });

  it('rejects an unknown version and a missing option without exiting the process', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-laws-'));
    cpSync(LAWS, dir, { recursive: true });
    const file = join(dir, 'x.md');
    writeFileSync(file, '第一条 测试。\n');
    const bad = await cli('law', 'add', file, '--law', 'mima-fa', '--version', '1999-01-01', '--dir', dir);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('没有版本 1999-01-01');
    const missing = await cli('law', 'add', file, '--version', '2019-10-26');
    expect(missing.code).toBe(2);
  });
});
