import type { ReadResult } from './record.js';

/** Moves a place in a chunk (a finding's, an error's) to where the chunk stands in its file. */
export function shiftPlace<P extends { line?: number; record?: number }>(p: P, lines: number, records: number): P {
  return {
    ...p,
    ...(p.line !== undefined ? { line: p.line + lines } : {}),
    ...(p.record !== undefined ? { record: p.record + records } : {}),
  };
}

/** Moves a chunk's line and record numbers to where the chunk stands in its file. */
export function shiftResult(result: ReadResult, lines: number, records: number): ReadResult {
  if (lines === 0 && records === 0) return result;
  const place = <P extends { line?: number; record?: number }>(p: P): P => shiftPlace(p, lines, records);
  return {
    ...result,
    records: result.records.map((r) => ({
      ...r,
      record: r.record + records,
      firstLine: r.firstLine + lines,
      lastLine: r.lastLine + lines,
      cells: r.cells.map((c) => ({ ...c, line: c.line + lines })),
    })),
    residue: result.residue.map((r) => ({ ...r, firstLine: r.firstLine + lines, lastLine: r.lastLine + lines })),
    findings: result.findings.map((f) => ({ ...f, place: place(f.place), ...(f.cause ? { cause: place(f.cause) } : {}) })),
    processSheets: result.processSheets.map((s) => ({
      ...s,
      lines: { firstLine: s.lines.firstLine + lines, lastLine: s.lines.lastLine + lines },
      steps: s.steps.map((step) => ({
        ...step,
        lines: { firstLine: step.lines.firstLine + lines, lastLine: step.lines.lastLine + lines },
      })),
    })),
  };
}
