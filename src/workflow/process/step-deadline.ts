import type { TimeLimit } from '../../model/index.js';
import { parseTimeLimit } from '../../parse/index.js';
import { toLimitSpec } from './limits.js';
import type { Anchor, StepDeadline } from './schema.js';

const NUMBER = '(?:[0-9０-９]+|[一二两三四五六七八九十百]+)';
const UNIT = '(?:个工作日|工作日|个自然日|自然日|个月|日|天)';
/** A period a step must keep: "7日内", "十个工作日以内". A period "后" (after) is a waiting time, not a deadline. */
const PERIOD = new RegExp(`(?<![第0-9０-９一二两三四五六七八九十百\\-－~～至到])${NUMBER}\\s*${UNIT}(?:以)?内`, 'g');
const CLAUSE_BREAK = /[，,。；;：:\n]/;

/** The last of these before a period starts the phrase naming its anchor: 自受理申请之日起, 在接到异议报告后. */
const ANCHOR_MARK = /[自在于从]/g;

/**
 * How a deadline phrase ends when it names what starts its clock, tried in order; what is
 * left of the phrase is matched against step names.
 */
export const ANCHOR_TAILS: readonly RegExp[] = [/之日起的?$/, /起的?$/, /后的?$/, /之日$/];

export interface FoundDeadline {
  /** The phrase as written, anchor included: "自受理申请之日起20个工作日内". */
  readonly raw: string;
  readonly limit: TimeLimit;
  /** What the phrase says starts the clock ("受理申请"), when it says. */
  readonly anchorPhrase?: string;
}

function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_BREAK.test(text[i] ?? '')) return i + 1;
  return 0;
}

/**
 * The anchor phrase of the text before a period, if it names one.
 * @example anchorPhraseOf('自受理申请之日起') // '受理申请'
 */
export function anchorPhraseOf(prefix: string): string | undefined {
  const text = prefix.trim();
  const marks = [...text.matchAll(ANCHOR_MARK)];
  const last = marks.at(-1);
  const head = last ? text.slice((last.index ?? 0) + 1) : text;
  for (const tail of ANCHOR_TAILS) {
    if (tail.test(head)) return head.replace(tail, '').trim() || undefined;
  }
  return undefined;
}

/**
 * Words before a period that make it the other party's time (当事人在接到告知书之日起三个工作日内,
 * 应当在被告知后三日内), not a deadline the agency's step must keep.
 */
export const PARTY_MARKERS: readonly string[] = ['当事人', '申请人', '相对人', '受检机关', '受检单位', '被告知', '被检查'];

/** Where the deadline phrase starts in its clause's prefix: at the anchor mark, or only the period. */
function phraseStart(prefix: string): number {
  const marks = [...prefix.matchAll(ANCHOR_MARK)];
  const last = marks.at(-1);
  if (last) return last.index ?? 0;
  return ANCHOR_TAILS.some((tail) => tail.test(prefix.trim())) ? 0 : prefix.length;
}

export interface StepDeadlineScan {
  readonly found: FoundDeadline | null;
  /** Periods that are the other party's, in order: kept for the definition's notes. */
  readonly partyPeriods: readonly string[];
}

/**
 * The first deadline a step's text sets for the agency, with its anchor phrase, and the
 * periods it gives the other party.
 *
 * @example scanStepDeadline('行政处罚决定书在7日内送达当事人。').found
 * // { raw: '在7日内', limit: { raw: '在7日内', value: 7, unit: '日' } }
 */
export function scanStepDeadline(text: string): StepDeadlineScan {
  const partyPeriods: string[] = [];
  PERIOD.lastIndex = 0;
  for (let m = PERIOD.exec(text); m; m = PERIOD.exec(text)) {
    const from = clauseStart(text, m.index);
    const prefix = text.slice(from, m.index);
    const limit = parseTimeLimit(m[0]);
    if (limit.value === undefined || limit.unit === undefined) continue;
    const raw = `${prefix.slice(phraseStart(prefix)).trim()}${m[0]}`;
    if (PARTY_MARKERS.some((word) => prefix.includes(word))) {
      partyPeriods.push(`${prefix.trim()}${m[0]}`);
      continue;
    }
    const anchorPhrase = anchorPhraseOf(prefix);
    return { found: { raw, limit: { ...limit, raw }, ...(anchorPhrase ? { anchorPhrase } : {}) }, partyPeriods };
  }
  return { found: null, partyPeriods };
}

/** The first deadline a step's text sets for the agency; null when it sets none. */
export function findStepDeadline(text: string): FoundDeadline | null {
  return scanStepDeadline(text).found;
}

/**
 * Which step's completion an anchor phrase names: the step (other than the deadline's own)
 * whose name the phrase contains, the longest name winning. Null when none does.
 */
export function stepNamedBy(phrase: string, steps: readonly { id: string; name: string }[], ownId: string): string | null {
  let best: { id: string; length: number } | null = null;
  for (const step of steps) {
    if (step.id === ownId || step.name.length < 2 || !phrase.includes(step.name)) continue;
    if (!best || step.name.length > best.length) best = { id: step.id, length: step.name.length };
  }
  return best?.id ?? null;
}

/**
 * A step deadline for the definition: the limit under the power type's rule, anchored to the
 * step its phrase names, else to entering the step (with a note saying why).
 */
export function toStepDeadline(
  found: FoundDeadline,
  powerType: string | undefined,
  steps: readonly { id: string; name: string }[],
  ownId: string,
): { deadline: StepDeadline; note?: string } {
  const spec = toLimitSpec(found.limit, powerType);
  const named = found.anchorPhrase ? stepNamedBy(found.anchorPhrase, steps, ownId) : null;
  const anchor: Anchor = named ? { kind: 'step-completed', step: named } : { kind: 'step-entered' };
  const deadline: StepDeadline = { ...spec, anchor };
  if (found.anchorPhrase && !named) {
    return { deadline, note: `“${found.raw}”的起算事件“${found.anchorPhrase}”不是流程中的步骤，按进入该步骤之日起算` };
  }
  if (spec.amount === undefined) return { deadline, note: `“${found.raw}”没有可计算的期限，只作显示` };
  return { deadline };
}
