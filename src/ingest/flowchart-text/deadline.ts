import type { TimeLimit } from '../../model/index.js';
import { parseTimeLimit } from '../../parse/index.js';

/** A period written in a box: "20个工作日内", "1-2个工作日", "三个月". */
const PERIOD =
  /(?<![第0-9０-９一二两三四五六七八九十百])(?:[0-9０-９]+(?:[\s\u3000]*(?:[-－~～—]|至|到)[\s\u3000]*[0-9０-９]+)?|[一二两三四五六七八九十百]+)[\s\u3000]*(?:个工作日|工作日|个小时|小时|个自然日|自然日|个月|日|天|月|年)(?:以内|内)?/g;
/** What starts the clock, when the box says it: 自受理申请之日起, 在接到异议报告后, 当场或在, 提前. */
const ANCHOR = /(?:当场或在|自|在|于|提前)[^自在于]*$/;
const ANCHOR_TAIL = /(?:后的?|起|前)$/;
const CLAUSE_BREAK = /[，,。；;：:\n]/;

export interface DeadlineHit {
  limit: TimeLimit;
  /** [start, end) of the deadline phrase (anchor included) in the box text. */
  start: number;
  end: number;
}

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i] ?? '')) return i + 1;
  return 0;
}

/**
 * The first deadline a box states, with what starts its clock; null when it states none.
 * raw keeps the phrase as written: "自受理申请之日起20个工作日内".
 *
 * @example findDeadline('检查结束后的5个工作日内，检查组提交书面检查报告')?.limit
 * // { raw: '检查结束后的5个工作日内', value: 5, unit: '工作日' }
 */
export function findDeadline(text: string): DeadlineHit | null {
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const from = clauseStart(text, m.index);
    const prefix = text.slice(from, m.index);
    const anchor = ANCHOR.exec(prefix);
    const start = anchor ? from + anchor.index : ANCHOR_TAIL.test(prefix) && prefix.length <= 12 ? from : m.index;
    const end = m.index + m[0].length;
    const limit = parseTimeLimit(text.slice(start, end));
    if (limit.unit !== undefined) return { limit, start, end };
  }
  return null;
}

const DOCUMENT = /《([^《》\n]{1,60})》/g;

/** The documents a box names, in order, without their 《》: 行政许可申请受理通知书. */
export function documentsIn(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(DOCUMENT)) {
    const title = (m[1] ?? '').trim();
    if (title) seen.add(title);
  }
  return [...seen];
}
