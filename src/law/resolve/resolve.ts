import type { Citation, CitedRef } from '../citations/index.js';
import {
  type ArticlePoint,
  containsPoint,
  formatArticleRef,
  type Law,
  type LawArticle,
  type LawTextFile,
  type LawVersion,
  type MapResult,
  mapArticle,
  parseArticleRef,
  provisionText,
} from '../registry/index.js';
import { type LawLibrary, lawText } from './library.js';
import { checkQuote, type QuoteCheck } from './quote.js';
import { titleIssues } from './titles.js';
import type { CitationIssue, ResolvedCitation, ResolvedRef, ResolveOptions, Target } from './types.js';
import { type ChosenVersion, versionFromHints, versionLabel, versionOn } from './version.js';

const CHANGE_WORDS: Record<string, string> = {
  same: '文字未变',
  amended: '文字有修改',
  rewritten: '内容已改写',
  split: '已拆分',
  merged: '已与其他条文合并',
};

function pointOf(ref: CitedRef): ArticlePoint {
  const p: ArticlePoint = { article: ref.article };
  if (ref.sub !== undefined) p.sub = ref.sub;
  if (ref.paragraph !== undefined) p.paragraph = ref.paragraph;
  if (ref.item !== undefined) p.item = ref.item;
  return p;
}

/** What the version choice adds to every message: how the version was chosen when the note did not say. */
export function basisNote(v: ChosenVersion | undefined): string {
  if (!v || v.basis === 'hint') return '';
  const which = v.basis === 'today' ? `按${v.date}施行的版本核对` : `按清单日期${v.date}施行的版本核对`;
  const unsure = v.certain ? '' : `；法规库无法确定该日施行的版本，暂按${versionLabel(v.version)}`;
  return `（未注明版本，${which}${unsure}）`;
}

function targetOf(citation: Citation, library: LawLibrary): Target {
  if (citation.title === undefined) return { kind: 'unattached' };
  if (citation.titleKind === 'document') return { kind: 'document' };
  const cls = library.registry.classifyTitle(citation.title);
  if (cls.kind === 'law') return { kind: 'law', law: cls.law };
  if (cls.kind === 'document') return { kind: 'document' };
  if (cls.kind === 'truncated') return { kind: 'truncated', candidates: cls.entry.candidates ?? [] };
  return { kind: 'unknown' };
}

const index = (law: Law, v: LawVersion) => law.versions.findIndex((x) => x.id === v.id);

/** "2024-05-01起施行", or that the registry does not record when. */
export function effectivePhrase(v: LawVersion): string {
  return v.effective ? `${v.effective.date}起施行` : '施行日期未记载';
}

/**
 * Resolves one citation against the registry: its law, the version it cites (from its
 * note, else the list's date, else the check date), each article, where the article is in
 * the version in force, and how the quoted text compares with the law's.
 *
 * @example resolveCitation(citation, await openLawLibrary(), { today: '2026-11-23' }).issues
 * // [{ code: 'superseded', … }, { code: 'moved', data: { ref: '第四十五条', newRef: '第五十二条', … } }]
 */
