import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/export/index.js';
import { FORMATS, importFile } from '../../src/ingest/index.js';
import { PowerList } from '../../src/model/index.js';
import { cli, cliReading } from '../helpers/cli.js';
import { samplePath } from '../helpers/samples.js';

describe('quanze import', () => {
  it('writes the canonical model as JSON that validates against the schema', async () => {
    const { code, stdout } = await cli('import', samplePath('liangzhou'));
    expect(code).toBe(0);
    const list = PowerList.parse(JSON.parse(stdout));
    expect(list.items).toHaveLength(14);
    expect(list.source).toMatchObject({ file: '004_a6a5239ed012e120.txt', format: 'markdown-table' });
    expect(list.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('writes NDJSON: one line per item, the list last', async () => {
    const { code, stdout } = await cli('import', samplePath('mima'), '--format', 'ndjson');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(lines.filter((l) => l.type === 'item')).toHaveLength(19);
    expect(lines.at(-1)?.type).toBe('list');
  });

  it('writes several files as a JSON array to -o', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'quanze-')), 'lists.json');
    const { code } = await cli('import', samplePath('liuzhou'), samplePath('baomi'), '-o', out);
    expect(code).toBe(0);
    const lists = JSON.parse(readFileSync(out, 'utf8')) as unknown[];
    expect(lists.map((l) => PowerList.parse(l).items.length)).toEqual([7, 13]);
  });

  it('reads with --from, overriding detection, and fails clearly when the format does not fit', async () => {
    const { code, stderr } = await cli('import', samplePath('liangzhou'), '--from', 'tab-records');
    expect(code).toBe(3);
    expect(stderr).toContain('004_a6a5239ed012e120.txt');
  });

  it('exit 3 with the file named for a missing file; the other files still import', async () => {
    const { code, stdout, stderr } = await cli('import', '/nonexistent/清单.txt', samplePath('liuzhou'), '--format', 'ndjson');
    expect(code).toBe(3);
    expect(stderr).toMatch(/清单\.txt：无法读取文件/);
    expect(stdout.trim().split('\n')).toHaveLength(8);
  });

  it('exit 3 for a folder given as a file, saying so, not an internal error; the other files still import', async () => {
    const folder = dirname(samplePath('liuzhou'));
    for (const command of ['import', 'inspect', 'check']) {
      const { code, stdout, stderr } = await cli(command, folder, samplePath('liuzhou'));
      expect(code, command).toBe(3);
      expect(stderr, command).toContain(`错误：${basename(folder)}：这是一个文件夹，不是文件`);
      expect(stderr, command).not.toContain('内部错误');
      expect(stdout, command).toContain('柳州市国家保密局');
    }
  });

  it('exit 3 for a file in no known format, advising --from with the formats it takes', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'quanze-')), '说明.txt');
    writeFileSync(file, '这只是一段普通的文字，没有表格。\n');
    for (const command of ['import', 'inspect', 'check']) {
      const { code, stderr } = await cli(command, file);
      expect(code, command).toBe(3);
      expect(stderr, command).toBe(`错误：说明.txt：无法识别文件格式：不是已知的清单表格或流程图文本。可用 --from 指定格式（${FORMATS.join('、')}）\n`);
    }
  });

  it('exit 2 for usage errors, in Chinese', async () => {
    const { code, stderr } = await cli('import', samplePath('liuzhou'), '--format', 'yaml');
    expect(code).toBe(2);
    expect(stderr).toContain('错误：选项 --format <format> 的取值“yaml”无效。--format 只能是 json、ndjson');
  });

  it('a malformed record yields a diagnostic and the other records still import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-'));
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, '序号\t权力类型\t事项名称\t实施依据\n1\t行政处罚\t对甲的处罚\t《某法》第一条\n2\t行政处罚\n3\t行政检查\t对乙的检查\t《某法》第二条\n');
    const { code, stdout } = await cli('import', file);
    expect(code).toBe(0);
    const list = PowerList.parse(JSON.parse(stdout));
    expect(list.items.map((i) => i.name.text)).toEqual(['对甲的处罚', '', '对乙的检查']);
    expect(list.findings.find((f) => f.messageId === 'row-shape')?.place).toMatchObject({ file: 'bad.tsv', line: 3 });
  });
});

