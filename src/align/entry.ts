import { type PowerItem, type PowerList, type ProcessSheet, toPowerType } from '../model/index.js';
import { type Citation, type CitationResolver, citationsOf, titleResolver } from './citations.js';
import { bigrams, compact, gramCodes } from './text/compact.js';
import { type NameParts, nameParts, sheetName } from './text/name.js';

/** Which list, and which item or flowchart sheet in it. */
export interface EntryRef {
  list: number;
  kind: 'item' | 'sheet';
  /** Position in `list.items` or `list.processSheets`. */
  index: number;
}

/** A duty step reduced to what can be compared across lists. */
export interface DutyKey {
  /** Canonical duty name (调查取证 and 调查 are one duty). */
  key: string;
  /** The name as written. */
  name: string;
}

/**
 * What alignment knows about one power: an item of a list or a flowchart sheet, reduced to
 * the features that can be compared. Built once per entry so scoring stays cheap.
 */
export interface AlignEntry {
  ref: EntryRef;
  seq: string | null;
  /** 事项名称 as written, with the 子项 after a "——" when there is one. */
  label: string;
  name: NameParts;
  /** Character bigrams of the name's core (子项 included): the blocking and similarity key. */
  grams: string[];
  /** The same bigrams as sorted numbers, for scoring. */
  gramCodes: Float64Array;
  /** The known power type, or the raw cell text when it names no known type. */
  type: string;
  typeKnown: boolean;
  citations: Citation[];
  lawKeys: ReadonlySet<string>;
  /** "lawKey#article" in current numbering. */
  articleKeys: ReadonlySet<string>;
  /** 地方权力编码 without the department's credit code: the part that can match across departments. */
  code?: string;
  /** Undefined for sheets, which carry flowchart steps rather than 责任事项. */
  duties?: DutyKey[];
  /** Cells the source cut off: what is missing there may simply not have been published. */
  truncated: ReadonlySet<'basis' | 'duties'>;
}

/** Duty names that lists write differently for the same step. */
export const DUTY_SYNONYMS: Readonly<Record<string, string>> = {
  调查取证: '调查',
  审理: '审查',
  监督: '监管',
  事后监管: '监管',
  监督检查: '监管',
  告知: '告知',
  法制审核: '审核',
};

export function dutyKey(name: string): string {
  const key = compact(name).replace(/的?责任$/, '');
  return DUTY_SYNONYMS[key] ?? key;
}

/** Entries for every item of a list, then every flowchart sheet. */
export function listEntries(list: PowerList, listIndex: number, resolver: CitationResolver = titleResolver): AlignEntry[] {
  return [
    ...list.items.map((item, index) => itemEntry(item, { list: listIndex, kind: 'item', index }, resolver)),
    ...list.processSheets.map((sheet, index) => sheetEntry(sheet, { list: listIndex, kind: 'sheet', index })),
  ];
}

export function itemEntry(item: PowerItem, ref: EntryRef, resolver: CitationResolver = titleResolver): AlignEntry {
  const sub = item.subItem?.text.trim() ?? '';
  const name = nameParts(item.name.text);
  const core = sub ? `${name.core}${compact(sub)}` : name.core;
  const citations = citationsOf(item.basis?.provisions ?? [], resolver);
  const truncated = new Set<'basis' | 'duties'>();
  if (item.basis?.flags.includes('truncated')) truncated.add('basis');
  if (item.duties?.flags.includes('truncated')) truncated.add('duties');
  const code = codeKey(item);
  return {
    ref,
    seq: item.seq,
    label: sub ? `${item.name.text.trim()}——${sub}` : item.name.text.trim(),
    name: { ...name, core },
    grams: bigrams(core),
    gramCodes: gramCodes(core),
    type: item.powerType.type ?? item.powerType.raw.trim(),
    typeKnown: item.powerType.type !== null,
    citations,
    lawKeys: new Set(citations.map((c) => c.lawKey)),
    articleKeys: new Set(citations.flatMap((c) => c.currentArticles.map((a) => `${c.lawKey}#${a}`))),
    ...(code ? { code } : {}),
    duties: (item.duties?.duties ?? []).map((d) => ({ key: dutyKey(d.name), name: d.name })),
    truncated,
  };
}

export function sheetEntry(sheet: ProcessSheet, ref: EntryRef): AlignEntry {
  const label = sheetName(sheet.title);
  const name = nameParts(label);
  const type = sheet.category ? toPowerType(sheet.category) : { type: null, raw: '' };
  return {
    ref,
    seq: null,
    label,
    name,
    grams: bigrams(name.core),
    gramCodes: gramCodes(name.core),
    type: type.type ?? type.raw.trim(),
    typeKnown: type.type !== null,
    citations: [],
    lawKeys: new Set(),
    articleKeys: new Set(),
    truncated: new Set(),
  };
}

function codeKey(item: PowerItem): string | undefined {
  const code = item.subLocalCode?.raw.trim() || item.localCode?.raw.trim();
  if (!code) return undefined;
  const credit = (item.subLocalCode ?? item.localCode)?.creditCode;
  return credit && code.startsWith(credit) ? code.slice(credit.length) : code;
}
