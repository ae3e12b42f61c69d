import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const COMMANDS_DIR = fileURLToPath(new URL('../../src/cli/commands/', import.meta.url));

/**
 * Libraries only some runs of a command need (a workbook, a Word document, a flowchart, a
 * PostgreSQL URL): each costs 0.1–0.4 s to load, so a command loads them when it uses them.
 */
const LAZY = ['exceljs', 'mammoth', 'elkjs', 'pg'];

/** The packages of the CommonJS modules loaded by importing every command module, in a fresh process. */
async function packagesLoadedByCommands(): Promise<string[]> {
  const modules = readdirSync(COMMANDS_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => `${COMMANDS_DIR}${name}`);
  const script = `
    import { createRequire } from 'node:module';
    for (const m of ${JSON.stringify(modules)}) await import(m);
    const names = new Set(Object.keys(createRequire(import.meta.url).cache).flatMap((path) => {
      const m = /.*node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(path);
      return m ? [m[1]] : [];
    }));
    process.stdout.write(JSON.stringify([...names].sort()));`;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)) });
  return JSON.parse(stdout) as string[];
}

describe('quanze start-up', () => {
  it('loads none of the libraries a command needs only for some inputs', async () => {
    const loaded = await packagesLoadedByCommands();
    // The probe sees CommonJS packages: better-sqlite3 is one every store command needs.
    expect(loaded).toContain('better-sqlite3');
    expect(loaded.filter((name) => LAZY.includes(name))).toEqual([]);
  }, 60_000);

  it('prints the version for -v and --version, before any command is looked at', async () => {
    for (const flag of ['--version', '-v']) {
      const { code, stdout } = await cli(flag);
      expect(code).toBe(0);
      expect(stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    }
  });
});