describe('quanze inspect', () => {
  it('prints a Chinese summary per file with counts by type and the column mapping', async () => {
    const { code, stdout } = await cli('inspect', samplePath('baomi'), samplePath('liuzhou'));
    expect(code).toBe(0);
    expect(stdout).toContain('事项：13 项');
    expect(stdout).toContain('行政许可 3');
    expect(stdout).toContain('事项：7 项');
    expect(stdout).toContain('权力分类→权力类型');
    expect(stdout).toMatch(/第372行 记录缺少尾部单元格：免责情形/);
  });

  it('--format json gives the same summary as data', async () => {
    const { stdout } = await cli('inspect', samplePath('mima'), '--format', 'json');
    const [summary] = JSON.parse(stdout) as { items: number; byType: Record<string, number> }[];
    expect(summary?.items).toBe(19);
    expect(summary?.byType).toEqual({ 行政处罚: 11, 行政检查: 7, 其他行政权力: 1 });
  });
});

describe('the quanze bin', () => {
  it('runs from a fresh checkout without a build step', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['bin/quanze.js', '--help']);
    expect(stdout).toContain('quanze 权责清单');
  });
});

describe('nested commands', () => {
  it('a usage error in a sub-sub-command returns exit 2 instead of ending the process', async () => {
    const { code, stderr } = await cli('law', 'add');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^错误：缺少必需的选项 --law/);
  });

  it('helps in Chinese at every depth', async () => {
    const { code, stdout } = await cli('law', 'add', '--help');
    expect(code).toBe(0);
    expect(stdout).toContain('显示帮助');
    expect(stdout).not.toContain('display help');
  });
});

describe('--map', () => {
  it('corrects a column of a headerless tab list too', async () => {
    const { stdout } = await cli('inspect', samplePath('mima'), '--map', '备注=exemption');
    expect(stdout).toContain('备注→免责情形');
  });

  it('takes a field by the Chinese name inspect shows it under, and names the fields when it knows none', async () => {
    const byLabel = await cli('inspect', samplePath('liangzhou'), '--map', '承办机构=备注');
    expect(byLabel.code).toBe(0);
    expect(byLabel.stdout).toContain('承办机构→备注');
    expect(byLabel.stdout).toBe((await cli('inspect', samplePath('liangzhou'), '--map', '承办机构=remark')).stdout);
    const unknown = await cli('inspect', samplePath('liangzhou'), '--map', '承办机构=办理机构');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知的字段“办理机构”，可用：序号（seq）、权力类型（powerType）');
    expect(unknown.stderr).toContain('承办机构（office）');
  });

  it('warns when the column it names is not in the file', async () => {
    const { code, stdout } = await cli('inspect', samplePath('liuzhou'), '--map', '不存在的列=name');
    expect(code).toBe(0);
    expect(stdout).toContain('--map 指定的列“不存在的列”在文件中不存在，未起作用');
  });
});

