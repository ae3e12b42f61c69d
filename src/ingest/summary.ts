import type { PowerList, Severity } from '../model/index.js';

export interface ListSummary {
  file: string;
  format: string;
  title: string | null;
  department: string | null;
  items: number;
  byType: Record<string, number>;
  duties: number;
  provisions: number;
  processSheets: number;
  /** Pieces of text no grammar or reader could place (file residue plus cell residue). */
  residue: number;
  findings: Record<Severity, number>;
  columns: { header: string; field: string | null }[];
}

/** What `quanze inspect` reports for a list, as data. */
export function summarizeList(list: PowerList): ListSummary {
  const byType: Record<string, number> = {};
  let duties = 0;
  let provisions = 0;
  let residue = list.residue.length;
  for (const item of list.items) {
    const type = item.powerType.type ?? `未知（${item.powerType.raw}）`;
    byType[type] = (byType[type] ?? 0) + 1;
    duties += item.duties?.duties.length ?? 0;
    for (const cell of [item.basis, item.accountabilityBasis]) {
      provisions += cell?.provisions.length ?? 0;
      residue += cell?.residue.length ?? 0;
    }
    for (const entry of item.dutyBasis?.entries ?? []) provisions += entry.provisions.length;
    residue += (item.duties?.residue.length ?? 0) + (item.dutyBasis?.residue.length ?? 0) + (item.accountability?.residue.length ?? 0);
  }
  for (const sheet of list.processSheets) residue += sheet.residue.length;
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of list.findings) findings[finding.severity]++;
  return {
    file: list.source.file,
    format: list.source.format,
    title: list.title,
    department: list.department,
    items: list.items.length,
    byType,
    duties,
    provisions,
    processSheets: list.processSheets.length,
    residue,
    findings,
    columns: list.columns,
  };
}
