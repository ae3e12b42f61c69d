/** A scored candidate between entry `left` of one side and entry `right` of the other. */
export interface ScoredPair {
  left: number;
  right: number;
  score: number;
}

/**
 * One-to-one assignment, greedy by score: the best remaining pair is taken and both its
 * entries leave the pool. Ties go to the pair whose positions in their lists are closest
 * (relative position), so a list aligned with itself pairs every item with itself even
 * when it holds duplicates.
 *
 * @example assignGreedy([{ left: 0, right: 1, score: 0.9 }, { left: 0, right: 0, score: 0.8 }], 0.5, 1, 2) // [{ left: 0, right: 1, score: 0.9 }]
 */
export function assignGreedy(pairs: readonly ScoredPair[], minScore: number, leftSize: number, rightSize: number): ScoredPair[] {
  const place = (p: ScoredPair) => Math.abs(p.left / Math.max(1, leftSize) - p.right / Math.max(1, rightSize));
  const sorted = pairs.filter((p) => p.score >= minScore).sort((x, y) => y.score - x.score || place(x) - place(y) || x.left - y.left || x.right - y.right);
  const usedLeft = new Set<number>();
  const usedRight = new Set<number>();
  const chosen: ScoredPair[] = [];
  for (const pair of sorted) {
    if (usedLeft.has(pair.left) || usedRight.has(pair.right)) continue;
    usedLeft.add(pair.left);
    usedRight.add(pair.right);
    chosen.push(pair);
  }
  return chosen.sort((x, y) => x.left - y.left);
}
