/**
 * The canonical item fields, in the column order of a typical published list,
 * with the Chinese label each is shown under.
 */
export const FIELD_LABELS = {
  seq: '序号',
  powerType: '权力类型',
  name: '事项名称',
  subItem: '子项',
  subject: '实施主体',
  office: '承办机构',
  basis: '实施依据',
  duties: '责任事项',
  dutyBasis: '责任事项依据',
  accountability: '追责情形',
  accountabilityBasis: '追责依据',
  exemption: '免责情形',
  remark: '备注',
  localCode: '地方权力编码',
  subLocalCode: '子项地方权力编码',
  serviceLevel: '办事层级',
  statutoryLimit: '法定时限',
  promisedLimit: '承诺时限',
} as const;

export type FieldName = keyof typeof FIELD_LABELS;
export const FIELD_NAMES = Object.keys(FIELD_LABELS) as FieldName[];

export function isFieldName(value: string): value is FieldName {
  return Object.hasOwn(FIELD_LABELS, value);
}
