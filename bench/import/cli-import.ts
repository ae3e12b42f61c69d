import { createWriteStream } from 'node:fs';
import { run } from '../../src/cli/index.js';

/** `quanze import --format ndjson` to /dev/null, through the real CLI entry. */
const [path, ...extra] = process.argv.slice(2) as [string, ...string[]];
const devNull = createWriteStream('/dev/null');
const code = await run(['import', path, '--format', 'ndjson', ...extra], { stdout: devNull, stderr: process.stderr });
await new Promise<void>((resolve) => devNull.end(resolve));
if (code !== 0) process.exitCode = code;
console.log(JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }));
