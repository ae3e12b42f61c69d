import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Every benchmark, in one run; a bench whose folder does not exist yet is named and passed over. */
const BENCHES = ['import', 'parse', 'formats', 'search', 'http', 'citations', 'align', 'deadlines'] as const;

const only = process.argv.slice(2);
for (const name of BENCHES) {
  if (only.length > 0 && !only.includes(name)) continue;
  const entry = fileURLToPath(new URL(`./${name}/index.ts`, import.meta.url));
  if (!existsSync(entry)) {
    console.log(`\n== bench/${name}：尚未实现，跳过`);
    continue;
  }
  const bench = (await import(entry)) as { run: () => Promise<void> };
  await bench.run();
}
