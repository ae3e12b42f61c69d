import type { PowerList } from '../../src/model/index.js';

/** Counts every non-whitespace code point. */
export function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (/\s/u.test(ch)) continue;
    counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  return counts;
}

/** Every string inside a value, depth first. */
function* strings(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* strings(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* strings(v);
}

/**
 * What the model keeps of the source verbatim: every item's raw cells under their headers
 * (a merged cell counted once, in the row that published it), the file residue, and the
 * process sheets.
 */
export function keptText(list: PowerList): string {
  const parts: string[] = [];
  for (const item of list.items) {
    const shared = new Set(item.remark?.flags.includes('merged') ? ['备注'] : []);
    // A header row repeated before each record is kept as the header of each of its cells.
    for (const cell of item.provenance.cells) if (!shared.has(cell.header)) parts.push(cell.header, cell.raw);
  }
  for (const residue of list.residue) parts.push(residue.text);
  parts.push(...strings(list.processSheets));
  return parts.join('\n');
}

/** Characters of the input the model does not hold, with how many are missing. */
export function missingCharacters(input: string, kept: string): [string, number][] {
  const have = charCounts(kept);
  const missing: [string, number][] = [];
  for (const [ch, count] of charCounts(input)) {
    const found = have.get(ch) ?? 0;
    if (found < count) missing.push([ch, count - found]);
  }
  return missing;
}

/** Removes Markdown table syntax (outer and separating pipes, separator rows): structure, not content. */
export function withoutTableSyntax(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*\|?\s*$/.test(line))
    .map((line) => (line.trimStart().startsWith('|') ? line.replace(/(?<!\\)\|/g, ' ') : line))
    .join('\n');
}
