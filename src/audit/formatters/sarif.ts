import type { Severity } from '../../model/index.js';
import type { AnyRule } from '../rule.js';
import type { CheckResult } from '../runner.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0, for code-scanning tools: one run, the audit rules as the driver's rules
 * (reader findings add their ids), one result per finding located by file and line (and the
 * worksheet the line is counted in, as a property of the location).
 */
export function formatSarif(results: readonly CheckResult[], rules: readonly AnyRule[] = []): string {
  const descriptors = rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.meta.docs.description },
    defaultConfiguration: { level: LEVEL[r.meta.severity] },
    properties: { type: r.meta.type },
  }));
  const index = new Map(descriptors.map((d, i) => [d.id, i]));
  for (const r of results) {
    for (const f of r.findings) {
      if (index.has(f.ruleId)) continue;
      index.set(f.ruleId, descriptors.length);
      descriptors.push({ id: f.ruleId, shortDescription: { text: f.ruleId }, defaultConfiguration: { level: LEVEL[f.severity] }, properties: { type: 'problem' } });
    }
  }
  const sarifResults = results.flatMap((r) =>
    r.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: f.place.file ?? r.file },
            ...(f.place.line !== undefined ? { region: { startLine: f.place.line } } : {}),
          },
          ...(f.place.item !== undefined
            ? { logicalLocations: [{ name: `事项 ${f.place.item}${f.place.field ? ` ${f.place.field}` : ''}`, kind: 'object' }] }
            : {}),
          // SARIF has no worksheet, and a workbook's line numbers start again on each sheet.
          ...(f.place.sheet !== undefined ? { properties: { sheet: f.place.sheet } } : {}),
        },
      ],
      properties: { messageId: f.messageId, data: f.data, ...(f.cause ? { cause: f.cause } : {}) },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'quanze', rules: descriptors } }, results: sarifResults }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
