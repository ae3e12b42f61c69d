import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { cli } from '../helpers/cli.js';
import { samplePath } from '../helpers/samples.js';

const BAD_TSV = '柳州市某局权责清单\n序号\t权力类型\t事项名称\t实施依据\n1\t行政处罚\t对甲的处罚\t《某法》第一条\n2\t行政处罚\n3\t行政检查\t对乙的检查\t《某法》第二条\n';

describe('quanze import --db and quanze db migrate', () => {
  it('migrates, imports each file once, and a re-import of the same content is a no-op', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'q.sqlite');
    const migrated = await cli('db', 'migrate', '--db', db);
    expect(migrated.code).toBe(0);
    expect(migrated.stdout).toMatch(/已执行/);
    const first = await cli('import', samplePath('liuzhou'), samplePath('liangzhou'), '--db', db);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/003_1a02e0d312fedcb4\.txt：新建清单（清单 \d+「[^」]+」，第 1 版，7 项）/);
    const again = await cli('import', samplePath('liuzhou'), '--db', db);
    expect(again.stdout).toContain('内容未变');
    const store = await openStore(db);
    try {
      expect((await store.listLists()).map((l) => l.itemCount).sort()).toEqual([14, 7]);
    } finally {
      await store.close();
    }
  });

  it('audits each new version as an upload does, so the portal shows its findings; --no-audit leaves it 未核查', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'q.sqlite');
    const audited = await cli('import', samplePath('liuzhou'), '--db', db);
    expect(audited.code).toBe(0);
    const [, errors, warnings] = /；核查：错误 (\d+) 条，警告 (\d+) 条，提示 (\d+) 条/.exec(audited.stdout) ?? [];
    expect(Number(errors)).toBeGreaterThan(0);
    const skipped = await cli('import', samplePath('liangzhou'), '--db', db, '--no-audit');
    expect(skipped.code).toBe(0);
    expect(skipped.stdout).not.toContain('核查');
    const store = await openStore(db);
    try {
      const lists = await store.listLists();
      const liuzhou = lists.find((l) => l.itemCount === 7);
      expect(liuzhou?.auditedAt).not.toBeNull();
      expect(liuzhou?.findingCounts.error).toBeGreaterThanOrEqual(Number(errors));
      expect(liuzhou?.findingCounts.warning).toBeGreaterThanOrEqual(Number(warnings));
      expect(lists.find((l) => l.itemCount === 14)?.auditedAt).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('exits 3 when a version was stored but its audit failed, and importing the file again audits it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'q.sqlite');
    expect((await cli('db', 'migrate', '--db', db)).code).toBe(0);
    // The database refuses the audit's findings, as a full disk or a lock would; the import has committed by then.
    const raw = new Database(db);
    raw.exec("CREATE TRIGGER refuse_findings BEFORE INSERT ON findings WHEN NEW.origin = 'audit' BEGIN SELECT RAISE(ABORT, '磁盘已满'); END");
    const failed = await cli('import', samplePath('liuzhou'), '--db', db);
    expect(failed.code).toBe(3);
    expect(failed.stdout).toMatch(/新建清单（清单 \d+「[^」]+」，第 1 版，7 项）\n$/);
    expect(failed.stderr).toContain('已导入，但核查未完成');
    expect(failed.stderr).toContain('磁盘已满');
    raw.exec('DROP TRIGGER refuse_findings');
    raw.close();
    const again = await cli('import', samplePath('liuzhou'), '--db', db);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/内容未变.*；核查：错误 \d+ 条/);
  });

  it('--list files a list under a key of the user\'s choosing instead of its department', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'q.sqlite');
    const first = await cli('import', samplePath('liuzhou'), '--db', db);
    const [, listId, key] = /新建清单（清单 (\d+)「([^」]+)」，第 1 版/.exec(first.stdout) ?? [];
    expect(key).toBeTruthy();
    // Another department's file, filed as the next version of the first list.
    const filed = await cli('import', samplePath('liangzhou'), '--db', db, '--list', ` ${key} `);
    expect(filed.code).toBe(0);
    expect(filed.stdout).toContain(`新版本（清单 ${listId}「${key}」，第 2 版，14 项）`);
    // And under a new key it is a list of its own, whatever its department says.
    const apart = await cli('import', samplePath('liangzhou'), '--db', db, '--list', '凉州区保密局行政许可清单');
    expect(apart.stdout).toMatch(/新建清单（清单 \d+「凉州区保密局行政许可清单」，第 1 版，14 项）/);
    const store = await openStore(db);
    try {
      expect((await store.listLists()).map((l) => [l.key, l.versionCount]).sort()).toEqual([
        ['凉州区保密局行政许可清单', 1],
        [key, 2],
      ].sort());
    } finally {
      await store.close();
    }
    const blank = await cli('import', samplePath('liangzhou'), '--db', db, '--list', '　');
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('清单键“　”为空');
    const noDb = await cli('import', samplePath('liangzhou'), '--list', key ?? '');
    expect(noDb.code).toBe(2);
    expect(noDb.stderr).toContain('--list 只能与 --db 一起使用');
  });

  it('refuses --strict and --no-audit without --db, where they would do nothing, as it refuses --list', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'bad.tsv');
    writeFileSync(file, BAD_TSV);
    const strict = await cli('import', file, '--strict');
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('--strict 只能与 --db 一起使用');
    expect(strict.stdout).toBe('');
    const unaudited = await cli('import', samplePath('liangzhou'), '--no-audit');
    expect(unaudited.code).toBe(2);
    expect(unaudited.stderr).toContain('--no-audit 只能与 --db 一起使用');
    expect((await cli('import', file)).code).toBe(0);
  });

  it('--strict refuses a file with a damaged record whole; without it the file is stored', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-db-'));
    const db = join(dir, 'q.sqlite');
    const file = join(dir, 'bad.tsv');
    writeFileSync(file, BAD_TSV);
    const strict = await cli('import', file, '--db', db, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/bad\.tsv：有 1 处损坏的记录（--strict），整个文件未导入/);
    expect(strict.stderr).toContain('第4行');
    let store = await openStore(db);
    expect(await store.listLists()).toEqual([]);
    await store.close();
    const lenient = await cli('import', file, '--db', db);
    expect(lenient.code).toBe(0);
    store = await openStore(db);
    expect((await store.listLists())[0]?.itemCount).toBe(3);
    await store.close();
  });
});