export function resolveCitation(
  citation: Citation,
  library: LawLibrary,
  options: ResolveOptions,
  /** For 本法 and continuations: the version their parent citation was resolved to. */
  inherited?: ChosenVersion,
): ResolvedCitation {
  const issues: CitationIssue[] = [...titleIssues(citation, library)];
  const target = targetOf(citation, library);
  const title = citation.title ?? '';
  if (target.kind === 'truncated') {
    const candidates = target.candidates.map((id) => `《${library.registry.getLaw(id)?.title ?? id}》`).join('、');
    issues.push({ code: 'truncated-title', verified: true, data: { title, candidates } });
  }
  if (target.kind === 'unknown' && !issues.some((i) => i.code === 'title-typo')) {
    issues.push({ code: 'unknown-title', verified: true, data: { title } });
  }
  if (target.kind !== 'law') return { citation, target, refs: citation.refs.map((ref) => ({ ref, exists: 'unknown' })), insideQuote: false, issues };

  const law = target.law;
  const { chosen, unmatched } = versionFromHints(law, citation.hints);
  const version = chosen ?? inherited ?? versionOn(law, options.listDate ?? options.today, options.listDate ? 'list-date' : 'today');
  const inForce = versionOn(law, options.today, 'today');
  const basis = basisNote(version);
  const common = { title, basis, ...(version ? { version: versionLabel(version.version) } : {}) };
  for (const { hint } of unmatched) {
    const known = law.versions.flatMap((v) => (hint.kind === 'order' ? (v.promulgatedBy ? [v.promulgatedBy.raw] : []) : [versionLabel(v)]));
    const facts: Array<{ verified: boolean }> = law.versions.flatMap((v) => {
      const fact = hint.kind === 'order' ? v.promulgatedBy : (v.adopted ?? v.promulgated);
      return fact ? [fact] : [];
    });
    issues.push({
      code: 'unmatched-hint',
      verified: facts.length > 0 && facts.every((f) => f.verified),
      data: { ...common, hint: hint.raw, known: known.join('、') || '（无记载）' },
    });
  }
  if (law.status.status === '已废止') {
    issues.push({ code: 'repealed', verified: law.status.verified, data: { ...common, date: law.status.repealed ? `，废止日期${law.status.repealed.date}` : '' } });
  }
  const outdated = version !== undefined && inForce !== undefined && version.basis !== 'today' && index(law, version.version) < index(law, inForce.version);
  const text = version ? lawText(library, law, version.version.id) : undefined;
  const refs = citation.refs.map((ref): ResolvedRef => ({ ref, exists: existence(ref, version, text, common, issues) }));
  const quote = citation.quote && text && refs.length > 0 && refs.every((r) => r.exists === 'yes') ? checkQuote(citation.quote.text, articlesOf(text, refs), text) : undefined;
  const cited = version && quote && corroborates(quote, citation, refs, version, inForce, library, law) ? { ...version, verified: true, corroborated: 'quote' as const } : version;
  if (outdated && cited && inForce) {
    issues.push({
      code: 'superseded',
      verified: cited.verified && inForce.verified && inForce.certain,
      data: { ...common, current: versionLabel(inForce.version), effective: effectivePhrase(inForce.version) },
    });
    for (const r of refs) if (r.exists !== 'no') r.current = currentPlace(r.ref, law, cited, inForce, common, issues);
  }
  const result: ResolvedCitation = { citation, target, refs, insideQuote: false, issues };
  if (cited) result.version = cited;
  if (inForce) result.inForce = inForce;
  if (quote) {
    result.quote = quote;
    const ref = refs.map((r) => r.ref.raw).join('、');
    const verified = cited?.certain ?? false;
    if (quote.kind === 'differs') {
      const first = quote.differences[0];
      issues.push({
        code: 'quote-differs',
        verified,
        data: { ...common, ref, quoted: first?.quoted ?? '', law: first?.law ?? '', count: quote.differences.length },
      });
    } else if (quote.kind === 'unrelated') {
      issues.push({ code: 'quote-unrelated', verified, data: { ...common, ref, elsewhere: quote.elsewhere ?? '' } });
    }
  }
  return result;
}

function articlesOf(text: LawTextFile, refs: readonly ResolvedRef[]): LawArticle[] {
  const found = refs.map((r) => text.articles.find((a) => a.number === r.ref.article && (a.sub ?? 0) === (r.ref.sub ?? 0)));
  return [...new Set(found)].filter((a) => a !== undefined);
}

/**
 * A version named by an unverified fact (主席令第28号) is confirmed when the quoted text is the
 * article of that version and not the article of the same number in force today.
 */
function corroborates(
  quote: QuoteCheck,
  citation: Citation,
  refs: readonly ResolvedRef[],
  version: ChosenVersion,
  inForce: ChosenVersion | undefined,
  library: LawLibrary,
  law: Law,
): boolean {
  if (quote.kind !== 'match' || version.verified || version.basis !== 'hint' || !inForce || inForce.version.id === version.version.id) return false;
  const now = lawText(library, law, inForce.version.id);
  if (!now || !citation.quote) return false;
  const there = articlesOf(now, refs);
  return there.length === 0 || checkQuote(citation.quote.text, there).kind !== 'match';
}

