import type { Duty, DutyList } from '../model/index.js';
import { type EnumeratorHit, type EnumeratorStyle, findEnumerators, LABEL_STOPS } from './enumerators.js';
import { enclosedMask, residueBetween, trimSpan } from './spans.js';

const REASON_NO_STEPS = '未识别出编号的责任步骤';

/**
 * How steps are numbered, in order of preference: "1." "1、" "1．", then "（1）" "（一）" "(1)".
 * A cell's steps are all of one style, so a "（一）" quoted inside a step numbered "1." never
 * starts a step.
 */
const STEP_STYLES: readonly (readonly EnumeratorStyle[])[] = [['arabic'], ['paren-cn']];

/** Within this many characters of its label a step names its duty ("立案责任"). */
const HEADING_WINDOW = 60;
/** A unit in parentheses right after the heading: （商用密码管理处） or (法规督查处负责…). */
const UNIT = /\s*[（(]([^（）()\n]*)[）)]/y;
const AFTER_HEADING = /\s*[：:。.．]?/y;
/** A unit written after the heading's full stop, closing the step: "…的责任。（法规督查处）". */
const TRAILING_UNIT = /^[（(]([^（）()\n]*)[）)][。.．]?$/;
const DOCUMENT = /《([^《》\n]{1,60})》/g;
/** What may follow 责任 for it to end a heading rather than run on ("责任人员"). */
const HEADING_END = /^(?:\s*[（(：:。.．]|\s*$|\n)/;
const BARE_HEADING = /^([^\n。；;：:，,]{1,20})[：:]/;
/** Where a heading's window stops: a heading never runs past a clause or line end. */
const HEADING_STOP = /[。；;：:\n]/;

function sticky(re: RegExp, text: string, pos: number): RegExpExecArray | null {
  re.lastIndex = pos;
  return re.exec(text);
}

/** The heading ends at the first 责任 that is followed by a unit, a colon, a stop or the end. */
function findHeading(body: string): { heading: string; end: number } | null {
  const window = body.slice(0, HEADING_WINDOW);
  const stop = window.search(HEADING_STOP);
  for (let k = window.indexOf('责任'); k >= 0; k = window.indexOf('责任', k + 1)) {
    if (stop >= 0 && k > stop) break;
    const end = k + 2;
    if (HEADING_END.test(body.slice(end, end + 2)) || end === body.length) return { heading: body.slice(0, end), end };
  }
  const bare = BARE_HEADING.exec(body);
  if (bare) {
    const heading = (bare[1] ?? '').replace(/\s*[（(][^（）()]*[）)]\s*$/, '');
    return { heading, end: heading.length };
  }
  return null;
}

export function dutyName(heading: string): string {
  if (heading.includes('其他')) return '其他';
  return heading.replace(/\s+/g, '').replace(/的?责任$/, '');
}

function documentsIn(text: string): string[] {
  if (!text.includes('《')) return [];
  const seen = new Set<string>();
  for (const m of text.matchAll(DOCUMENT)) seen.add((m[1] ?? '').trim());
  return [...seen].filter((d) => d !== '');
}

function parseStep(text: string, start: number, end: number, no: number, labelEnd: number): Duty {
  const bodyStart = trimSpan(text, labelEnd, end).start;
  const body = text.slice(bodyStart, end);
  const found = findHeading(body);
  let heading = '';
  let unit: string | undefined;
  let rest = body.trim();
  if (found) {
    heading = found.heading.trim();
    let pos = found.end;
    const u = sticky(UNIT, body, pos);
    if (u) {
      unit = (u[1] ?? '').trim();
      pos += u[0].length;
    }
    pos += sticky(AFTER_HEADING, body, pos)?.[0].length ?? 0;
    rest = body.slice(pos).trim();
    const trailing = unit === undefined ? TRAILING_UNIT.exec(rest) : null;
    if (trailing) {
      unit = (trailing[1] ?? '').trim();
      rest = '';
    }
  }
  const name = heading ? dutyName(heading) : body.includes('其他') ? '其他' : '';
  const duty: Duty = {
    no,
    name,
    heading,
    text: rest,
    documents: documentsIn(rest),
    raw: text.slice(start, end),
    span: [start, end],
  };
  if (unit !== undefined && unit !== '') duty.unit = unit;
  return duty;
}

/** Whether the text after a label opens a step the way headed steps do: "调查责任：" or "其他…". */
function opensHeadedStep(text: string, labelEnd: number): boolean {
  const after = text.slice(labelEnd, labelEnd + HEADING_WINDOW + 20).trimStart();
  return findHeading(after) !== null || after.startsWith('其他');
}

interface Accepted {
  start: number;
  labelEnd: number;
  no: number;
  /** opensHeadedStep at labelEnd, kept once asked: every mid-line label after the step asks it. */
  headed?: boolean;
}

/** The labels among `hits` (all of one style) that number the steps (see parseDuties). */
function acceptSteps(text: string, hits: readonly EnumeratorHit[]): Accepted[] {
  const accepted: Accepted[] = [];
  /** Which offsets lie inside “…” or 《…》, made when a mid-line label first needs it (null: none). */
  let enclosed: Uint8Array | null | undefined;
  for (const e of hits) {
    if (e.sub !== undefined) continue;
    const prev = accepted[accepted.length - 1];
    let headed: boolean | undefined;
    if (!e.lineStart) {
      if (!prev || e.no !== prev.no + 1) continue;
      headed = opensHeadedStep(text, e.end);
      if (!headed && (prev.headed ??= opensHeadedStep(text, prev.labelEnd))) continue;
      if (enclosed === undefined) enclosed = enclosedMask(text);
      if (enclosed?.[e.start] === 1) continue;
    }
    accepted.push({ start: e.start, labelEnd: e.end, no: e.no, headed });
  }
  return accepted;
}

/**
 * Steps of 责任事项: "1.立案责任（商用密码管理处）：…", one per line or several on a line
 * ("1. 调查责任：… 2. 处理责任：…", "…。2.调查责任：…", "（1）…；（2）…"). A label in
 * mid-line counts only when it continues the numbering, stands outside “…” and 《…》, and
 * (when the step before it opened with a heading) is followed by a heading, so "7日内",
 * "1至2个工作日" or a list inside a step never split it. The steps are numbered in the
 * first of STEP_STYLES that yields any.
 *
 * @example parseDuties('1.立案责任（商用密码管理处）：…\n2.调查责任：…').duties.map((d) => d.name) // ['立案', '调查']
 */
export function parseDuties(text: string): DutyList {
  let accepted: Accepted[] = [];
  // One style at a time: a search for one style's labels is the fast one, and the next style
  // is searched only in the rare cell the first gives no steps.
  for (const style of STEP_STYLES) {
    accepted = acceptSteps(text, findEnumerators(text, style, 0, text.length, LABEL_STOPS));
    if (accepted.length > 0) break;
  }
  const duties = accepted.map((a, i) => {
    const { end } = trimSpan(text, a.start, accepted[i + 1]?.start ?? text.length);
    return parseStep(text, a.start, end, a.no, a.labelEnd);
  });
  const list: DutyList = { duties, residue: [] };
  const first = duties[0];
  if (!first) {
    list.residue = residueBetween(text, [], REASON_NO_STEPS);
    return list;
  }
  const preamble = text.slice(0, first.span[0]).trim();
  if (preamble) list.preamble = preamble;
  return list;
}
