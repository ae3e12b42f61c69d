import { type Citation, citationTitle } from './citations.js';
import type { AlignEntry } from './entry.js';
import { codeDice, setDice } from './text/compact.js';
import { articleLabel } from './text/numeral.js';

export type ScoreComponent = 'name' | 'action' | 'type' | 'basis' | 'code';

/**
 * How much each kind of evidence counts. A component that cannot be judged for a pair
 * (no basis on one side, no codes) drops out and the others are reweighted.
 */
export const SCORE_WEIGHTS: Readonly<Record<ScoreComponent, number>> = {
  name: 0.5,
  action: 0.1,
  type: 0.15,
  basis: 0.25,
  code: 0.3,
};

/** One piece of evidence for or against a pair, with its Chinese explanation. */
export interface Reason {
  component: ScoreComponent;
  /** 0 (against) to 1 (for). */
  value: number;
  weight: number;
  message: string;
}

export interface PairScore {
  /** Weighted mean of the reasons' values, 0 to 1. */
  score: number;
  reasons: Reason[];
}

/** A law both cite, with articles numbered differently and no quoted text to compare, counts this much. */
const SAME_LAW_UNKNOWN = 0.5;

/** Article numbers are compared only when both citations follow one numbering (see Citation.numbering). */
export function comparableNumbering(x: Citation, y: Citation): boolean {
  return x.numbering === y.numbering;
}

// The component values: plain numbers, no allocation, shared by quickScore and scorePair.

function nameValue(a: AlignEntry, b: AlignEntry): number {
  return a.name.core === b.name.core ? 1 : codeDice(a.gramCodes, b.gramCodes);
}

function actionValue(a: AlignEntry, b: AlignEntry): number | undefined {
  const x = a.name.action;
  const y = b.name.action;
  if (!x && !y) return undefined;
  if (x && y) return x === y ? 1 : 0;
  return 0.5;
}

function typeValue(a: AlignEntry, b: AlignEntry): number {
  return a.type === b.type ? 1 : 0;
}

function codeValue(a: AlignEntry, b: AlignEntry): number | undefined {
  return a.code !== undefined && a.code === b.code ? 1 : undefined;
}

function countDistinct(values: readonly number[]): number {
  let n = 0;
  values.forEach((v, i) => {
    if (values.indexOf(v) === i) n++;
  });
  return n;
}

/** Articles both cite over articles either cites (distinct numbers); 1 when neither names one. */
function articleOverlap(x: readonly number[], y: readonly number[]): number {
  const ux = countDistinct(x);
  const uy = countDistinct(y);
  let shared = 0;
  x.forEach((v, i) => {
    if (x.indexOf(v) === i && y.includes(v)) shared++;
  });
  const union = ux + uy - shared;
  return union === 0 ? 1 : shared / union;
}

/** How far one shared law supports the pair: same articles, or the same quoted words. */
function lawValue(x: Citation, y: Citation): number {
  const text = setDice(x.textGrams, y.textGrams);
  if (!comparableNumbering(x, y)) return text ?? SAME_LAW_UNKNOWN;
  // Different numbers quoting the same words: one list cites a sibling article or another paragraph.
  return Math.max(articleOverlap(x.currentArticles, y.currentArticles), text ?? 0);
}

function basisValue(a: readonly Citation[], b: readonly Citation[]): number | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  let total = 0;
  let shared = 0;
  for (const x of a) {
    const y = b.find((c) => c.lawKey === x.lawKey);
    if (!y) continue;
    shared++;
    total += lawValue(x, y);
  }
  return total / (a.length + b.length - shared);
}

/**
 * The score alone, without building explanations: for the hot loop of candidate scoring.
 * Always equal to scorePair(a, b).score.
 */
export function quickScore(a: AlignEntry, b: AlignEntry): number {
  // Summed in scorePair's order, so the two agree to the last bit.
  let sum = SCORE_WEIGHTS.name * nameValue(a, b);
  let weights = SCORE_WEIGHTS.name;
  const action = actionValue(a, b);
  if (action !== undefined) {
    sum += SCORE_WEIGHTS.action * action;
    weights += SCORE_WEIGHTS.action;
  }
  sum += SCORE_WEIGHTS.type * typeValue(a, b);
  weights += SCORE_WEIGHTS.type;
  const basis = basisValue(a.citations, b.citations);
  if (basis !== undefined) {
    sum += SCORE_WEIGHTS.basis * basis;
    weights += SCORE_WEIGHTS.basis;
  }
  if (codeValue(a, b) !== undefined) {
    sum += SCORE_WEIGHTS.code * 1;
    weights += SCORE_WEIGHTS.code;
  }
  return sum / weights;
}

