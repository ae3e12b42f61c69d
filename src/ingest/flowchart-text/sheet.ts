import type { Finding, ProcessSheet, Residue } from '../../model/index.js';
import { parseTimeLimit } from '../../parse/index.js';
import { type Box, groupBoxes } from './boxes.js';
import { classifyBox } from './classify.js';
import { excerpt, flowchartFinding } from './findings.js';
import { type FieldKey, type FieldPart, fieldParts, splitPhone } from './labels.js';
import { type SourceLine, contentSpan, squeeze } from './lines.js';
import { readList } from './lists.js';
import { buildSteps } from './steps.js';
import type { SyntaxPiece } from './syntax.js';

export interface SheetInput {
  file: string;
  /** The whole file's text: spans are cut from it. */
  text: string;
  heading: SourceLine;
  title: string;
  /** The non-blank lines after the heading, up to the next heading. */
  body: readonly SourceLine[];
}

type SingleKey = Exclude<FieldKey, 'phone' | 'conditions' | 'materials'>;
const LIMIT_KEYS: ReadonlySet<FieldKey> = new Set(['statutoryLimit', 'promisedLimit', 'optimizedLimit']);

/** A run of lines between field lines: where the chart's boxes are. */
interface Run {
  lines: SourceLine[];
  glued: boolean;
}

/**
 * One chart: its head (label/value lines, 申请条件 and 提交材料 lists) and its boxes. Every
 * line of the sheet ends up in a field, a list entry, a step or the sheet's residue.
 */
export function readSheet(input: SheetInput, syntax: SyntaxPiece[]): { sheet: ProcessSheet; findings: Finding[] } {
  const { file, text, heading, title, body } = input;
  const last = body.at(-1) ?? heading;
  const base = heading.offset;
  const sheet: ProcessSheet = {
    title,
    phones: [],
    conditions: [],
    materials: [],
    steps: [],
    lines: { firstLine: heading.line, lastLine: last.line },
    residue: [],
  };
  const findings: Finding[] = [];
  const seen = new Map<FieldKey, { value: string; line: number }>();

  /** Residue spans are offsets into the sheet's text, which starts at its heading line. */
  const keep = (start: number, end: number, reason: string) => {
    const piece: Residue = { text: text.slice(start, end), span: [start - base, end - base], reason };
    sheet.residue.push(piece);
  };

  const applyField = (part: FieldPart, line: SourceLine) => {
    const value = squeeze(part.value);
    // A phone keeps its label in Phone.label: only the colon is structure, unless there is no phone.
    const labelKept = part.key === 'phone' && value !== '';
    const labelStart = line.offset + (labelKept ? part.labelEnd : part.labelAt);
    syntax.push({ kind: labelKept ? 'colon' : 'label', start: labelStart, end: line.offset + part.colonEnd });
    if (value === '') return;
    if (part.key === 'phone') {
      const { number, note } = splitPhone(part.value);
      sheet.phones.push(note ? { label: part.label, number: squeeze(number), note: squeeze(note) } : { label: part.label, number: squeeze(number) });
      return;
    }
    if (part.key === 'conditions' || part.key === 'materials') return;
    const key: SingleKey = part.key;
    const before = seen.get(key);
    if (before === undefined) {
      seen.set(key, { value, line: line.line });
      if (LIMIT_KEYS.has(key)) sheet[key as 'statutoryLimit'] = parseTimeLimit(value);
      else sheet[key as 'category'] = value;
      return;
    }
    const start = line.offset + part.valueAt;
    const same = before.value === value;
    keep(start, start + part.value.length, same ? `重复的${part.label}（与第${before.line}行相同）` : `与第${before.line}行不一致的${part.label}`);
    const data = { sheet: title, line: line.line, label: part.label, first: before.line, before: before.value, after: value };
    findings.push(flowchartFinding(same ? 'field-repeated' : 'field-conflict', { file, line: line.line }, data));
  };

  const runs: Run[] = [];
  let run: Run | null = null;
  let afterField = false;
  for (let i = 0; i < body.length; ) {
    const line = body[i] as SourceLine;
    const parts = fieldParts(line.raw);
    if (parts === null) {
      if (run === null) runs.push((run = { lines: [], glued: afterField && line.gapBefore === 0 }));
      run.lines.push(line);
      afterField = false;
      i++;
      continue;
    }
    run = null;
    for (const part of parts) applyField(part, line);
    const lists = parts.filter((p) => p.key === 'conditions' || p.key === 'materials');
    const open = lists.at(-1);
    // A list label that is not the line's last one has only its own value as its entry.
    for (const part of lists.slice(0, -1)) {
      let entry = squeeze(part.value);
      if (/[；;。]$/.test(entry)) {
        entry = entry.slice(0, -1);
        const at = line.offset + part.valueAt + part.value.length - 1;
        syntax.push({ kind: 'terminator', start: at, end: at + 1 });
      }
      if (entry) sheet[part.key as 'conditions'].push(entry);
    }
    if (open === undefined) {
      afterField = true;
      i++;
      continue;
    }
    const inline = { text: open.value, line: line.line, offset: line.offset + open.valueAt };
    const { items, end } = readList(body, i + 1, inline, (l) => fieldParts(l.raw) !== null, syntax);
    for (const item of items) sheet[open.key as 'conditions'].push(item.text);
    afterField = false;
    i = end;
  }

  const stepBoxes: Box[] = [];
  for (const box of runs.flatMap((r) => groupBoxes(r.lines, r.glued))) {
    const { kind, reason } = classifyBox(box);
    if (kind === 'step') {
      stepBoxes.push(box);
      continue;
    }
    if (kind === 'applicant' && sheet.applicant === undefined) {
      sheet.applicant = box.text;
      continue;
    }
    const first = box.lines[0] as SourceLine;
    const lastLine = box.lines.at(-1) as SourceLine;
    const why = kind === 'applicant' ? '又一个申请人方框' : (reason ?? '');
    keep(contentSpan(first)[0], contentSpan(lastLine)[1], why);
    const data = { sheet: title, text: excerpt(box.text), reason: why };
    findings.push(flowchartFinding('unplaced-box', { file, line: box.firstLine }, data));
  }
  sheet.steps = buildSteps(stepBoxes);
  sheet.residue.sort((a, b) => a.span[0] - b.span[0]);
  if (sheet.steps.length === 0) findings.push(flowchartFinding('no-steps', { file, line: heading.line }, { sheet: title }));
  return { sheet, findings };
}
