import { type Citation, type CitedVersion, citationTitle } from './citations.js';
import { type Segment, diffText } from './diff/text-diff.js';
import type { AlignEntry } from './entry.js';
import { comparableNumbering } from './score.js';
import { articleLabel } from './text/numeral.js';

export type Side = 'left' | 'right';

/**
 * What two lists say differently about the same power. Every kind carries a Chinese
 * `message`; the other fields are data for a compare page.
 */
export type Inconsistency =
  | { kind: 'type'; left: string; right: string; message: string }
  | { kind: 'name'; left: string; right: string; segments: Segment[]; message: string }
  | { kind: 'law-missing'; side: Side; laws: string[]; message: string }
  | { kind: 'articles'; law: string; left: number[]; right: number[]; message: string }
  | { kind: 'version'; law: string; left: string; right: string; outdated?: Side; certain: boolean; message: string }
  | { kind: 'duties-missing'; side: Side; duties: string[]; truncated: boolean; message: string };

/** How messages name the two lists: their departments, say. */
export type SideNames = Readonly<Record<Side, string>>;

export const DEFAULT_SIDE_NAMES: SideNames = { left: '左方', right: '右方' };

/**
 * Compares two entries already judged to be the same power.
 *
 * @example inconsistencies(a, b).map((i) => i.kind) // ['type', 'version']
 */
export function inconsistencies(a: AlignEntry, b: AlignEntry, names: SideNames = DEFAULT_SIDE_NAMES): Inconsistency[] {
  const found: Inconsistency[] = [];
  if (a.type !== b.type) {
    found.push({ kind: 'type', left: a.type, right: b.type, message: `权力类型不同：${a.type || '（未填）'}／${b.type || '（未填）'}` });
  }
  if (a.name.full !== b.name.full || a.name.core !== b.name.core) {
    found.push({ kind: 'name', left: a.label, right: b.label, segments: diffText(a.label, b.label), message: `事项名称不同：“${a.label}”／“${b.label}”` });
  }
  if (a.citations.length > 0 && b.citations.length > 0) found.push(...basisDifferences(a.citations, b.citations, names));
  if (a.duties && b.duties && a.duties.length > 0 && b.duties.length > 0) {
    found.push(...missingDuties(a, b, 'right', names), ...missingDuties(b, a, 'left', names));
  }
  return found;
}

function basisDifferences(a: readonly Citation[], b: readonly Citation[], names: SideNames): Inconsistency[] {
  const found: Inconsistency[] = [];
  const left = new Map(a.map((c) => [c.lawKey, c]));
  const right = new Map(b.map((c) => [c.lawKey, c]));
  const onlyLeft = a.filter((c) => !right.has(c.lawKey)).map(citationTitle);
  const onlyRight = b.filter((c) => !left.has(c.lawKey)).map(citationTitle);
  if (onlyLeft.length > 0) found.push(lawMissing('right', onlyLeft, names));
  if (onlyRight.length > 0) found.push(lawMissing('left', onlyRight, names));
  for (const x of a) {
    const y = right.get(x.lawKey);
    if (!y) continue;
    const law = citationTitle(x);
    // A list that does not say which version it cites is not claimed to cite another one.
    if (x.version && y.version && x.version.id !== y.version.id) found.push(versionDifference(law, x.version, y.version, names));
    if (!comparableNumbering(x, y)) continue;
    const xs = [...new Set(x.currentArticles)].sort((p, q) => p - q);
    const ys = [...new Set(y.currentArticles)].sort((p, q) => p - q);
    if (xs.join() !== ys.join()) {
      found.push({
        kind: 'articles',
        law,
        left: xs,
        right: ys,
        message: `《${law}》引用的条款不同：${xs.map(articleLabel).join('、') || '（未写条款）'}／${ys.map(articleLabel).join('、') || '（未写条款）'}`,
      });
    }
  }
  return found;
}

function lawMissing(side: Side, laws: string[], names: SideNames): Inconsistency {
  const other: Side = side === 'left' ? 'right' : 'left';
  return { kind: 'law-missing', side, laws, message: `${names[side]}的实施依据缺少${names[other]}引用的${laws.map((l) => `《${l}》`).join('、')}` };
}

const DATED = /^\d{4}(?:-\d{2}-\d{2})?$/;

function versionDifference(law: string, x: CitedVersion, y: CitedVersion, names: SideNames): Inconsistency {
  // A year and an order number may name the same version; only a registry can tell.
  if (x.kind !== y.kind) {
    return {
      kind: 'version',
      law,
      left: x.id,
      right: y.id,
      certain: false,
      message: `《${law}》的版本写法不同：${x.label}／${y.label}（需要法规库才能判断是否同一版本）`,
    };
  }
  let outdated: Side | undefined;
  if (x.superseded && !y.superseded) outdated = 'left';
  else if (y.superseded && !x.superseded) outdated = 'right';
  else if (!x.superseded && !y.superseded && DATED.test(x.id) && DATED.test(y.id)) outdated = x.id < y.id ? 'left' : 'right';
  const tail = outdated ? `，${names[outdated]}引用的版本较旧` : '';
  return {
    kind: 'version',
    law,
    left: x.id,
    right: y.id,
    ...(outdated ? { outdated } : {}),
    certain: true,
    message: `《${law}》所据版本不同：${x.label}／${y.label}${tail}`,
  };
}

/** Duties `from` has that `to` lacks, reported against `side` (the side that lacks them). */
function missingDuties(from: AlignEntry, to: AlignEntry, side: Side, names: SideNames): Inconsistency[] {
  const have = new Set((to.duties ?? []).map((d) => d.key));
  const missing = [...new Set((from.duties ?? []).filter((d) => d.key !== '其他' && !have.has(d.key)).map((d) => d.name))];
  if (missing.length === 0) return [];
  const truncated = to.truncated.has('duties');
  const other: Side = side === 'left' ? 'right' : 'left';
  const note = truncated ? `（${names[side]}的责任事项在原文中被截断，可能只是未完整发布）` : '';
  return [{ kind: 'duties-missing', side, duties: missing, truncated, message: `${names[side]}缺少${names[other]}有的责任事项：${missing.join('、')}${note}` }];
}
