#!/usr/bin/env node
// The quanze CLI. Sources are TypeScript run through tsx, so a fresh clone needs no build.
import { register } from 'tsx/esm/api';

register();
const { run } = await import('../src/cli/index.ts');
process.exitCode = await run(process.argv.slice(2));
