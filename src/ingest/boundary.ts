/**
 * The start of the first line at or after `from` that follows a blank line and satisfies
 * `accept`: where a table of repeated headers or blank-separated groups can be cut.
 */
export function blankLineBoundary(text: string, from: number, accept: (line: string) => boolean): number {
  const blank = /\n[ \u3000]*\r?\n/g;
  blank.lastIndex = Math.max(0, from - 1);
  for (let match = blank.exec(text); match; match = blank.exec(text)) {
    const lineStart = match.index + match[0].length;
    const lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) return -1;
    if (accept(text.slice(lineStart, lineEnd))) return lineStart;
    blank.lastIndex = lineStart - 1;
  }
  return -1;
}
