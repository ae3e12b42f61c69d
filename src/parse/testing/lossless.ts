import type { TextSpan } from '../../model/index.js';
import { parseAccountability } from '../accountability.js';
import { parseArticleRefs } from '../article-refs.js';
import { cleanCell, looksTruncated } from '../cell-text.js';
import { parseChineseNumber } from '../chinese-number.js';
import { checkCreditCode } from '../credit-code.js';
import { parseDuties } from '../duties.js';
import { parseDutyBasis } from '../duty-basis.js';
import { parseEnumeration } from '../enumeration.js';
import { parseLocalCode } from '../local-code.js';
import { parseProvisions } from '../provisions.js';
import { parseTimeLimit } from '../time-limit.js';
import { preambleSpan, spanProblems, uncovered } from './coverage.js';

/** Test support: every way a grammar's output can break the lossless contract on `text`. */
interface Spanned {
  raw?: string;
  text?: string;
  span: TextSpan;
}

function partition(name: string, text: string, elements: readonly Spanned[], residue: readonly Spanned[], extra: TextSpan[] = []): string[] {
  const out: string[] = [];
  for (const e of elements) {
    if (e.raw !== undefined && text.slice(e.span[0], e.span[1]) !== e.raw) out.push(`${name}: raw differs from its span ${e.span}`);
  }
  for (const r of residue) {
    if (r.text !== undefined && text.slice(r.span[0], r.span[1]) !== r.text) out.push(`${name}: residue text differs from its span ${r.span}`);
  }
  const spans = [...extra, ...elements.map((e) => e.span), ...residue.map((r) => r.span)];
  out.push(...spanProblems(text, spans).map((p) => `${name}: ${p}`));
  const missed = uncovered(text, spans);
  if (missed.length) out.push(`${name}: not covered ${missed.slice(0, 5).join(' ')}${missed.length > 5 ? ' …' : ''}`);
  return out;
}

function preambleProblems(name: string, text: string, preamble: string | undefined, first: TextSpan | undefined): string[] {
  if (!first) return preamble === undefined ? [] : [`${name}: preamble without elements`];
  const expected = text.slice(0, first[0]).trim();
  return (preamble ?? '') === expected ? [] : [`${name}: preamble ${JSON.stringify(preamble)} is not the text before the first element`];
}

export function provisionProblems(text: string): string[] {
  const r = parseProvisions(text);
  return partition('provisions', text, r.provisions, r.residue);
}

export function dutyProblems(text: string): string[] {
  const r = parseDuties(text);
  const first = r.duties[0]?.span;
  return [
    ...preambleProblems('duties', text, r.preamble, first),
    ...partition('duties', text, r.duties, r.residue, preambleSpan(text, r.preamble, first)),
  ];
}

export function accountabilityProblems(text: string): string[] {
  const r = parseAccountability(text);
  const first = r.situations[0]?.span;
  return [
    ...preambleProblems('accountability', text, r.preamble, first),
    ...partition('accountability', text, r.situations, r.residue, preambleSpan(text, r.preamble, first)),
  ];
}

export function enumerationProblems(text: string): string[] {
  const r = parseEnumeration(text);
  const first = r.parts[0]?.span;
  const out = [...preambleProblems('enumeration', text, r.preamble, first)];
  // Without parts the text is no list, and nothing of it need be placed.
  if (first) out.push(...partition('enumeration', text, r.parts, [], preambleSpan(text, r.preamble, first)));
  return out;
}

export function dutyBasisProblems(text: string): string[] {
  const r = parseDutyBasis(text);
  const out = partition('duty basis', text, r.entries, r.residue);
  for (const e of r.entries) {
    const inner = e.provisions.map((p) => p.span);
    for (const p of e.provisions) {
      if (p.span[0] < e.span[0] || p.span[1] > e.span[1]) out.push(`duty basis: provision ${p.span} outside entry ${e.span}`);
      if (text.slice(p.span[0], p.span[1]) !== p.raw) out.push(`duty basis: provision raw differs from its span ${p.span}`);
    }
    out.push(...spanProblems(text, inner).map((p) => `duty basis entry ${e.key}: ${p}`));
  }
  return out;
}

export function valueProblems(text: string): string[] {
  const out: string[] = [];
  const { text: clean } = cleanCell(text);
  looksTruncated(clean);
  parseChineseNumber(text);
  if (parseTimeLimit(text).raw !== text) out.push('time limit: raw changed');
  const code = parseLocalCode(text);
  const parts = code.creditCode === undefined ? code.undocumented : [code.creditCode, code.undocumented[0], code.typeSegment, code.undocumented[1], code.itemNo, code.subNo];
  if (code.raw !== text || parts.join('') !== text.trim()) out.push('local code: parts do not rebuild the code');
  checkCreditCode(text);
  for (const ref of parseArticleRefs(text)) if (!text.includes(ref.raw)) out.push(`article ref raw ${ref.raw} not in text`);
  return out;
}

/** Runs every grammar on `text` and collects every broken promise. */
export function allProblems(text: string): string[] {
  return [
    ...provisionProblems(text),
    ...dutyProblems(text),
    ...accountabilityProblems(text),
    ...dutyBasisProblems(text),
    ...enumerationProblems(text),
    ...valueProblems(text),
  ];
}
