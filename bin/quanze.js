#!/usr/bin/env node
// The quanze CLI: the compiled build when it is up to date, else the sources through tsx,
// so a fresh clone needs no build step (bin/load-cli.js).
import { loadCli } from './load-cli.js';

const { run } = await loadCli();
process.exitCode = await run(process.argv.slice(2));