describe('an output file that cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'quanze-out-'));
  const liuzhou = samplePath('liuzhou');
  const liangzhou = samplePath('liangzhou');
  /** Every command that writes a file named by -o or --out, with that option last. */
  const commands: [string, string[]][] = [
    ['import', ['import', liuzhou, '-o']],
    ['import --format ndjson', ['import', liuzhou, '--format', 'ndjson', '-o']],
    ['export', ['export', liuzhou, '--to', 'csv', '-o']],
    ['export --to xlsx', ['export', liuzhou, '--to', 'xlsx', '-o']],
    ['diff', ['diff', liuzhou, liuzhou, '-o']],
    ['align', ['align', liuzhou, liangzhou, '-o']],
    ['align --format xlsx', ['align', liuzhou, liangzhou, '--format', 'xlsx', '-o']],
    ['process export', ['process', 'export', liuzhou, '--item', '1', '--to', 'json', '--out']],
  ];
  const targets: [string, string, string][] = [
    ['in a folder that does not exist', join(dir, 'missing', 'out.txt'), '所在的文件夹不存在'],
    ['that is a folder', dir, '这是一个文件夹'],
  ];

  it.each(commands)('%s: exit 73 with the path and the reason in Chinese, no crash', async (_name, argv) => {
    for (const [, path, reason] of targets) {
      const { code, stderr } = await cli(...argv, path);
      expect(code, path).toBe(73);
      expect(stderr, path).toContain(`错误：无法写入 ${path}：${reason}`);
      expect(stderr, path).not.toContain('内部错误');
    }
  });

  // /dev/full opens, then fails every write with ENOSPC: a disk that fills up during the run.
  it.each(commands)('%s: a disk that fills while writing is exit 73 in Chinese, no internal error', async (_name, argv) => {
    const { code, stderr } = await cli(...argv, '/dev/full');
    expect(code).toBe(73);
    expect(stderr).toContain('错误：无法写入 /dev/full：磁盘空间已满');
    expect(stderr).not.toContain('内部错误');
    expect(stderr).not.toContain('ENOSPC');
  });

  it('the same commands still write a path that can be written', async () => {
    for (const [name, argv] of commands) {
      const path = join(dir, `${name.replace(/\W+/g, '-')}.out`);
      const { code } = await cli(...argv, path);
      expect(code, name).toBe(0);
      expect(readFileSync(path).length, name).toBeGreaterThan(0);
    }
  });
});

describe('"-" for standard input', () => {
  /** Runs the CLI with `input` on its standard input. */
  const withStdin = (input: Uint8Array | string, ...argv: string[]) => cliReading(Readable.from([Buffer.from(input)]), ...argv);
  const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('quanze-stdin-')).length;

  it('reads a list piped in, text or workbook, named 标准输入, and leaves no temporary file', async () => {
    const before = leftovers();
    const inspected = await withStdin(readFileSync(samplePath('liuzhou')), 'inspect', '-');
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('标准输入（header-tsv）');
    expect(inspected.stdout).toContain('事项：7 项');
    const xlsx = await writeXlsx(await importFile(samplePath('liangzhou')));
    const imported = await withStdin(xlsx, 'import', '-');
    expect(imported.code).toBe(0);
    const list = PowerList.parse(JSON.parse(imported.stdout));
    expect(list.source).toMatchObject({ file: '标准输入', format: 'xlsx' });
    expect(list.items).toHaveLength(14);
    // Beside named files, in its place.
    const both = await withStdin(readFileSync(samplePath('liuzhou')), 'inspect', samplePath('liangzhou'), '-');
    expect(both.stdout.indexOf('004_a6a5239ed012e120.txt')).toBeLessThan(both.stdout.indexOf('标准输入'));
    expect(leftovers()).toBe(before);
  });

  it('is named 标准输入 in what commands say of their files, never by the temporary file it is kept in', async () => {
    const sample = readFileSync(samplePath('liuzhou'));
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-piped-db-')), 'q.sqlite');
    const runs = [
      await withStdin(sample, 'import', '-', '--db', db, '--no-audit'),
      await withStdin(sample, 'import', '-', '--db', db, '--no-audit'),
      await withStdin(sample, 'diff', '-', samplePath('liuzhou')),
      await withStdin(sample, 'diff', samplePath('liuzhou'), '-'),
      await withStdin(new Uint8Array(64).fill(7), 'check', '-'),
    ];
    expect(runs[0]?.stdout).toMatch(/^标准输入：新建清单/);
    expect(runs[1]?.stdout).toMatch(/^标准输入：内容未变/);
    expect(runs[2]?.stdout).toMatch(/^版本比对：标准输入（7 项） → /);
    expect(runs[3]?.stdout).toMatch(/ → 标准输入（7 项）/);
    expect(runs[4]?.stderr).toMatch(/^错误：标准输入：/);
    for (const { stdout, stderr } of runs) expect(stdout + stderr).not.toContain('quanze-stdin-');
  });

  it('refuses "-" twice, since standard input can be read once', async () => {
    const { code, stderr } = await withStdin('x', 'align', '-', '-');
    expect(code).toBe(2);
    expect(stderr).toContain('“-”（标准输入）只能出现一次');
  });
});
