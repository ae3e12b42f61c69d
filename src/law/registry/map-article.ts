import { type ArticlePoint, containsPoint, formatArticleRef, parseArticleRef, pointDepth } from './article-ref.js';
import type { ArticleChange, ArticleMapping, Law, Renumbering } from './schema.js';

/** One version-to-version step of a mapping, with the fact it rests on. */
export interface MapStep {
  from: string;
  to: string;
  old: string;
  new?: string;
  change: ArticleChange;
  source: string;
  verified: boolean;
  note?: string;
}

export type MapResult =
  | {
      kind: 'mapped';
      /** The article in the target version: "第三十条". */
      article: string;
      /** As precise as the mapping allows: "第三十条第三款". */
      ref: string;
      /** Other places parts of the provision went to (split). */
      also: string[];
      change: ArticleChange;
      /** False when a 款/项 was asked for but only the article's mapping is known. */
      exact: boolean;
      /** True only when every step was checked against both texts. */
      verified: boolean;
      steps: MapStep[];
    }
  | { kind: 'removed'; removedIn: string; verified: boolean; steps: MapStep[] }
  | { kind: 'unknown'; reason: string; steps: MapStep[]; candidates?: ArticleMapping[] };

const RANK: Record<ArticleChange, number> = { same: 0, amended: 1, rewritten: 2, split: 3, merged: 3, removed: 4 };

/**
 * Where a provision of one version is in a later one, following the renumbering
 * chain version by version.
 *
 * @example mapArticle(baomiFa, '2010-04-29', '2024-02-27', '第二十三条第三款')
 * // { kind: 'mapped', article: '第三十条', ref: '第三十条第三款', change: 'amended', … }
 */
export function mapArticle(law: Law, fromVersion: string, toVersion: string, articleRef: string): MapResult {
  const ids = law.versions.map((v) => v.id);
  const start = ids.indexOf(fromVersion);
  const end = ids.indexOf(toVersion);
  if (start < 0 || end < 0) {
    return { kind: 'unknown', reason: `未知版本：${start < 0 ? fromVersion : toVersion}`, steps: [] };
  }
  if (end < start) return { kind: 'unknown', reason: '只支持从旧版本对应到新版本', steps: [] };
  const point = parseArticleRef(articleRef);
  if (!point) return { kind: 'unknown', reason: `无法解析条款：${articleRef}`, steps: [] };

  let current = point;
  const split: Array<{ ref: string; at: number }> = [];
  let change: ArticleChange = 'same';
  let exact = true;
  const steps: MapStep[] = [];
  for (let i = start; i < end; i++) {
    const from = ids[i] as string;
    const to = ids[i + 1] as string;
    const renumbering = law.renumbering.find((r) => r.from === from && r.to === to);
    if (!renumbering) return { kind: 'unknown', reason: `缺少 ${from} 到 ${to} 的条文对应`, steps };
    const step = mapStep(renumbering, current);
    if (step.kind === 'unknown') return { kind: 'unknown', reason: step.reason, steps, candidates: step.candidates };
    steps.push(step.step);
    if (step.kind === 'removed') return { kind: 'removed', removedIn: to, verified: steps.every((s) => s.verified), steps };
    current = step.point;
    exact &&= step.exact;
    for (const ref of step.also) split.push({ ref, at: i + 1 });
    if (RANK[step.step.change] >= RANK[change]) change = step.step.change;
  }
  return {
    kind: 'mapped',
    article: formatArticleRef({ article: current.article, ...(current.sub ? { sub: current.sub } : {}) }),
    ref: formatArticleRef(current),
    also: split.map((s) => carryAlso(law, s.ref, s.at, end)),
    change,
    exact,
    verified: steps.every((s) => s.verified),
    steps,
  };
}

type StepResult =
  | { kind: 'mapped'; point: ArticlePoint; also: string[]; exact: boolean; step: MapStep }
  | { kind: 'removed'; step: MapStep }
  | { kind: 'unknown'; reason: string; candidates?: ArticleMapping[] };

function mapStep(renumbering: Renumbering, point: ArticlePoint): StepResult {
  const base = { from: renumbering.from, to: renumbering.to, old: formatArticleRef(point) };
  if (renumbering.identity) {
    return {
      kind: 'mapped',
      point,
      also: [],
      exact: true,
      step: { ...base, new: base.old, change: 'same', source: renumbering.source, verified: renumbering.verified, ...noteOf(renumbering) },
    };
  }
  const entries = renumbering.map.map((m) => ({ m, old: parseArticleRef(m.old) as ArticlePoint }));
  const containing = entries.filter((e) => containsPoint(e.old, point)).sort((a, b) => pointDepth(b.old) - pointDepth(a.old));
  const best = containing[0];
  if (!best) {
    const finer = entries.filter((e) => containsPoint(point, e.old)).map((e) => e.m);
    return finer.length > 0
      ? { kind: 'unknown', reason: '只有该条部分款项的对应关系', candidates: finer }
      : { kind: 'unknown', reason: `${renumbering.from} 到 ${renumbering.to} 的对应表未列入${base.old}` };
  }
  const { m } = best;
  const step: MapStep = {
    ...base,
    ...(m.new ? { new: m.new } : {}),
    change: m.change,
    source: m.source,
    verified: m.verified,
    ...noteOf(m),
  };
  if (m.change === 'removed' || !m.new) return { kind: 'removed', step };
  const target = parseArticleRef(m.new) as ArticlePoint;
  const deeper = pointDepth(point) > pointDepth(best.old);
  // Only an unchanged article keeps its 款 and 项 numbering; otherwise stop at what the table says.
  const keepsParts = deeper && m.change === 'same' && pointDepth(target) === 0;
  const carried: ArticlePoint = keepsParts ? { ...point, article: target.article } : target;
  if (keepsParts) {
    if (target.sub === undefined) delete carried.sub;
    else carried.sub = target.sub;
  }
  return {
    kind: 'mapped',
    point: carried,
    also: m.also ?? [],
    exact: !deeper || keepsParts,
    step: { ...step, new: formatArticleRef(carried) },
  };
}

/** Moves a split-off part along the remaining steps; keeps it as written when it cannot. */
function carryAlso(law: Law, ref: string, fromIndex: number, endIndex: number): string {
  if (fromIndex >= endIndex) return ref;
  const ids = law.versions.map((v) => v.id);
  const result = mapArticle(law, ids[fromIndex] as string, ids[endIndex] as string, ref);
  return result.kind === 'mapped' ? result.ref : ref;
}

function noteOf(fact: { note?: string | undefined }): { note?: string } {
  return fact.note !== undefined ? { note: fact.note } : {};
}
