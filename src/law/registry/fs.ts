import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The file operations the registry needs; tests pass an in-memory one. */
export interface RegistryFs {
  readdir(dir: string): Promise<string[]>;
  readFile(path: string): Promise<string>;
  writeFile(path: string, data: string): Promise<void>;
  mkdir(path: string): Promise<void>;
}

export const nodeFs: RegistryFs = {
  readdir: (dir) => readdir(dir),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, data) => writeFile(path, data, 'utf8'),
  mkdir: async (path) => {
    await mkdir(path, { recursive: true });
  },
};

/** data/laws of the quanze package this module belongs to, found by walking up to its package.json. */
export function defaultRegistryDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data', 'laws'))) return join(dir, 'data', 'laws');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('找不到 data/laws 目录');
    dir = parent;
  }
}
