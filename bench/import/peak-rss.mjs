// Preloaded into a measured command (`node --import`): on exit, writes the process's peak
// RSS (worker threads included) and whether the CLI ran its compiled build, to fd 3.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const report = { maxRssKb: process.resourceUsage().maxRSS, from: process.env.QUANZE_RAN_FROM ?? 'unknown' };
  writeSync(3, `${JSON.stringify(report)}\n`);
});
