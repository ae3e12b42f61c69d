import { type EditOp, diffIds } from './myers.js';

/** A piece of a character-level diff, ready to render: kept, removed or added text. */
export interface Segment {
  op: EditOp;
  text: string;
}

/**
 * Units of comparison for Chinese text: each Han character, punctuation mark or symbol is
 * its own unit (code points, so nothing is split in half), while a run of Latin letters or
 * digits (2010, 28, GB) and a run of whitespace are one unit each: "2010" → "2024" reads as
 * one number replaced, not as two digits edited.
 */
const TOKEN = /[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]+|\s+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** An equality this short (in code points), and no longer than the changes on either side, is folded into them. */
const MAX_FOLDED = 2;

/**
 * A character-level diff of two texts, suited to Chinese: Myers' shortest edit script over
 * tokens, then short equalities stranded between two larger changes are folded in, so
 * "调查处理" → "监督检查" does not read as a scatter of single characters.
 * Joining the equal and delete segments gives `before`; the equal and insert ones give `after`.
 *
 * @example diffText('对泄密案件的调查处理', '对泄密案件的处理')
 * // [{ op: 'equal', text: '对泄密案件的' }, { op: 'delete', text: '调查' }, { op: 'equal', text: '处理' }]
 */
export function diffText(before: string, after: string): Segment[] {
  if (before === after) return before === '' ? [] : [{ op: 'equal', text: before }];
  const a = tokenize(before);
  const b = tokenize(after);
  const ids = new Map<string, number>();
  const id = (token: string) => {
    let value = ids.get(token);
    if (value === undefined) ids.set(token, (value = ids.size));
    return value;
  };
  const runs = diffIds(Int32Array.from(a, id), Int32Array.from(b, id));
  const segments = runs.map((run): Segment => ({
    op: run.op,
    text: run.op === 'insert' ? b.slice(run.bStart, run.bEnd).join('') : a.slice(run.aStart, run.aEnd).join(''),
  }));
  return foldShortEqualities(segments);
}

interface Group {
  equal?: string;
  del: string;
  ins: string;
}

/** Re-groups segments as [change, equal, change, …] and folds short equalities. */
function foldShortEqualities(segments: readonly Segment[]): Segment[] {
  const groups: Group[] = [];
  for (const s of segments) {
    const last = groups.at(-1);
    if (s.op === 'equal') groups.push({ equal: s.text, del: '', ins: '' });
    else if (last && last.equal === undefined) last[s.op === 'delete' ? 'del' : 'ins'] += s.text;
    else groups.push({ del: s.op === 'delete' ? s.text : '', ins: s.op === 'insert' ? s.text : '' });
  }
  const size = (g: Group) => Math.max(Array.from(g.del).length, Array.from(g.ins).length);
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 1; i + 1 < groups.length; i++) {
      const left = groups[i - 1] as Group;
      const mid = groups[i] as Group;
      const right = groups[i + 1] as Group;
      if (mid.equal === undefined || left.equal !== undefined || right.equal !== undefined) continue;
      const length = Array.from(mid.equal).length;
      if (length > MAX_FOLDED || length > size(left) || length > size(right)) continue;
      groups.splice(i - 1, 3, { del: left.del + mid.equal + right.del, ins: left.ins + mid.equal + right.ins });
      changed = true;
    }
  }
  const out: Segment[] = [];
  for (const g of groups) {
    if (g.equal !== undefined) out.push({ op: 'equal', text: g.equal });
    else {
      if (g.del) out.push({ op: 'delete', text: g.del });
      if (g.ins) out.push({ op: 'insert', text: g.ins });
    }
  }
  return out;
}

/** The text before the change: the equal and deleted segments, in order. */
export function beforeText(segments: readonly Segment[]): string {
  return segments.filter((s) => s.op !== 'insert').map((s) => s.text).join('');
}

/** The text after the change: the equal and inserted segments, in order. */
export function afterText(segments: readonly Segment[]): string {
  return segments.filter((s) => s.op !== 'delete').map((s) => s.text).join('');
}

/** Code points changed: deleted plus inserted. */
export function editSize(segments: readonly Segment[]): number {
  return segments.reduce((n, s) => n + (s.op === 'equal' ? 0 : Array.from(s.text).length), 0);
}
