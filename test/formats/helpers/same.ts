import type { CellFlag, PowerItem, PowerList } from '../../../src/model/index.js';

/**
 * What “the same list” means across formats. Two imports of one list are the same when,
 * item by item and in order, they hold:
 * - 序号 as written and the 权力类型 (its known type and its text);
 * - the number inferred for an unnumbered row (impliedSeq), where the reader infers one;
 * - every field's text (markup removed, as a reader sees it) and its parsed structure
 *   (provisions, duty steps, duty bases, accountability situations, residue, with their
 *   spans into the text), 地方权力编码 parsed, 时限 parsed;
 * - the flags derived from the text ('empty', 'truncated');
 * - every unknown column's text, under its header;
 * and the list has the same department, region and level.
 *
 * Not compared, because they describe the file rather than the list: `raw` (the cell as
 * the file spelled it: <p> markup, entities, spacing), the flags 'html' and 'merged' (the
 * file used markup or a merged cell to show that text), provenance (lines and cells of the
 * file), source, file residue and findings (about the file's layout). A missing cell and an
 * empty one are the same (a table writes every column).
 *
 * With `whitespace: 'ignore'` (PDF, where a wrapped line cannot always be told from a line
 * break), texts are compared with all whitespace removed and parsed structures by their
 * counts and labels only.
 */
export interface SameOptions {
  impliedSeq?: boolean;
  whitespace?: 'exact' | 'ignore';
}

const TEXT_FIELDS = ['name', 'subItem', 'subject', 'office', 'exemption', 'remark', 'serviceLevel'] as const;
const PARSED_FIELDS = ['basis', 'duties', 'dutyBasis', 'accountability', 'accountabilityBasis'] as const;
const LAYOUT_FLAGS: ReadonlySet<CellFlag> = new Set(['html', 'merged']);

type Cell = { text: string; raw: string; flags: CellFlag[] } & Record<string, unknown>;

function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Counts and labels of a parsed cell: what survives a change of line breaks. */
function outline(cell: Cell): unknown {
  const { provisions, duties, entries, situations } = cell as {
    provisions?: { label?: string; title?: string; refs: { raw: string }[] }[];
    duties?: { no: number; name: string }[];
    entries?: { key: string }[];
    situations?: { label: string }[];
  };
  return {
    provisions: provisions?.map((p) => ({ label: p.label, title: p.title && squeeze(p.title), refs: p.refs.map((r) => squeeze(r.raw)) })),
    duties: duties?.map((d) => ({ no: d.no, name: squeeze(d.name) })),
    entries: entries?.map((e) => squeeze(e.key)),
    situations: situations?.map((s) => squeeze(s.label)),
  };
}

function cellForm(value: unknown, options: SameOptions): unknown {
  const cell = value as Cell | undefined;
  if (!cell || cell.text === '') return undefined;
  const flags = cell.flags.filter((f) => !LAYOUT_FLAGS.has(f));
  if (options.whitespace === 'ignore') return { text: squeeze(cell.text), ...(outline(cell) as object) };
  const { raw: _raw, flags: _flags, ...rest } = cell;
  return { ...rest, flags };
}

/** The comparable form of one item (see SameOptions). */
export function itemForm(item: PowerItem, options: SameOptions = {}): Record<string, unknown> {
  const form: Record<string, unknown> = {
    seq: item.seq,
    powerType: { type: item.powerType.type, raw: item.powerType.raw.trim() },
  };
  if (options.impliedSeq !== false) form.impliedSeq = item.impliedSeq ?? null;
  for (const field of [...TEXT_FIELDS, ...PARSED_FIELDS]) {
    const cell = cellForm(item[field], options);
    if (cell !== undefined) form[field] = cell;
  }
  for (const field of ['localCode', 'subLocalCode'] as const) {
    const code = item[field];
    if (code?.raw.trim()) form[field] = { ...code, raw: code.raw.trim() };
  }
  for (const field of ['statutoryLimit', 'promisedLimit'] as const) {
    if (item[field]?.raw.trim()) form[field] = item[field];
  }
  const extra = Object.entries(item.extra)
    .filter(([, cell]) => cell.text !== '')
    .map(([header, cell]) => [header, options.whitespace === 'ignore' ? squeeze(cell.text) : cell.text]);
  if (extra.length > 0) form.extra = Object.fromEntries(extra);
  return form;
}

/** The comparable form of a list: its department, region, level and items. */
export function listForm(list: PowerList, options: SameOptions = {}) {
  return {
    department: list.department,
    region: list.region,
    level: list.level,
    items: list.items.map((item) => itemForm(item, options)),
  };
}
