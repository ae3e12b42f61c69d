import type { FieldName } from '../model/index.js';
import type { Column } from './record.js';

/**
 * Header text → canonical field. Synonyms from DOMAIN.md and the samples; a header
 * is compared after removing whitespace and markup, so " 子项名称 " and "子项\n名称" match.
 */
export const HEADER_SYNONYMS: Readonly<Record<FieldName, readonly string[]>> = {
  seq: ['序号', '编号'],
  powerType: ['权力类型', '权力分类', '项目类别', '职权类别', '事项类型', '类别'],
  name: ['事项名称', '项目名称', '权力事项名称', '职权名称', '权力名称'],
  subItem: ['子项', '子项名称', '子项目名称'],
  subject: ['实施主体', '行使主体', '实施机关'],
  office: ['承办机构', '承办部门', '责任处室', '承办科室'],
  basis: ['实施依据', '设定依据', '法律依据'],
  duties: ['责任事项', '责任事项内容'],
  dutyBasis: ['责任事项依据'],
  accountability: ['追责情形', '问责情形'],
  accountabilityBasis: ['追责依据', '问责依据'],
  exemption: ['免责情形'],
  remark: ['备注'],
  localCode: ['地方权力编码', '权力编码', '事项编码'],
  subLocalCode: ['子项地方权力编码', '子项编码'],
  serviceLevel: ['办事层级', '行使层级'],
  statutoryLimit: ['法定时限', '法定期限', '法定办结时限'],
  promisedLimit: ['承诺时限', '承诺期限', '承诺办结时限'],
};

export function normalizeHeader(header: string): string {
  return header
    .replace(/<[^>]*>/g, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[：:]$/, '');
}

const LOOKUP: ReadonlyMap<string, FieldName> = new Map(
  (Object.entries(HEADER_SYNONYMS) as [FieldName, readonly string[]][]).flatMap(([field, names]) =>
    names.map((name) => [normalizeHeader(name), field] as const),
  ),
);

/** User corrections from `--map 列名=field`, applied before the synonym table. */
export type HeaderOverrides = Readonly<Record<string, FieldName | null>>;

export function mapHeader(header: string, overrides: HeaderOverrides = {}): FieldName | null {
  const key = normalizeHeader(header);
  for (const [name, field] of Object.entries(overrides)) {
    if (normalizeHeader(name) === key) return field;
  }
  return LOOKUP.get(key) ?? null;
}

export function mapHeaders(headers: readonly string[], overrides: HeaderOverrides = {}): Column[] {
  return headers.map((header) => ({ header: normalizeHeader(header), field: mapHeader(header, overrides) }));
}

/** True when enough headers are known that the row is a header row rather than data. */
export function looksLikeHeaderRow(cells: readonly string[]): boolean {
  const known = cells.filter((cell) => cell.trim() !== '' && mapHeader(cell) !== null).length;
  return known >= 3 && known * 2 >= cells.filter((cell) => cell.trim() !== '').length;
}
