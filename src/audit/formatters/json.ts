import type { CheckResult } from '../runner.js';
import { countBySeverity } from './counts.js';

/** One object per list, as ESLint's json formatter gives one per file. */
export function formatJson(results: readonly CheckResult[]): string {
  const out = results.map((r) => {
    const c = countBySeverity(r.findings);
    return { file: r.file, title: r.title, department: r.department, errorCount: c.error, warningCount: c.warning, infoCount: c.info, findings: r.findings };
  });
  return `${JSON.stringify(out, null, 2)}\n`;
}
