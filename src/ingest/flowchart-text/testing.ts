import type { ReadResult } from '../record.js';

/** Test support: non-whitespace characters with their counts. */
export function charCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ch of text) if (!/\s/u.test(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  return counts;
}

/** Test support: characters whose counts differ, as [char, count in a, count in b]. */
export function charDifference(a: string, b: string): [string, number, number][] {
  const ca = charCounts(a);
  const cb = charCounts(b);
  return [...new Set([...ca.keys(), ...cb.keys()])].flatMap((ch): [string, number, number][] =>
    (ca.get(ch) ?? 0) === (cb.get(ch) ?? 0) ? [] : [[ch, ca.get(ch) ?? 0, cb.get(ch) ?? 0]],
  );
}

/**
 * Test support: the output fields that carry source text, each piece of the source once.
 * Derived values (a step's name and documents, a deadline's raw, which repeat its text)
 * and the title (kept again as residue) are left out.
 */
export function keptPieces(result: ReadResult): string[] {
  const pieces = result.residue.map((r) => r.text);
  for (const s of result.processSheets) {
    pieces.push(s.title, s.category ?? '', s.address ?? '', s.office ?? '', s.applicant ?? '');
    pieces.push(s.statutoryLimit?.raw ?? '', s.promisedLimit?.raw ?? '', s.optimizedLimit?.raw ?? '');
    for (const phone of s.phones) pieces.push(phone.label, phone.number, phone.note ?? '');
    pieces.push(...s.conditions, ...s.materials, ...s.steps.map((step) => step.text), ...s.residue.map((r) => r.text));
  }
  return pieces;
}
