/** Maps string offsets to 1-based line numbers with a binary search over line starts. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  lineAt(offset: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  get lineCount(): number {
    return this.starts.length;
  }
}

/** Lines of the first and last non-whitespace character in text[start, end), or null when blank. */
export function contentLines(
  text: string,
  start: number,
  end: number,
  index: LineIndex,
): { firstLine: number; lastLine: number } | null {
  let first = start;
  while (first < end && /\s/.test(text[first] ?? '')) first++;
  if (first >= end) return null;
  let last = end - 1;
  while (last > first && /\s/.test(text[last] ?? '')) last--;
  return { firstLine: index.lineAt(first), lastLine: index.lineAt(last) };
}

/** Drops the layout a flattened table leaves at a cell's end: the newline and anything blank after it. */
export function trimCellEnd(raw: string): string {
  return raw.replace(/\r?\n[\s\u3000]*$/, '');
}
