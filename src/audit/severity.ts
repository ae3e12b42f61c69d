import type { Severity } from '../model/index.js';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
const BY_RANK: readonly Severity[] = ['info', 'warning', 'error'];

/** The lower of two severities. */
export function lowest(a: Severity, b: Severity): Severity {
  return RANK[a] <= RANK[b] ? a : b;
}

/** One level down (error → warning → info); info stays info. */
export function lower(s: Severity): Severity {
  return BY_RANK[Math.max(0, RANK[s] - 1)] as Severity;
}

export function severityRank(s: Severity): number {
  return RANK[s];
}

/** Chinese names, as stylish output and messages show them. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** Appended to the message of a report resting on an unverified registry fact. */
export const UNVERIFIED_NOTE = '（法规库中相关事实未经核实，仅供参考）';
