import { type Argument, Help, type HelpConfiguration, type Option } from 'commander';
import stringWidth from 'string-width';

/** Commander's help headings, in the CLI's language. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

/** "（默认：json）", unless the description already says its default in its own words. */
function withDefault(description: string, item: Option | Argument): string {
  const shown = 'isBoolean' in item ? item.defaultValue !== undefined && (item.required || item.optional) : item.defaultValue !== undefined;
  if (!shown || description.includes('默认')) return description;
  const value = item.defaultValueDescription ?? (typeof item.defaultValue === 'string' ? item.defaultValue : JSON.stringify(item.defaultValue));
  return `${description}（默认：${value}）`;
}

/** Punctuation a line must not start with (Chinese typography's 避头点): it stays on the line before. */
const NO_LINE_START = /^[，。、；：！？）》」』〕】,.;:!?)\]]$/;

/**
 * Pieces of a line: runs of spaces, single CJK characters and CJK punctuation (full-width
 * forms, 、。《》, quotation marks, …), and everything else as whole words: an option, a
 * number or a path keeps its ASCII punctuation (--from, 2.0, ./.quanze/quanze.sqlite).
 */
const PIECES = /\s+|[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027]|[^\s\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027]+/gu;

/** Breaks a line at spaces, or between any two characters of CJK text, which has no spaces. */
export function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let current = '';
  // Words of Latin script stay whole; each CJK character is a place to break.
  for (const piece of line.match(PIECES) ?? []) {
    if (current !== '' && !NO_LINE_START.test(piece) && stringWidth(current + piece) > width) {
      out.push(current.trimEnd());
      current = piece.trimStart();
    } else current += piece;
  }
  out.push(current.trimEnd());
  return out;
}

/**
 * Help in Chinese, laid out by display width: commander counts a Chinese character as one
 * column, which misaligned the descriptions of terms like `--map <列名=字段>`, and wraps only
 * at spaces, which left Chinese descriptions unwrapped or broken after an English word.
 */
export const CHINESE_HELP: HelpConfiguration = {
  styleTitle: (title) => TITLES[title] ?? title,
  formatHelp(this: Help, command, helper) {
    // Commander puts a space after the heading's colon, which a full-width colon does not want.
    return Help.prototype.formatHelp.call(this, command, helper).replace(/^(用法：) /, '$1');
  },
  displayWidth: (text) => stringWidth(text),
  optionDescription(this: Help, option) {
    return withDefault(option.description, option);
  },
  argumentDescription(this: Help, argument) {
    return withDefault(argument.description, argument);
  },
  boxWrap(this: Help, text, width) {
    if (width < this.minWidthToWrap) return text;
    return text
      .split(/\r\n|\n/)
      .flatMap((line) => wrapLine(line, width))
      .join('\n');
  },
};
