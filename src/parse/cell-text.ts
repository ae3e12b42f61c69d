import type { CellFlag } from '../model/index.js';

/** Tags that end a line of text when a table cell is rendered. */
const BLOCK_TAGS = new Set(['p', 'br', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'table']);

const TAG = /<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g;

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  middot: '·',
  times: '×',
  yen: '¥',
};

function decodeEntity(whole: string, body: string): string {
  if (body.startsWith('#')) {
    const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return whole;
    return String.fromCodePoint(code);
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

function stripTags(s: string): { text: string; found: boolean } {
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
 * breaks), entities decoded, runs of spaces collapsed, lines trimmed, blank lines dropped.
 *
 * @example cleanCell('<p>1.立案责任：…</p> <p>2.调查责任：…</p>')
 * // { text: '1.立案责任：…\n2.调查责任：…', flags: ['html'] }
 */
export function cleanCell(raw: string): { text: string; flags: CellFlag[] } {
  const first = stripTags(raw);
  let entityFound = false;
  const decoded = first.text.replace(ENTITY, (whole, body: string) => {
    const out = decodeEntity(whole, body);
    if (out !== whole) entityFound = true;
    return out;
  });
  // Escaped markup (&lt;p&gt;) is markup too once decoded; it must not reach the text.
  const second = stripTags(decoded);
  const text = second.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[^\S\n]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  const flags: CellFlag[] = [];
  if (first.found || second.found || entityFound) flags.push('html');
  if (text === '') flags.push('empty');
  return { text, flags };
}

const OPENERS: Readonly<Record<string, string>> = { '《': '》', '（': '）', '(': ')', '“': '”', '「': '」', '【': '】', '〔': '〕' };
const CLOSERS = new Set(Object.values(OPENERS));
/** Characters a complete cell may end with. */
const TERMINAL = /[。；;.．！!？?”」）)】》…：:]$/;
/** A level tag or an enumerator with nothing after it: the rest was cut. */
const DANGLING = /(?:【[^【】\n]{1,10}】|(?:^|\s)\d+(?:[-－]\d+)?[.．、])$/;

function hasUnclosedBracket(line: string): boolean {
  const stack: string[] = [];
  const open = new Map<string, number>();
  for (const c of line) {
    const close = OPENERS[c];
    if (close !== undefined) {
      stack.push(close);
      open.set(close, (open.get(close) ?? 0) + 1);
    } else if (CLOSERS.has(c) && (open.get(c) ?? 0) > 0) {
      // A closer shuts its own opener and any left open inside it; each pop is paid for once.
      for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
        open.set(top, (open.get(top) ?? 1) - 1);
        if (top === c) break;
      }
    }
  }
  return stack.length > 0;
}

/** A quotation may run over several lines, so it is looked for in the whole text. */
function endsInsideQuote(text: string): boolean {
  return text.lastIndexOf('“') > text.lastIndexOf('”');
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
  const lastLine = t.slice(t.lastIndexOf('\n') + 1);
  if (hasUnclosedBracket(lastLine) || endsInsideQuote(t)) return true;
  if (DANGLING.test(t)) return true;
  if (TERMINAL.test(t)) return false;
  const prose = /[，,。；;：:]/.test(lastLine) || /[【《]/.test(lastLine);
  return prose && (t.length >= 40 || t.includes('\n'));
}