describe('commands that only read a database', () => {
  it('refuse a database file that does not exist instead of creating it and finding nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quanze-db-'));
    const typo = join(dir, 'typo', 'quanze.sqlite');
    for (const argv of [
      ['check', '--db', typo],
      ['diff', '1', '1', '2', '--db', typo],
      ['audit', 'verify', '--db', typo],
      ['case', 'list', '--db', typo],
      ['case', 'show', '2025-00001', '--db', typo],
      ['process', 'list', '--db', typo],
      ['process', 'export', 'P1', '--to', 'json', '--db', typo],
    ]) {
      // A command that would create the file must not have created it for another.
      expect(existsSync(typo), argv.join(' ')).toBe(false);
      const { code, stdout, stderr } = await cli(...argv);
      expect(code, argv.join(' ')).toBe(3);
      expect(stderr, argv.join(' ')).toContain(`错误：数据库文件不存在：${typo}`);
      expect(stdout, argv.join(' ')).toBe('');
      expect(existsSync(typo), argv.join(' ')).toBe(false);
    }
    // A database that exists is read as before.
    const db = join(dir, 'q.sqlite');
    expect((await cli('import', samplePath('liuzhou'), '--db', db, '--no-audit')).code).toBe(0);
    expect((await cli('audit', 'verify', '--db', db)).code).toBe(0);
  });
});
