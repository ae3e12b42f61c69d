// Loads the CLI module: the compiled build in dist/ when no source file is newer than it,
// else the TypeScript sources through tsx, so an edited source is never run stale.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function builtAt() {
  try {
    return Number(readFileSync(`${root}dist/.build-stamp`, 'utf8'));
  } catch {
    return Number.NaN;
  }
}

function buildIsFresh() {
  const stamp = builtAt();
  if (!Number.isFinite(stamp) || process.env.QUANZE_FROM_SOURCE === '1') return false;
  try {
    for (const entry of readdirSync(`${root}src`, { recursive: true, withFileTypes: true })) {
      // Dirent.parentPath is Node ≥ 20.12; `path` is its earlier name.
      const dir = entry.parentPath ?? entry.path;
      if (entry.isFile() && statSync(`${dir}/${entry.name}`).mtimeMs > stamp) return false;
    }
  } catch {
    // A file gone while scanning (an editor's swap file): run the sources, which are never stale.
    return false;
  }
  return existsSync(`${root}dist/cli/index.js`);
}

/** @returns {Promise<typeof import('../src/cli/index.ts')>} */
export async function loadCli() {
  const fresh = buildIsFresh();
  // Benchmarks read this to say which of the two they measured.
  process.env.QUANZE_RAN_FROM = fresh ? 'dist' : 'src';
  if (fresh) return import('../dist/cli/index.js');
  const { register } = await import('tsx/esm/api');
  register();
  return import('../src/cli/index.ts');
}
