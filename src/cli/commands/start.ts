import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { importFile, summarizeList } from '../../ingest/index.js';
import { EXIT, type Io, write } from '../io.js';
import { reportImportError } from '../report-error.js';
import { formatSummary } from './inspect.js';

/** The bundled sample lists, found relative to this file so it works from any cwd. */
export const SAMPLES_DIR = fileURLToPath(new URL('../../../data/samples/', import.meta.url));

export async function sampleFiles(): Promise<string[]> {
  const names = await readdir(SAMPLES_DIR);
  return names.filter((name) => name.endsWith('.txt')).sort().map((name) => join(SAMPLES_DIR, name));
}

export function startCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('start').description('导入内置的示例清单并打印摘要').action(async () => {
    let code: number = EXIT.ok;
    for (const file of await sampleFiles()) {
      try {
        await write(io.stdout, formatSummary(summarizeList(await importFile(file))));
      } catch (error) {
        code = Math.max(code, reportImportError(io, error));
      }
    }
    setExit(code);
  });
}
