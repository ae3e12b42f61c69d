/**
 * Myers' O((N+M)D) difference algorithm in linear space (the "middle snake" variant of
 * Myers 1986, §4b), over sequences of integer ids. Pure; no dependencies.
 */

export type EditOp = 'equal' | 'delete' | 'insert';

/** A run of one kind: [aStart, aEnd) of the old sequence, [bStart, bEnd) of the new. */
export interface EditRun {
  op: EditOp;
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * The shortest edit script turning `a` into `b`, as runs in order (see SNAKE_BUDGET for
 * the one exception). Between two equal runs, a deletion always comes before an insertion.
 *
 * @example diffIds([1, 2, 3], [1, 3, 4]).map((r) => r.op) // ['equal', 'delete', 'equal', 'insert']
 */
export function diffIds(a: ArrayLike<number>, b: ArrayLike<number>): EditRun[] {
  const runs: EditRun[] = [];
  const emit = (op: EditOp, aStart: number, aEnd: number, bStart: number, bEnd: number) => {
    if (aEnd > aStart || bEnd > bStart) runs.push({ op, aStart, aEnd, bStart, bEnd });
  };
  // An explicit stack keeps deep recursion (long, very different texts) off the call stack.
  const stack: [number, number, number, number][] = [[0, a.length, 0, b.length]];
  const changes: EditRun[] = [];
  while (stack.length > 0) {
    let [aLo, aHi, bLo, bHi] = stack.pop() as [number, number, number, number];
    while (aLo < aHi && bLo < bHi && a[aLo] === b[bLo]) {
      aLo++;
      bLo++;
    }
    while (aLo < aHi && bLo < bHi && a[aHi - 1] === b[bHi - 1]) {
      aHi--;
      bHi--;
    }
    if (aLo === aHi || bLo === bHi) {
      if (aLo < aHi) changes.push({ op: 'delete', aStart: aLo, aEnd: aHi, bStart: bLo, bEnd: bLo });
      if (bLo < bHi) changes.push({ op: 'insert', aStart: aHi, aEnd: aHi, bStart: bLo, bEnd: bHi });
      continue;
    }
    const snake = middleSnake(a, aLo, aHi, b, bLo, bHi);
    if (!snake) {
      changes.push({ op: 'delete', aStart: aLo, aEnd: aHi, bStart: bLo, bEnd: bLo });
      changes.push({ op: 'insert', aStart: aHi, aEnd: aHi, bStart: bLo, bEnd: bHi });
      continue;
    }
    const [x0, y0, x1, y1] = snake;
    stack.push([x1, aHi, y1, bHi]);
    stack.push([aLo, x0, bLo, y0]);
  }
  // Every change run is now known; sorted along the path, the gaps between them are the equal runs.
  changes.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart || (x.op === 'delete' ? -1 : 1));
  let ai = 0;
  let bi = 0;
  for (const change of changes) {
    emit('equal', ai, change.aStart, bi, change.bStart);
    emit(change.op, change.aStart, change.aEnd, change.bStart, change.bEnd);
    ai = change.aEnd;
    bi = change.bEnd;
  }
  emit('equal', ai, a.length, bi, b.length);
  return mergeRuns(runs);
}

/** Joins neighbouring runs of one kind and puts deletions before insertions between equals. */
function mergeRuns(runs: readonly EditRun[]): EditRun[] {
  const out: EditRun[] = [];
  let i = 0;
  while (i < runs.length) {
    const run = runs[i] as EditRun;
    if (run.op === 'equal') {
      out.push({ ...run });
      i++;
      continue;
    }
    let j = i;
    let del: EditRun | undefined;
    let ins: EditRun | undefined;
    while (j < runs.length && (runs[j] as EditRun).op !== 'equal') {
      const r = runs[j] as EditRun;
      if (r.op === 'delete') del = del ? { ...del, aEnd: r.aEnd } : { ...r };
      else ins = ins ? { ...ins, bEnd: r.bEnd } : { ...r };
      j++;
    }
    const aStart = run.aStart;
    const bStart = run.bStart;
    if (del) out.push({ op: 'delete', aStart, aEnd: del.aEnd, bStart, bEnd: bStart });
    if (ins) out.push({ op: 'insert', aStart: del ? del.aEnd : aStart, aEnd: del ? del.aEnd : aStart, bStart, bEnd: ins.bEnd });
    i = j;
  }
  return out;
}

/**
 * Work allowed per middle-snake search, in (N+M)·D steps. Past it the two ranges are so
 * different that a shortest script is not worth its cost: they are reported as one
 * deletion and one insertion, which is still a correct (if longer) script.
 */
export const SNAKE_BUDGET = 20_000_000;

/**
 * The middle snake of an optimal path through a[aLo..aHi) × b[bLo..bHi), as absolute
 * [x0, y0, x1, y1]; both ranges non-empty and differing at both ends. Undefined when the
 * search exceeds SNAKE_BUDGET.
 */
function middleSnake(a: ArrayLike<number>, aLo: number, aHi: number, b: ArrayLike<number>, bLo: number, bHi: number): [number, number, number, number] | undefined {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const delta = n - m;
  const odd = (delta & 1) !== 0;
  const max = Math.ceil((n + m) / 2);
  const off = max + 1;
  const vf = new Int32Array(2 * max + 3);
  const vb = new Int32Array(2 * max + 3);
  const maxD = Math.max(64, Math.floor(SNAKE_BUDGET / (n + m)));
  for (let d = 0; d <= max; d++) {
    if (d > maxD) return undefined;
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (vf[off + k - 1] as number) < (vf[off + k + 1] as number)) ? (vf[off + k + 1] as number) : (vf[off + k - 1] as number) + 1;
      let y = x - k;
      const x0 = x;
      const y0 = y;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      vf[off + k] = x;
      const c = delta - k;
      if (odd && c >= -(d - 1) && c <= d - 1 && x + (vb[off + c] as number) >= n) {
        return [aLo + x0, bLo + y0, aLo + x, bLo + y];
      }
    }
    for (let c = -d; c <= d; c += 2) {
      let x = c === -d || (c !== d && (vb[off + c - 1] as number) < (vb[off + c + 1] as number)) ? (vb[off + c + 1] as number) : (vb[off + c - 1] as number) + 1;
      let y = x - c;
      const x0 = x;
      const y0 = y;
      while (x < n && y < m && a[aHi - 1 - x] === b[bHi - 1 - y]) {
        x++;
        y++;
      }
      vb[off + c] = x;
      const k = delta - c;
      if (!odd && k >= -d && k <= d && x + (vf[off + k] as number) >= n) {
        return [aHi - x, bHi - y, aHi - x0, bHi - y0];
      }
    }
  }
  return undefined;
}
