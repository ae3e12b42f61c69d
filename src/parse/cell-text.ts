import type { CellFlag } from '../model/index.js';
import { codeSet, isSpaceCode } from './chars.js';
import { decodeEntities } from './entities.js';

/** Tags that end a line of text when a table cell is rendered. */
const BLOCK_TAGS = new Set(['p', 'br', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table']);

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

function stripTags(s: string): { text: string; found: boolean } {
  // Every comment and tag begins with "<": most cells have none and need no pass.
  if (!s.includes('<')) return { text: s, found: false };
  let found = false;
  const text = s.replace(COMMENT, () => {
    found = true;
    return '';
  }).replace(TAG, (_m, name: string) => {
    found = true;
    return BLOCK_TAGS.has(name.toLowerCase()) ? '\n' : '';
  });
  return { text, found };
}

/**
 * Turns a raw cell into the text a reader sees: markup removed (block tags become line
 * breaks), character references decoded (decodeEntities), runs of spaces collapsed, lines trimmed, blank lines dropped.
 *
 * @example cleanCell('<p>1.立案责任：…</p> <p>2.调查责任：…</p>')
 * // { text: '1.立案责任：…\n2.调查责任：…', flags: ['html'] }
 */
export function cleanCell(raw: string): { text: string; flags: CellFlag[] } {
  const first = stripTags(raw);
  // A reference is longer than what it stands for: the text changes exactly when one was decoded.
  const decoded = decodeEntities(first.text);
  // Escaped markup (&lt;p&gt;) is markup too once decoded; it must not reach the text.
  const second = stripTags(decoded);
  const text = normalizeSpace(second.text);
  const flags: CellFlag[] = [];
  if (first.found || second.found || decoded !== first.text) flags.push('html');
  if (text === '') flags.push('empty');
  return { text, flags };
}

const LF = 0x0a;
const CR = 0x0d;
/** The next whitespace: words are skipped by the regex engine, far faster than by a loop. */
const NEXT_SPACE = /\s/g;

/**
 * Runs of spaces collapsed, lines trimmed, blank lines dropped (\r\n and \r are line breaks):
 * the words of the text joined by " " within a line and "\n" across lines. Stretches that
 * are already so are copied whole, and a text that is already so is returned as it is.
 */
function normalizeSpace(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
  let out = '';
  let copyFrom = i;
  while (i < n) {
    NEXT_SPACE.lastIndex = i;
    i = NEXT_SPACE.test(s) ? NEXT_SPACE.lastIndex - 1 : n;
    const wordEnd = i;
    let lineBreak = false;
    for (let c = s.charCodeAt(i); i < n && isSpaceCode(c); c = s.charCodeAt(++i)) if (c === LF || c === CR) lineBreak = true;
    if (i === n) return out + s.slice(copyFrom, wordEnd);
    const sep = lineBreak ? '\n' : ' ';
    if (i - wordEnd === 1 && s[wordEnd] === sep) continue;
    out += s.slice(copyFrom, wordEnd) + sep;
    copyFrom = i;
  }
  return out;
}

const OPENERS: Readonly<Record<string, string>> = { '《': '》', '（': '）', '(': ')', '“': '”', '「': '」', '【': '】', '〔': '〕' };
/** Per code unit: k + 1 for the opener of the k-th pair above, -(k + 1) for its closer, 0 otherwise. */
const BRACKET_KIND = bracketKinds(OPENERS);
/** Any opener or closer, so a line is searched from bracket to bracket. */
const BRACKET = new RegExp(`[${Object.entries(OPENERS).flat().join('')}]`, 'g');
/** Characters a complete cell may end with. */
const TERMINAL = codeSet('。；;.．！!？?”」）)】》…：:');
/** A level tag or an enumerator with nothing after it: the rest was cut. */
const DANGLING = /(?:【[^【】\n]{1,10}】|(?:^|\s)\d+(?:[-－]\d+)?[.．、])$/;
/** What DANGLING can end with: only a text ending so needs the regex run over it. */
const DANGLING_LAST = codeSet('】.．、');

function bracketKinds(openers: Readonly<Record<string, string>>): Int8Array {
  const kinds = new Int8Array(0x10000);
  Object.entries(openers).forEach(([open, close], k) => {
    kinds[close.charCodeAt(0)] = -(k + 1);
    kinds[open.charCodeAt(0)] = k + 1;
  });
  return kinds;
}

/** Whether [start, end) of `text` leaves an opener unclosed. */
function hasUnclosedBracket(text: string, start: number, end: number): boolean {
  const stack: number[] = [];
  const open = new Int32Array(Object.keys(OPENERS).length + 1);
  const view = text.slice(start, end);
  BRACKET.lastIndex = 0;
  while (BRACKET.test(view)) {
    const kind = BRACKET_KIND[view.charCodeAt(BRACKET.lastIndex - 1)] ?? 0;
    if (kind > 0) {
      stack.push(kind);
      open[kind] = (open[kind] ?? 0) + 1;
    } else if (kind < 0 && (open[-kind] ?? 0) > 0) {
      // A closer shuts its own opener and any left open inside it; each pop is paid for once.
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open[top] = (open[top] ?? 1) - 1;
        if (top === -kind) break;
      }
    }
  }
  return stack.length > 0;
}

/** A quotation may run over several lines, so it is looked for in the whole text. */
function endsInsideQuote(text: string): boolean {
  // includes() searches far faster than lastIndexOf(), and most texts quote nothing.
  return text.includes('“') && text.lastIndexOf('“') > text.lastIndexOf('”');
}

/**
 * Heuristic: does this cell look cut off in the source? True when it ends inside an open
 * 《 （ “ 【, or when it is prose (long, with clause punctuation) that stops without a
 * terminal mark. Short labels and names without punctuation are not flagged.
 *
 * @example looksTruncated('…应当依法追究刑事责任。') // false
 * @example looksTruncated('2. 【法律】《中华人') // true
 */
export function looksTruncated(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  const lastLineStart = t.lastIndexOf('\n') + 1;
  if (hasUnclosedBracket(t, lastLineStart, t.length) || endsInsideQuote(t)) return true;
  const last = t.charCodeAt(t.length - 1);
  if (DANGLING_LAST.has(last) && DANGLING.test(t)) return true;
  if (TERMINAL.has(last)) return false;
  const lastLine = t.slice(lastLineStart);
  const prose = /[，,。；;：:]/.test(lastLine) || /[【《]/.test(lastLine);
  return prose && (t.length >= 40 || t.includes('\n'));
}
