/** Where a "label：value" pair of a flowchart's head goes in the ProcessSheet. */
export type FieldKey =
  | 'category'
  | 'address'
  | 'statutoryLimit'
  | 'promisedLimit'
  | 'optimizedLimit'
  | 'office'
  | 'phone'
  | 'conditions'
  | 'materials';

/** The labels flowchart sheets print before a colon, and the field each one fills. */
export const FIELD_LABELS: Readonly<Record<string, FieldKey>> = {
  项目类别: 'category',
  项目类型: 'category',
  权力类型: 'category',
  事项类型: 'category',
  办理地点: 'address',
  受理地点: 'address',
  法定时限: 'statutoryLimit',
  法定期限: 'statutoryLimit',
  法定办结时限: 'statutoryLimit',
  承诺时限: 'promisedLimit',
  承诺期限: 'promisedLimit',
  承诺办结时限: 'promisedLimit',
  优化时限: 'optimizedLimit',
  优化期限: 'optimizedLimit',
  承办部门: 'office',
  承办机构: 'office',
  承办科室: 'office',
  责任处室: 'office',
  责任科室: 'office',
  监督投诉电话: 'phone',
  投诉电话: 'phone',
  服务电话: 'phone',
  咨询电话: 'phone',
  联系电话: 'phone',
  申请条件: 'conditions',
  受理条件: 'conditions',
  提交材料: 'materials',
  申请材料: 'materials',
  申报材料: 'materials',
};

const NAMES = Object.keys(FIELD_LABELS).sort((a, b) => b.length - a.length);
/** A label counts only at the start of the line or after a space, so 监督投诉电话 is not read as 投诉电话. */
const LABEL = new RegExp(`(?<=^|[\\s\\u3000])(${NAMES.join('|')})[\\s\\u3000]*[：:]`, 'g');

export interface FieldPart {
  label: string;
  key: FieldKey;
  /** The value as written, trimmed; '' when the label stands alone ("申请条件 ："). */
  value: string;
  /** Offset of the trimmed value inside the line. */
  valueAt: number;
  /** [start, end) of "label：" inside the line, and where the label ends. */
  labelAt: number;
  labelEnd: number;
  colonEnd: number;
}

/**
 * The label/value pairs of a line that starts with a known label; null for any other line.
 * A value runs to the next label on the same line.
 *
 * @example fieldParts('法定时限：45个工作日   承诺时限：30个工作日')?.map((p) => p.value) // ['45个工作日', '30个工作日']
 */
export function fieldParts(line: string): FieldPart[] | null {
  const hits = [...line.matchAll(LABEL)];
  const first = hits[0];
  if (first === undefined || line.slice(0, first.index).trim() !== '') return null;
  return hits.map((hit, i) => {
    const label = hit[1] ?? '';
    const from = hit.index + hit[0].length;
    const to = hits[i + 1]?.index ?? line.length;
    const slice = line.slice(from, to);
    const value = slice.trim();
    const valueAt = from + (slice.length - slice.trimStart().length);
    return { label, key: FIELD_LABELS[label] ?? 'category', value, valueAt, labelAt: hit.index, labelEnd: hit.index + label.length, colonEnd: from };
  });
}

/** Whether a line is a label line: the signal detection and the sheet reader share. */
export function isFieldLine(line: string): boolean {
  return fieldParts(line) !== null;
}

/** Labels a line carries, for format detection. */
export function labelsIn(line: string): string[] {
  return fieldParts(line)?.map((p) => p.label) ?? [];
}

const PHONE_NUMBER = /^[0-9０-９][0-9０-９\-－—()（）]*[0-9０-９](?:[\s\u3000]*[、,，/或][\s\u3000]*[0-9０-９][0-9０-９\-－—]*[0-9０-９])*/;

/**
 * "0970-8652444县委机要局" → number and the note written after it. A value with no leading
 * number keeps the whole text as its number, since that is what stands where the number should.
 */
export function splitPhone(value: string): { number: string; note?: string } {
  const m = PHONE_NUMBER.exec(value);
  if (!m) return { number: value };
  const note = value.slice(m[0].length).trim();
  return note ? { number: m[0], note } : { number: m[0] };
}
