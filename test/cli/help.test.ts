import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrapLine } from '../../src/cli/help.js';
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

  it('breaks Chinese between any two characters but never inside an option, a number or a path', async () => {
    const text = '流程定义：由责任事项或流程图生成，导出为 BPMN 2.0、SVG 或 JSON；数据库为 ./.quanze/quanze.sqlite（可用 --from 指定）';
    const words = ['BPMN', '2.0', 'SVG', 'JSON', './.quanze/quanze.sqlite', '--from'];
    for (let width = 24; width <= 80; width++) {
      const lines = wrapLine(text, width);
      for (const word of words) expect(lines.some((line) => line.includes(word)), `${width} 列：${lines.join(' | ')}`).toBe(true);
      expect(lines.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
    }
    // The two the help wrapped inside: quanze's process line and start's embedded database.
    expect((await cli('--help')).stdout).toMatch(/BPMN\s+2\.0、SVG/);
    expect((await cli('start', '--help')).stdout).toContain('./.quanze/quanze.sqlite');
  });
});
