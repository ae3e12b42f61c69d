import { FIELD_LABELS, type PowerItem, type ProcessSheet } from '../../model/index.js';

/** One comparable field of an item or sheet: what a reader sees in it, under its label. */
export interface FieldText {
  /** Canonical field name, "extra:<header>" for unknown columns, or a sheet field. */
  field: string;
  label: string;
  text: string;
}

type CellField = 'name' | 'subItem' | 'subject' | 'office' | 'basis' | 'duties' | 'dutyBasis' | 'accountability' | 'accountabilityBasis' | 'exemption' | 'remark' | 'serviceLevel';
type RawField = 'localCode' | 'subLocalCode' | 'statutoryLimit' | 'promisedLimit';

const CELL_FIELDS: readonly CellField[] = [
  'name',
  'subItem',
  'subject',
  'office',
  'basis',
  'duties',
  'dutyBasis',
  'accountability',
  'accountabilityBasis',
  'exemption',
  'remark',
  'serviceLevel',
];
const RAW_FIELDS: readonly RawField[] = ['localCode', 'subLocalCode', 'statutoryLimit', 'promisedLimit'];

/**
 * Every field of an item a version diff compares, in column order. 序号 is left out: it
 * follows from position, and an insertion would otherwise renumber every later item.
 *
 * @example itemFields(item).find((f) => f.field === 'name')?.text // '对保密工作的监督检查'
 */
export function itemFields(item: PowerItem): FieldText[] {
  const fields: FieldText[] = [{ field: 'powerType', label: FIELD_LABELS.powerType, text: item.powerType.raw.trim() }];
  for (const field of CELL_FIELDS) fields.push({ field, label: FIELD_LABELS[field], text: item[field]?.text ?? '' });
  for (const field of RAW_FIELDS) fields.push({ field, label: FIELD_LABELS[field], text: item[field]?.raw.trim() ?? '' });
  for (const [header, cell] of Object.entries(item.extra)) fields.push({ field: `extra:${header}`, label: header, text: cell.text });
  return fields;
}

/** The fields of a flowchart sheet, with its steps and lists written out one per line. */
export function sheetFields(sheet: ProcessSheet): FieldText[] {
  const lines = (values: readonly string[]) => values.join('\n');
  return [
    { field: 'title', label: '流程图', text: sheet.title },
    { field: 'category', label: '项目类别', text: sheet.category ?? '' },
    { field: 'statutoryLimit', label: '法定时限', text: sheet.statutoryLimit?.raw ?? '' },
    { field: 'promisedLimit', label: '承诺时限', text: sheet.promisedLimit?.raw ?? '' },
    { field: 'optimizedLimit', label: '优化时限', text: sheet.optimizedLimit?.raw ?? '' },
    { field: 'address', label: '办理地点', text: sheet.address ?? '' },
    { field: 'office', label: '承办部门', text: sheet.office ?? '' },
    { field: 'phones', label: '电话', text: lines(sheet.phones.map((p) => `${p.label}：${p.number}${p.note ? ` ${p.note}` : ''}`)) },
    { field: 'applicant', label: '申请人', text: sheet.applicant ?? '' },
    { field: 'conditions', label: '申请条件', text: lines(sheet.conditions) },
    { field: 'materials', label: '提交材料', text: lines(sheet.materials) },
    { field: 'steps', label: '流程步骤', text: lines(sheet.steps.map((s) => `${s.name}${s.deadline ? `（${s.deadline.raw}）` : ''}`)) },
  ];
}
