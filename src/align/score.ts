import { type Citation, citationTitle } from './citations.js';
import type { AlignEntry } from './entry.js';
import { dice, setDice } from './text/compact.js';
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

/**
 * Scores how likely two entries denote the same power, with a reason per component.
 *
 * @example scorePair(entryA, entryA).score // 1
 */
export function scorePair(a: AlignEntry, b: AlignEntry, explain = true): PairScore {
  const reasons: Reason[] = [nameReason(a, b, explain)];
  const action = actionReason(a, b);
  if (action) reasons.push(action);
  reasons.push(typeReason(a, b));
  const basis = basisReason(a.citations, b.citations, explain);
  if (basis) reasons.push(basis);
  if (a.code !== undefined && a.code === b.code) {
    reasons.push({ component: 'code', value: 1, weight: SCORE_WEIGHTS.code, message: `地方权力编码相同（${a.code}）` });
  }
  let sum = 0;
  let weights = 0;
  for (const r of reasons) {
    sum += r.value * r.weight;
    weights += r.weight;
  }
  return { score: weights === 0 ? 0 : sum / weights, reasons };
}

/** The score alone, without building explanations: for the hot loop of candidate scoring. */
export function quickScore(a: AlignEntry, b: AlignEntry): number {
  return scorePair(a, b, false).score;
}

function nameReason(a: AlignEntry, b: AlignEntry, explain: boolean): Reason {
  const weight = SCORE_WEIGHTS.name;
  if (a.name.core === b.name.core) {
    return { component: 'name', value: 1, weight, message: explain ? `事项名称核心相同：“${a.name.core}”` : '' };
  }
  const value = dice(a.grams, b.grams);
  if (!explain) return { component: 'name', value, weight, message: '' };
  const shared = longestCommon(a.name.core, b.name.core);
  const percent = Math.round(value * 100);
  const message = shared.length >= 2 ? `事项名称相似度 ${percent}%，共有“${shared}”` : `事项名称相似度 ${percent}%，没有共同的词`;
  return { component: 'name', value, weight, message };
}

function actionReason(a: AlignEntry, b: AlignEntry): Reason | undefined {
  const weight = SCORE_WEIGHTS.action;
  const x = a.name.action;
  const y = b.name.action;
  if (!x && !y) return undefined;
  if (x && y) {
    return x === y
      ? { component: 'action', value: 1, weight, message: `行为相同：${a.name.actionWord}／${b.name.actionWord}` }
      : { component: 'action', value: 0, weight, message: `行为不同：${a.name.actionWord}／${b.name.actionWord}` };
  }
  return { component: 'action', value: 0.5, weight, message: `只有一方的名称写明行为（${x ? a.name.actionWord : b.name.actionWord}）` };
}

function typeReason(a: AlignEntry, b: AlignEntry): Reason {
  const weight = SCORE_WEIGHTS.type;
  if (a.type === b.type) return { component: 'type', value: 1, weight, message: `权力类型相同：${a.type || '（未填）'}` };
  return { component: 'type', value: 0, weight, message: `权力类型不同：${a.type || '（未填）'}／${b.type || '（未填）'}` };
}

/**
 * Article numbers are compared only when both sides number the law the same way: same
 * cited version, both unstated, or mapped to current numbering by a registry.
 */
export function comparableNumbering(x: Citation, y: Citation): boolean {
  if (x.version?.id === y.version?.id) return true;
  const mapped = (c: Citation) => c.currentArticles.some((n, i) => n !== c.articles[i]);
  return mapped(x) || mapped(y);
}

function basisReason(a: readonly Citation[], b: readonly Citation[], explain: boolean): Reason | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  const weight = SCORE_WEIGHTS.basis;
  const byKey = new Map(b.map((c) => [c.lawKey, c]));
  const laws = new Set([...a.map((c) => c.lawKey), ...byKey.keys()]);
  let total = 0;
  const sameArticles: string[] = [];
  const otherNumbering: string[] = [];
  const differentArticles: string[] = [];
  const similarTexts: string[] = [];
  for (const x of a) {
    const y = byKey.get(x.lawKey);
    if (!y) continue;
    const text = setDice(x.textGrams, y.textGrams);
    if (!comparableNumbering(x, y)) {
      total += text ?? SAME_LAW_UNKNOWN;
      otherNumbering.push(`《${citationTitle(x)}》${text === undefined ? '' : `（所引条文文字相似度 ${Math.round(text * 100)}%）`}`);
      continue;
    }
    const xs = new Set(x.currentArticles);
    const ys = new Set(y.currentArticles);
    const shared = [...xs].filter((n) => ys.has(n));
    const union = new Set([...xs, ...ys]).size;
    const articles = union === 0 ? 1 : shared.length / union;
    // Different numbers quoting the same words: one list cites a sibling article or another paragraph.
    total += Math.max(articles, text ?? 0);
    if (shared.length > 0) sameArticles.push(`《${citationTitle(x)}》${shared.map(articleLabel).join('、')}`);
    else if (union > 0) differentArticles.push(`《${citationTitle(x)}》`);
    if (text !== undefined && text > articles) similarTexts.push(`《${citationTitle(x)}》所引条文文字相似度 ${Math.round(text * 100)}%`);
  }
  const value = total / laws.size;
  if (!explain) return { component: 'basis', value, weight, message: '' };
  const parts: string[] = [];
  if (sameArticles.length > 0) parts.push(`同引${sameArticles.join('，')}`);
  if (otherNumbering.length > 0) parts.push(`同引${otherNumbering.join('、')}，但所据版本不同，条号不可直接比较`);
  if (differentArticles.length > 0) parts.push(`同引${differentArticles.join('、')}但条款不同`);
  parts.push(...similarTexts);
  if (parts.length === 0) parts.push('实施依据没有共同的法律法规');
  return { component: 'basis', value, weight, message: parts.join('；') };
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
