import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { Finding } from '../../src/model/index.js';
import { openStore } from '../../src/store/index.js';
import { cli } from '../helpers/cli.js';
import { SAMPLES, type SampleName, samplePath } from '../helpers/samples.js';

/**
 * `quanze check` on every sample against a committed report. Each line of the reports in
 * this folder was read against the sample and the law texts; see README.md here.
 */

const TODAY = '2026-11-23';
const dir = mkdtempSync(join(tmpdir(), 'quanze-check-'));
/** An explicit empty configuration, so a quanze.config.json in the working folder cannot change the reports. */
const EMPTY_CONFIG = join(dir, 'empty.config.json');
writeFileSync(EMPTY_CONFIG, '{ "rules": {} }');

const check = (...argv: string[]) => cli('check', '--today', TODAY, '--config', EMPTY_CONFIG, ...argv);

describe('quanze check on the samples', () => {
  for (const name of Object.keys(SAMPLES) as SampleName[]) {
    it(`${SAMPLES[name]} matches its reviewed report`, async () => {
      const { code, stdout, stderr } = await check(samplePath(name));
      expect(stderr).toBe('');
      await expect(stdout).toMatchFileSnapshot(`./${SAMPLES[name].slice(0, 3)}.expected.txt`);
      // Every sample has at least one error-level finding.
      expect(code).toBe(1);
    });
  }

  it('gives the same findings as JSON, each a valid Finding', async () => {
    const { stdout } = await check(samplePath('liuzhou'), '--format', 'json');
    const [result] = JSON.parse(stdout) as Array<{ file: string; errorCount: number; findings: unknown[] }>;
    expect(result?.file).toBe(SAMPLES.liuzhou);
    const findings = (result?.findings ?? []).map((f) => Finding.parse(f));
    expect(findings.filter((f) => f.severity === 'error')).toHaveLength(result?.errorCount ?? -1);
    expect(findings.some((f) => f.ruleId === 'citation-outdated' && f.data.newRef === '第五十二条第二款')).toBe(true);
  });

  it('writes SARIF 2.1.0 with the rules and a location per result', async () => {
    const { stdout } = await check(samplePath('liangzhou'), '--format', 'sarif');
    const log = JSON.parse(stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
    };
    expect(log.version).toBe('2.1.0');
    const [runLog] = log.runs;
    expect(runLog?.tool.driver.rules.map((r) => r.id)).toContain('citation-outdated');
    expect(runLog?.results.length).toBeGreaterThan(0);
    for (const r of runLog?.results ?? []) {
      expect(['error', 'warning', 'note']).toContain(r.level);
      expect(r.locations).toHaveLength(1);
    }
  });

  it('takes rule levels from --rule and from a configuration file, and exits 0 without errors', async () => {
    const off = await check(samplePath('liangzhou'), '--rule', 'missing-basis:off', '--rule', 'citation-outdated:warn');
    expect(off.stdout).not.toContain('missing-basis');
    expect(off.stdout).toContain('警告  《中华人民共和国网络安全法》2016年11月7日制定的版本第五十九条');
    expect(off.code).toBe(0);
    const only = await check(samplePath('liangzhou'), '--rule', 'power-type');
    expect(only.stdout.trim().split('\n').filter((l) => l.startsWith('    '))).toEqual([
      '    第56行 事项名称  警告  事项名称以“检查”结尾，应为行政检查，权力类型却是其他行政权力  power-type',
    ]);
    const config = join(dir, 'quanze.config.json');
    writeFileSync(config, JSON.stringify({ rules: { 'citation-outdated': 'off', 'missing-basis': ['warn'] } }));
    const configured = await cli('check', '--today', TODAY, '--config', config, samplePath('liangzhou'));
    expect(configured.stdout).not.toContain('citation-outdated');
    expect(configured.stdout).toContain('警告  清单没有“责任事项依据”列');
  });

  it('reads the check date: before the 2025 amendment took effect, 004 cites the law in force', async () => {
    const { stdout } = await cli('check', '--today', '2025-12-31', '--config', EMPTY_CONFIG, samplePath('liangzhou'));
    expect(stdout).not.toContain('citation-outdated');
  });

  it('does not say 没有发现问题 of files it could not read, and names each unreadable file once', async () => {
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, new Uint8Array(2048).map((_, i) => (i * 7919) % 256));
    const alone = await cli('check', bad);
    expect(alone.code).toBe(3);
    expect(alone.stdout).toBe('✖ 没有核查任何清单：1 个文件无法读取\n');
    expect(alone.stderr.match(/bad\.bin/g)).toHaveLength(1);
    const beside = await cli('check', bad, samplePath('liangzhou'));
    expect(beside.code).toBe(3);
    expect(beside.stdout).toMatch(/✖ 共 \d+ 个问题（错误 \d+，警告 \d+，提示 \d+）；另有 1 个文件无法读取，未核查\n$/);
    // JSON and SARIF stay the documents they are, for the lists that were read.
    expect(JSON.parse((await cli('check', bad, '--format', 'json')).stdout)).toEqual([]);
  });

  it('reports bad configuration and unknown rules as usage errors', async () => {
    const bad = join(dir, 'bad.config.json');
    writeFileSync(bad, JSON.stringify({ rules: { 'no-such-rule': 'error' } }));
    const a = await cli('check', '--config', bad, samplePath('liangzhou'));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('no-such-rule');
    const b = await check(samplePath('liangzhou'), '--rule', 'power-type:loud');
    expect(b.code).toBe(2);
    const c = await check();
    expect(c.code).toBe(2);
  });

  it('checks the lists of a database and saves their findings there', async () => {
    const db = join(dir, 'check.sqlite');
    const store = await openStore(db);
    await store.migrate();
    await store.importList(await importFile(samplePath('liuzhou')));
    await store.importList(await importFile(samplePath('flowchart')));
    await store.close();
    const { code, stdout, stderr } = await check('--db', db);
    expect(stderr).toContain('已核查并保存 2 个清单的核查结果');
    expect(stdout).toContain(SAMPLES.liuzhou);
    expect(code).toBe(1);
    const again = await openStore(db);
    const lists = await again.listLists();
    const saved = await again.getFindings({ versionId: lists.find((l) => l.sourceFile === SAMPLES.flowchart)?.latestVersionId ?? '', origin: 'audit' });
    expect(saved.map((f) => `${f.ruleId}:${f.messageId}`)).toEqual(['abolished-power:process']);
    await again.close();
  });
});