/** Whether the cited version has the point; reports it when it does not. */
function existence(
  ref: CitedRef,
  version: ChosenVersion | undefined,
  text: LawTextFile | undefined,
  common: Record<string, string>,
  issues: CitationIssue[],
): ResolvedRef['exists'] {
  const point = pointOf(ref);
  const data = { ...common, ref: ref.raw };
  if (text) {
    const article = text.articles.find((a) => a.number === point.article && (a.sub ?? 0) === (point.sub ?? 0));
    if (!article) {
      issues.push({ code: 'article-missing', verified: version?.certain ?? false, ref, data: { ...data, count: text.articleCount } });
      return 'no';
    }
    if (provisionText(text, formatArticleRef(point)) === undefined) {
      issues.push({ code: 'part-missing', verified: version?.certain ?? false, ref, data });
      return 'no';
    }
    return 'yes';
  }
  const count = version?.version.articleCount;
  if (version && count && point.article > count.value) {
    issues.push({ code: 'article-missing', verified: count.verified && version.certain, ref, data: { ...data, count: count.value } });
    return 'no';
  }
  return 'unknown';
}

/** Where a point of an old version is in the version in force; reports a move, a removal or an abolished power. */
function currentPlace(
  ref: CitedRef,
  law: Law,
  version: ChosenVersion,
  inForce: ChosenVersion,
  common: Record<string, string>,
  issues: CitationIssue[],
): MapResult {
  const point = pointOf(ref);
  const at = (id: string) => law.versions.findIndex((v) => v.id === id);
  const abolished = law.removedProvisions.find((p) => {
    const removed = parseArticleRef(p.article);
    return (
      removed !== undefined &&
      (containsPoint(removed, point) || containsPoint(point, removed)) &&
      at(version.version.id) <= at(p.version) &&
      at(p.removedIn) <= at(inForce.version.id)
    );
  });
  const current = mapArticle(law, version.version.id, inForce.version.id, formatArticleRef(point));
  const data = { ...common, ref: ref.raw, current: versionLabel(inForce.version) };
  if (abolished) {
    const removedIn = law.versions.find((v) => v.id === abolished.removedIn);
    issues.push({
      code: 'abolished-power',
      verified: abolished.verified && version.verified,
      ref,
      data: { ...data, power: abolished.enabledPower, removedIn: removedIn ? versionLabel(removedIn) : abolished.removedIn },
    });
  } else if (current.kind === 'removed') {
    issues.push({ code: 'removed', verified: current.verified && version.verified, ref, data });
  } else if (current.kind === 'unknown') {
    issues.push({ code: 'unmapped', verified: false, ref, data: { ...data, reason: current.reason } });
  } else if (current.ref !== formatArticleRef(point) || current.also.length > 0) {
    const also = current.also.length > 0 ? `，部分内容移至${current.also.join('、')}` : '';
    issues.push({
      code: 'moved',
      verified: current.verified && version.verified,
      ref,
      data: { ...data, newRef: current.ref, change: CHANGE_WORDS[current.change] ?? current.change, also },
    });
  }
  return current;
}

/**
 * Resolves every citation of a text (the output of extractCitations); 本法 and continuations
 * are read in the version their parent citation names.
 *
 * @example resolveCitations(extractCitations(cell, { titles: library.titles }), library, { today })
 */
export function resolveCitations(citations: readonly Citation[], library: LawLibrary, options: ResolveOptions): ResolvedCitation[] {
  const out: ResolvedCitation[] = [];
  for (const c of citations) {
    const parent = c.parent === undefined ? undefined : out[c.parent];
    const inherited = parent?.target.kind === 'law' && c.hints.length === 0 ? parent.version : undefined;
    const resolved = resolveCitation(c, library, options, inherited);
    const q = parent?.citation.quote?.span;
    resolved.insideQuote = q !== undefined && c.span[0] >= q[0] && c.span[1] <= q[1];
    out.push(resolved);
  }
  return out;
}
