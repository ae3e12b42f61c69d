import {
  FIELD_LABELS,
  type FieldName,
  type Finding,
  type PowerItem,
  type Provenance,
  type RawCell,
  type TextCell,
  makeFinding,
  toPowerType,
} from '../model/index.js';
import { parseAccountability } from './accountability.js';
import { cleanCell, looksTruncated } from './cell-text.js';
import { parseDutyBasis } from './duty-basis.js';
import { parseDuties } from './duties.js';
import { parseLocalCode } from './local-code.js';
import { parseProvisions } from './provisions.js';
import { parseTimeLimit } from './time-limit.js';

/** A table row as a reader found it (structurally the ingest RawRecord). */
export interface RecordInput {
  record: number;
  firstLine: number;
  lastLine: number;
  cells: RawCell[];
  shared?: string[];
  impliedSeq?: number;
  sheet?: string;
  page?: number;
}

export interface ItemContext {
  file: string;
  /** Header → field, from the reader's column mapping. */
  fieldOf: (header: string) => FieldName | null;
}

/** Fields whose cells are long prose, where a cut-off in the source is worth reporting. */
const PROSE_FIELDS: ReadonlySet<FieldName> = new Set(['basis', 'duties', 'dutyBasis', 'accountability', 'accountabilityBasis']);

/**
 * Interprets one raw record: every cell goes to its canonical field and through that
 * field's grammar; unknown columns go to `extra`. Never throws on cell content.
 */
export function toPowerItem(input: RecordInput, context: ItemContext): { item: PowerItem; findings: Finding[] } {
  const findings: Finding[] = [];
  const part = { ...(input.sheet !== undefined ? { sheet: input.sheet } : {}), ...(input.page !== undefined ? { page: input.page } : {}) };
  const place = (field?: string) => ({ file: context.file, ...part, line: input.firstLine, record: input.record, ...(field ? { field } : {}) });
  const byField = new Map<FieldName, { raw: RawCell; cell: TextCell }>();
  const extra: Record<string, TextCell> = {};

  for (const raw of input.cells) {
    const field = context.fieldOf(raw.header);
    const cell = textCell(raw.raw, input.shared?.includes(raw.header) ?? false);
    if (cell.flags.includes('html')) findings.push(finding('html-in-cell', 'info', place(raw.header), { header: raw.header }));
    if (field === null || byField.has(field)) {
      extra[uniqueKey(extra, raw.header)] = cell;
      continue;
    }
    if (PROSE_FIELDS.has(field) && cell.text.length > 20 && looksTruncated(cell.text)) {
      cell.flags.push('truncated');
      findings.push(finding('truncated-cell', 'warning', place(raw.header), { header: raw.header }));
    }
    byField.set(field, { raw, cell });
  }

  const text = (field: FieldName): TextCell | undefined => {
    const entry = byField.get(field);
    return entry ? { text: entry.cell.text, raw: entry.cell.raw, flags: [...entry.cell.flags] } : undefined;
  };
  const withGrammar = <T extends { residue: { text: string }[] }>(field: FieldName, grammar: (text: string) => T) => {
    const cell = text(field);
    if (!cell) return undefined;
    const parsed = grammar(cell.text);
    for (const piece of parsed.residue) {
      if (piece.text.trim()) {
        findings.push(finding('residue', 'info', place(FIELD_LABELS[field]), { header: FIELD_LABELS[field], text: piece.text.slice(0, 40) }));
      }
    }
    // `cell` is a fresh copy; assigning avoids V8's slow path for spreads of mixed shapes.
    return Object.assign(cell, parsed);
  };

  const seqRaw = byField.get('seq')?.raw.raw.trim();
  const typeRaw = byField.get('powerType')?.raw.raw.trim() ?? '';
  const powerType = toPowerType(cleanCell(typeRaw).text);
  if (powerType.type === null) findings.push(finding('unknown-power-type', 'warning', place('权力类型'), { raw: typeRaw }));
  const localCode = byField.get('localCode')?.raw.raw.trim();
  const subLocalCode = byField.get('subLocalCode')?.raw.raw.trim();
  const statutory = text('statutoryLimit');
  const promised = text('promisedLimit');

  const provenance: Provenance = {
    record: input.record,
    firstLine: input.firstLine,
    lastLine: input.lastLine,
    ...part,
    cells: input.cells,
  };
  const item: PowerItem = {
    seq: seqRaw ? seqRaw : null,
    ...(input.impliedSeq !== undefined ? { impliedSeq: input.impliedSeq } : {}),
    powerType,
    name: text('name') ?? { text: '', raw: '', flags: ['empty'] },
    subItem: text('subItem'),
    subject: text('subject'),
    office: text('office'),
    basis: withGrammar('basis', parseProvisions),
    duties: withGrammar('duties', parseDuties),
    dutyBasis: withGrammar('dutyBasis', parseDutyBasis),
    accountability: withGrammar('accountability', parseAccountability),
    accountabilityBasis: withGrammar('accountabilityBasis', parseProvisions),
    exemption: text('exemption'),
    remark: text('remark'),
    localCode: localCode ? parseLocalCode(localCode) : undefined,
    subLocalCode: subLocalCode ? parseLocalCode(subLocalCode) : undefined,
    serviceLevel: text('serviceLevel'),
    statutoryLimit: statutory ? parseTimeLimit(statutory.text) : undefined,
    promisedLimit: promised ? parseTimeLimit(promised.text) : undefined,
    extra,
    provenance,
  };
  return { item: dropUndefined(item), findings };
}

function textCell(raw: string, shared: boolean): TextCell {
  const { text, flags } = cleanCell(raw);
  return { text, raw, flags: shared ? [...flags, 'merged'] : [...flags] };
}

function uniqueKey(record: Record<string, unknown>, key: string): string {
  let candidate = key;
  for (let n = 2; Object.hasOwn(record, candidate); n++) candidate = `${key}（${n}）`;
  return candidate;
}

function dropUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out as T;
}

const MESSAGES = {
  'html-in-cell': '“{header}”单元格含有 HTML 标记，已去除标记保留文字',
  'truncated-cell': '“{header}”单元格在原文中疑似被截断',
  'unknown-power-type': '未知的权力类型“{raw}”，已保留原文',
  residue: '“{header}”中有无法归类的文字：{text}',
} as const;

function finding(
  messageId: keyof typeof MESSAGES,
  severity: Finding['severity'],
  place: Finding['place'],
  data: Record<string, string>,
): Finding {
  return makeFinding(`parse/${messageId}`, MESSAGES, messageId, severity, place, data);
}
