/**
 * Which of the kept items moved: those outside a longest increasing run of new positions
 * taken in old order. The fewest items are called moved that explain the new order.
 *
 * @example movedIndices([0, 2, 1, 3]) // Set {1} or Set {2}: one of the two swapped items
 */
export function movedIndices(newPositions: readonly number[]): Set<number> {
  // Patience sorting: tails[k] holds the index ending the best increasing run of length k+1.
  const tails: number[] = [];
  const previous = new Array<number>(newPositions.length).fill(-1);
  newPositions.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((newPositions[tails[mid] as number] as number) < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1] as number;
    tails[lo] = i;
  });
  const staying = new Set<number>();
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) staying.add(i);
  const moved = new Set<number>();
  newPositions.forEach((_, i) => {
    if (!staying.has(i)) moved.add(i);
  });
  return moved;
}
