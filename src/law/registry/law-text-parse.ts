import { CHINESE_NUMERAL_CHARS, parseNumeral } from './numerals.js';

/** One 款 of an article: its text and the 项 lines ("（一）…") that belong to it. */
export interface LawParagraph {
  text: string;
  items?: string[];
}

export interface LawArticle {
  /** 第二十三条 → 23. */
  number: number;
  /** 第二十条之一 → 1. */
  sub?: number;
  /** The heading as the text writes it: "第二十三条". */
  label: string;
  chapter?: string;
  section?: string;
  paragraphs: LawParagraph[];
}

/** A line the parser kept but could not place as the text intends. */
export interface LawTextResidue {
  line: number;
  text: string;
  reason: string;
}

export interface ParsedLawText {
  title?: string;
  /** The `<!-- source: … -->` line reference texts start with. */
  source?: string;
  /** Lines before the first article: title, adoption and amendment lines, table of contents. */
  preamble: string[];
  articles: LawArticle[];
  residue: LawTextResidue[];
}

const N = `[${CHINESE_NUMERAL_CHARS}0-9０-９]+`;
const ARTICLE_HEAD = new RegExp(`^第(${N})条(?:之(${N}))?(?:[\\s\\u3000]+|$)`);
const DIVISION_HEAD = new RegExp(`^第(${N})(编|分编|章|节)(?:[\\s\\u3000]*)(.*)$`);
const ITEM_LINE = new RegExp(`^[（(](${N})[）)]`);
const COMMENT = /^<!--([\s\S]*?)-->$/;

/** Markdown decoration a line may carry before its text (##, **, >, list bullets). */
function stripMarkup(line: string): string {
  return line
    .replace(/^[\s\u3000]*(?:#{1,6}|>|[-*+](?=\s))?[\s\u3000]*/, '')
    .replace(/^\*\*(.*?)\*\*/, '$1')
    .replace(/[\s\u3000]+$/, '');
}

function isDivisionHeading(text: string): RegExpExecArray | null {
  // A heading is short and has no sentence punctuation; a paragraph starting 第三章… is not one.
  if (text.length > 40 || /[。；：，,]/.test(text)) return null;
  return DIVISION_HEAD.exec(text);
}

/**
 * Splits a plain-text or Markdown law text into articles at "第X条" at line start.
 * Each other line is a 款, or a 项 of the 款 before it when it starts "（一）".
 * A heading whose number does not follow the previous article stays text of that
 * article and is reported in residue, so a quoted "第五条" inside an article cannot
 * start a new one.
 *
 * @example parseLawText('第一条 为了…，制定本法。\n第二条 本法所称…').articles.length // 2
 */
export function parseLawText(text: string): ParsedLawText {
  const result: ParsedLawText = { preamble: [], articles: [], residue: [] };
  let chapter: string | undefined;
  let section: string | undefined;
  let current: LawArticle | undefined;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

  lines.forEach((rawLine, index) => {
    const lineNo = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '') return;
    const comment = COMMENT.exec(trimmed);
    if (comment) {
      const body = (comment[1] ?? '').trim();
      if (body.startsWith('source:') && result.source === undefined) result.source = body;
      else if (current) result.residue.push({ line: lineNo, text: trimmed, reason: '注释行' });
      else result.preamble.push(trimmed);
      return;
    }
    const line = stripMarkup(rawLine);
    if (line === '') return;

    const division = isDivisionHeading(line);
    if (division) {
      // Typesetting spaces inside short titles (总  则) are not part of the name.
      const heading = (division[3] ?? '').replace(/[\s\u3000]+/g, '');
      const name = `第${division[1]}${division[2]}${heading ? ` ${heading}` : ''}`;
      if (division[2] === '节') section = name;
      else {
        if (division[2] === '章') chapter = name;
        section = undefined;
      }
      if (!current) result.preamble.push(line);
      return;
    }

    const head = ARTICLE_HEAD.exec(line);
    if (head) {
      const number = parseNumeral(head[1] ?? '');
      const sub = head[2] !== undefined ? parseNumeral(head[2]) : undefined;
      if (number !== undefined && follows(current, number, sub)) {
        if (current && sub === undefined && number > current.number + 1) {
          result.residue.push({ line: lineNo, text: line, reason: `条号跳跃：${current.label}之后为${head[1]}条` });
        }
        current = {
          number,
          ...(sub !== undefined ? { sub } : {}),
          label: head[0].replace(/[\s\u3000]+$/, ''),
          ...(chapter !== undefined ? { chapter } : {}),
          ...(section !== undefined ? { section } : {}),
          paragraphs: [],
        };
        result.articles.push(current);
        const rest = line.slice(head[0].length).trim();
        if (rest !== '') current.paragraphs.push({ text: rest });
        return;
      }
      if (current) {
        result.residue.push({ line: lineNo, text: line, reason: `条号不接续（前一条为${current.label}），作为正文保留` });
      }
    }

    if (!current) {
      if (result.title === undefined && !/^\d{4}年/.test(line)) result.title = line;
      result.preamble.push(line);
      return;
    }
    addLine(current, line);
  });
  return result;
}

function follows(previous: LawArticle | undefined, number: number, sub: number | undefined): boolean {
  if (!previous) return true;
  if (sub !== undefined) return number === previous.number && sub === (previous.sub ?? 0) + 1;
  return number > previous.number;
}

function addLine(article: LawArticle, line: string): void {
  const last = article.paragraphs.at(-1);
  if (ITEM_LINE.test(line) && last) {
    last.items = [...(last.items ?? []), line];
    return;
  }
  article.paragraphs.push({ text: line });
}

/** An article's full text, 款 and 项 joined by newlines as the source laid them out. */
export function articleText(article: LawArticle): string {
  return article.paragraphs.flatMap((p) => [p.text, ...(p.items ?? [])]).join('\n');
}
