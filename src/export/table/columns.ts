import { FIELD_LABELS, FIELD_NAMES, type FieldName, type PowerItem, type PowerList } from '../../model/index.js';

/** A column of an exported table: a canonical field, or an unknown column kept under its header. */
export interface ExportColumn {
  header: string;
  field: FieldName | null;
  /** For unknown columns: the key of `item.extra` it holds. */
  extraKey?: string;
}

/**
 * The columns a list is written with: the columns it was read with, in their order and under
 * their headers (so that re-reading maps them the same way), then any field or unknown
 * column its items hold that no column names. Nothing an item holds is left out.
 */
export function exportColumns(list: PowerList): ExportColumn[] {
  const columns: ExportColumn[] = [];
  const fields = new Set<FieldName>();
  const extras = new Set<string>();
  for (const { header, field } of list.columns) {
    const known = field !== null && (FIELD_NAMES as string[]).includes(field) ? (field as FieldName) : null;
    if (known && !fields.has(known)) {
      fields.add(known);
      columns.push({ header, field: known });
    } else if (!extras.has(header)) {
      extras.add(header);
      columns.push({ header, field: null, extraKey: header });
    }
  }
  for (const field of FIELD_NAMES) {
    if (fields.has(field) || !list.items.some((item) => cellValue(item, { header: '', field }) !== '')) continue;
    fields.add(field);
    columns.push({ header: uniqueHeader(columns, FIELD_LABELS[field]), field });
  }
  for (const item of list.items) {
    for (const key of Object.keys(item.extra)) {
      if (extras.has(key)) continue;
      extras.add(key);
      columns.push({ header: uniqueHeader(columns, key), field: null, extraKey: key });
    }
  }
  return columns;
}

function uniqueHeader(columns: readonly ExportColumn[], header: string): string {
  let candidate = header;
  for (let n = 2; columns.some((c) => c.header === candidate); n++) candidate = `${header}（${n}）`;
  return candidate;
}

/**
 * The text an item shows in a column: a cell's text (markup removed), the type, code and
 * time limit as written, 序号 as written (empty when the row had none).
 */
export function cellValue(item: PowerItem, column: ExportColumn): string {
  if (column.field === null) return column.extraKey !== undefined ? (item.extra[column.extraKey]?.text ?? '') : '';
  switch (column.field) {
    case 'seq':
      return item.seq ?? '';
    case 'powerType':
      return item.powerType.raw;
    case 'localCode':
    case 'subLocalCode':
    case 'statutoryLimit':
    case 'promisedLimit':
      return item[column.field]?.raw.trim() ?? '';
    default:
      return item[column.field]?.text ?? '';
  }
}

/** Whether the item's cell in this column was shared with its neighbours (a merged cell). */
export function isShared(item: PowerItem, column: ExportColumn): boolean {
  if (column.field === null) return item.extra[column.extraKey ?? '']?.flags.includes('merged') ?? false;
  const value = item[column.field];
  return typeof value === 'object' && value !== null && 'flags' in value && value.flags.includes('merged');
}
