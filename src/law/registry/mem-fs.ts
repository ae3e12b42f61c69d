import { dirname, normalize } from 'node:path';
import type { RegistryFs } from './fs.js';

/**
 * A RegistryFs over a plain object of path → content, for tests and dry runs.
 * Writes land in the same object, so a caller can inspect them.
 */
export function memoryFs(files: Record<string, string> = {}): RegistryFs & { files: Record<string, string> } {
  const store: Record<string, string> = {};
  for (const [path, content] of Object.entries(files)) store[normalize(path)] = content;
  const dirs = new Set<string>();
  const addDirs = (path: string) => {
    for (let dir = dirname(path); !dirs.has(dir) && dir !== dirname(dir); dir = dirname(dir)) dirs.add(dir);
  };
  for (const path of Object.keys(store)) addDirs(path);
  return {
    files: store,
    async readdir(dir) {
      const prefix = `${normalize(dir)}/`;
      const names = new Set<string>();
      for (const path of [...Object.keys(store), ...dirs]) {
        if (path.startsWith(prefix)) names.add(path.slice(prefix.length).split('/')[0] as string);
      }
      if (names.size === 0 && !dirs.has(normalize(dir))) throw Object.assign(new Error(`ENOENT: ${dir}`), { code: 'ENOENT' });
      return [...names].sort();
    },
    async readFile(path) {
      const content = store[normalize(path)];
      if (content === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
      return content;
    },
    async writeFile(path, data) {
      store[normalize(path)] = data;
      addDirs(normalize(path));
    },
    async mkdir(path) {
      dirs.add(normalize(path));
      addDirs(`${normalize(path)}/x`);
    },
  };
}
