import type { TextSpan } from '../../model/index.js';

/** Test support: checks a grammar's output against the lossless contract. */
export interface Covered {
  span: TextSpan;
}

/** Non-whitespace characters of `text` that no span covers, as "offset:char" for messages. */
export function uncovered(text: string, spans: readonly TextSpan[]): string[] {
  const hit = new Uint8Array(text.length);
  for (const [s, e] of spans) for (let i = s; i < e; i++) hit[i] = 1;
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) if (!hit[i] && !/\s/.test(text[i] ?? '')) out.push(`${i}:${text[i]}`);
  return out;
}

/** Problems with a set of spans: out of bounds, inverted, overlapping. Empty when fine. */
export function spanProblems(text: string, spans: readonly TextSpan[]): string[] {
  const out: string[] = [];
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  for (const [s, e] of sorted) {
    if (s < 0 || e > text.length || s > e) out.push(`bad span [${s},${e}) for length ${text.length}`);
  }
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1];
    const cur = sorted[i];
    if (prev && cur && cur[0] < prev[1]) out.push(`overlap [${prev[0]},${prev[1]}) [${cur[0]},${cur[1]})`);
  }
  return out;
}

/** The span a preamble occupies: everything before the first element, trimmed. */
export function preambleSpan(text: string, preamble: string | undefined, first: TextSpan | undefined): TextSpan[] {
  if (preamble === undefined || !first) return [];
  const start = text.indexOf(preamble);
  return start >= 0 && start + preamble.length <= first[0] ? [[start, start + preamble.length]] : [];
}
