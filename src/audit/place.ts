import { FIELD_LABELS, type FieldName, isFieldName, type Place, type PowerItem, type PowerList } from '../model/index.js';

/** How an item is named in findings: its 序号, else the number a reader infers, else its record. */
export function itemLabel(item: PowerItem): string {
  const seq = item.seq?.trim();
  if (seq) return seq;
  return item.impliedSeq !== undefined ? String(item.impliedSeq) : `#${item.provenance.record + 1}`;
}

/** The column header an item's field was read from, else the field's Chinese label. */
export function fieldLabel(list: PowerList, field: FieldName | string): string {
  if (!isFieldName(field)) return field;
  return list.columns.find((c) => c.field === field)?.header ?? FIELD_LABELS[field];
}

/** The file line a field of an item starts on. */
export function fieldLine(list: PowerList, item: PowerItem, field: FieldName | string): number | undefined {
  const header = fieldLabel(list, field);
  return item.provenance.cells.find((c) => c.header === header)?.line;
}

/** Where a finding about an item (and maybe one of its fields) points. */
export function placeOf(list: PowerList, item?: PowerItem, field?: FieldName | string, line?: number): Place {
  const place: Place = { file: list.source.file };
  if (!item) return line !== undefined ? { ...place, line } : place;
  place.record = item.provenance.record;
  // Rows are numbered per worksheet (and PDF lines are easier found by page): say which.
  if (item.provenance.sheet !== undefined) place.sheet = item.provenance.sheet;
  if (item.provenance.page !== undefined) place.page = item.provenance.page;
  place.item = itemLabel(item);
  const at = line ?? (field !== undefined ? fieldLine(list, item, field) : undefined) ?? item.provenance.firstLine;
  place.line = at;
  if (field !== undefined) place.field = fieldLabel(list, field);
  return place;
}
