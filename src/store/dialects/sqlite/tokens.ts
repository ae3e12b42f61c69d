import type { Level, PowerTypeName } from '../../../model/index.js';
import { codePoints } from '../../search/grams.js';

/**
 * FTS5 sees grams as ASCII words: each code point becomes four base-36 digits, so no
 * tokenizer rule (punctuation, case, CJK runs) can split or merge them. Filter tokens
 * carry an underscore, which no gram token has.
 */
export function encodeGram(gram: string): string {
  let out = '';
  for (const ch of codePoints(gram)) out += encodeChar(ch);
  return out;
}

const codes = new Map<string, string>();

/** The four-digit code of one code point (memoised: lists use a few thousand characters). */
export function encodeChar(ch: string): string {
  let code = codes.get(ch);
  if (code === undefined) codes.set(ch, (code = ch.codePointAt(0)!.toString(36).padStart(4, '0')));
  return code;
}

export function typeToken(type: PowerTypeName | string | null): string {
  return type === null ? 'ty_' : `ty_${encodeGram(type)}`;
}

export function levelToken(level: Level | string | null): string {
  return level === null ? 'lv_' : `lv_${encodeGram(level)}`;
}

const AGENCY = 'ag_';

export function agencyToken(normalizedAgency: string): string {
  return `${AGENCY}${encodeGram(normalizedAgency)}`;
}

/** The agency an agency token names; null for any other token. */
export function agencyOfToken(token: string): string | null {
  if (!token.startsWith(AGENCY) || (token.length - AGENCY.length) % 4 !== 0) return null;
  let out = '';
  for (let i = AGENCY.length; i < token.length; i += 4) out += String.fromCodePoint(Number.parseInt(token.slice(i, i + 4), 36));
  return out;
}

/** An FTS5 string literal; tokens never hold a double quote, but quoting keeps the grammar closed. */
export function quoted(tokens: readonly string[]): string {
  return `"${tokens.join(' ').replace(/"/g, '""')}"`;
}
