import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

/** Every command and subcommand, found by walking the help itself. */
async function commandPaths(): Promise<string[][]> {
  const found: string[][] = [];
  const walk = async (path: string[]) => {
    found.push(path);
    const { stdout } = await cli(...path, '--help');
    const commands = stdout.split('命令：\n')[1] ?? '';
    for (const line of commands.split('\n')) {
      const name = /^ {2}([a-z][a-z-]*)\b/.exec(line)?.[1];
      if (name && name !== 'help') await walk([...path, name]);
    }
  };
  await walk([]);
  return found;
}

const paths = await commandPaths();

describe('help', () => {
  it('reaches every command and subcommand', () => {
    expect(paths.length).toBeGreaterThan(25);
    expect(paths).toContainEqual(['case', 'open']);
    expect(paths).toContainEqual(['law', 'add']);
  });

  it.each(paths.map((path) => [path.join(' ') || 'quanze', path] as const))('%s: Chinese headings and defaults, aligned and wrapped by display width', async (_name, path) => {
    const { code, stdout } = await cli(...path, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^用法：quanze/);
    expect(stdout).not.toMatch(/^(Usage|Options|Arguments|Commands):/m);
    expect(stdout).not.toContain('(default:');
    const lines = stdout.split('\n');
    // A line may pass the width only by the punctuation that must not start the next one.
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(82);
    for (const line of lines) expect(line, line).not.toMatch(/^\s+[，。、；：！？）》」』]/);
    // Every item's description starts at the same column within its list.
    for (const section of stdout.split(/\n(?=\S)/)) {
      const starts = section
        .split('\n')
        .filter((line) => /^ {2}\S/.test(line) && / {2,}\S/.test(line.slice(2)))
        .map((line) => stringWidth(/^ {2}\S.*? {2,}(?=\S)/.exec(line)?.[0] ?? ''));
      expect(new Set(starts).size, section).toBeLessThanOrEqual(1);
    }
  });
});
