import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import { cli } from '../helpers/cli.js';
import { samplePath } from '../helpers/samples.js';

// A law library that cannot be read (a damaged data/laws), as loadLibrary reports it.
vi.mock('../../src/cli/law-library.js', () => ({
  loadLibrary: async (io: { stderr: NodeJS.WritableStream }) => {
    io.stderr.write('警告：无法读取法规库，清单不核查\n');
    return undefined;
  },
}));

describe('quanze import --db without a law library', () => {
  it('stores the version unaudited and exits 3, unless --no-audit asked for no audit', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'q.sqlite');
    const unaudited = await cli('import', samplePath('liuzhou'), '--db', db);
    expect(unaudited.code).toBe(3);
    expect(unaudited.stdout).toMatch(/新建清单（清单 \d+「[^」]+」，第 1 版，7 项）\n$/);
    expect(unaudited.stderr).toContain('无法读取法规库');
    const store = await openStore(db);
    try {
      expect((await store.listLists())[0]?.auditedAt).toBeNull();
    } finally {
      await store.close();
    }
    expect((await cli('import', samplePath('liangzhou'), '--db', db, '--no-audit')).code).toBe(0);
  });

  it('exits 0 when every file is one the store already holds, audited', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'quanze-db-')), 'q.sqlite');
    const store = await openStore(db);
    await store.migrate();
    const outcome = await store.importList(await importFile(samplePath('liuzhou')));
    await store.saveFindings(outcome.versionId, []);
    await store.close();
    const again = await cli('import', samplePath('liuzhou'), '--db', db);
    expect(again.stdout).toContain('内容未变');
    expect(again.code).toBe(0);
  });
});