/**
 * Scores how likely two entries denote the same power, with a Chinese reason per component.
 *
 * @example scorePair(entryA, entryA).score // 1
 */
export function scorePair(a: AlignEntry, b: AlignEntry): PairScore {
  const reason = (component: ScoreComponent, value: number, message: string): Reason => ({ component, value, weight: SCORE_WEIGHTS[component], message });
  const reasons: Reason[] = [reason('name', nameValue(a, b), nameMessage(a, b))];
  const action = actionValue(a, b);
  if (action !== undefined) reasons.push(reason('action', action, actionMessage(a, b, action)));
  const type = typeValue(a, b);
  reasons.push(reason('type', type, type === 1 ? `权力类型相同：${a.type || '（未填）'}` : `权力类型不同：${a.type || '（未填）'}／${b.type || '（未填）'}`));
  const basis = basisValue(a.citations, b.citations);
  if (basis !== undefined) reasons.push(reason('basis', basis, basisMessage(a.citations, b.citations)));
  if (codeValue(a, b) !== undefined) reasons.push(reason('code', 1, `地方权力编码相同（${a.code}）`));
  let sum = 0;
  let weights = 0;
  for (const r of reasons) {
    sum += r.value * r.weight;
    weights += r.weight;
  }
  return { score: sum / weights, reasons };
}

function nameMessage(a: AlignEntry, b: AlignEntry): string {
  if (a.name.core === b.name.core) return `事项名称核心相同：“${a.name.core}”`;
  const percent = Math.round(codeDice(a.gramCodes, b.gramCodes) * 100);
  const shared = longestCommon(a.name.core, b.name.core);
  return shared.length >= 2 ? `事项名称相似度 ${percent}%，共有“${shared}”` : `事项名称相似度 ${percent}%，没有共同的词`;
}

function actionMessage(a: AlignEntry, b: AlignEntry, value: number): string {
  if (value === 1) return `行为相同：${a.name.actionWord}／${b.name.actionWord}`;
  if (value === 0) return `行为不同：${a.name.actionWord}／${b.name.actionWord}`;
  return `只有一方的名称写明行为（${a.name.actionWord ?? b.name.actionWord}）`;
}

function basisMessage(a: readonly Citation[], b: readonly Citation[]): string {
  const sameArticles: string[] = [];
  const otherNumbering: string[] = [];
  const differentArticles: string[] = [];
  const similarTexts: string[] = [];
  for (const x of a) {
    const y = b.find((c) => c.lawKey === x.lawKey);
    if (!y) continue;
    const title = `《${citationTitle(x)}》`;
    const text = setDice(x.textGrams, y.textGrams);
    const textNote = text === undefined ? '' : `所引条文文字相似度 ${Math.round(text * 100)}%`;
    if (!comparableNumbering(x, y)) {
      otherNumbering.push(`${title}${textNote ? `（${textNote}）` : ''}`);
      continue;
    }
    const shared = [...new Set(x.currentArticles)].filter((n) => y.currentArticles.includes(n));
    const overlap = articleOverlap(x.currentArticles, y.currentArticles);
    if (shared.length > 0) sameArticles.push(`${title}${shared.map(articleLabel).join('、')}`);
    else if (x.currentArticles.length + y.currentArticles.length > 0) differentArticles.push(title);
    if (text !== undefined && text > overlap) similarTexts.push(`${title}${textNote}`);
  }
  const parts: string[] = [];
  if (sameArticles.length > 0) parts.push(`同引${sameArticles.join('，')}`);
  if (otherNumbering.length > 0) parts.push(`同引${otherNumbering.join('、')}，但所据版本不同，条号不可直接比较`);
  if (differentArticles.length > 0) parts.push(`同引${differentArticles.join('、')}但条款不同`);
  parts.push(...similarTexts);
  if (parts.length === 0) parts.push('实施依据没有共同的法律法规');
  return parts.join('；');
}

/** The longest common substring of two short texts (names), for explanations. */
export function longestCommon(a: string, b: string): string {
  const x = Array.from(a);
  const y = Array.from(b);
  let best = 0;
  let end = 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const row = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) {
      if (x[i - 1] === y[j - 1]) {
        const run = (prev[j - 1] ?? 0) + 1;
        row[j] = run;
        if (run > best) {
          best = run;
          end = i;
        }
      }
    }
    prev = row;
  }
  return x.slice(end - best, end).join('');
}
