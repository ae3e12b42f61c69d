import { z } from 'zod';
import { parseArticleRef } from './article-ref.js';
import { normalizeOrderNumber } from './order-number.js';

/**
 * One law file in data/laws/. Every statement of fact carries where it was read
 * (`source`) and whether someone checked it against a text (`verified`); a fact
 * nobody could check is kept with verified: false and a note, never guessed.
 */

const FactFields = {
  /** Where the fact was read: "reference/laws/facts.md §4 [V:LRB …]", or a text file and article. */
  source: z.string().min(1),
  /** True only when checked against a law text (the source then names the file and article). */
  verified: z.boolean(),
  note: z.string().min(1).optional(),
};
export const Fact = z.object(FactFields);
export type Fact = z.infer<typeof Fact>;

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, '不是有效日期');

export const DateFact = z.object({ date: IsoDate, ...FactFields });
export type DateFact = z.infer<typeof DateFact>;

/** An order or document number as written, and its one normalised spelling. */
export const OrderFact = z
  .object({
    /** As written, e.g. "中华人民共和国主席令第二十八号". */
    raw: z.string().min(1),
    /** e.g. "主席令第28号"; must equal what the registry's own parser makes of `raw`. */
    normalized: z.string().min(1),
    ...FactFields,
  })
  .refine((o) => normalizeOrderNumber(o.raw) === o.normalized, {
    message: 'normalized 与 raw 解析结果不一致',
    path: ['normalized'],
  });
export type OrderFact = z.infer<typeof OrderFact>;

export const CountFact = z.object({ value: z.number().int().positive(), ...FactFields });
export type CountFact = z.infer<typeof CountFact>;

export const LawLevel = z.enum([
  '宪法',
  '法律',
  '行政法规',
  '监察法规',
  '部门规章',
  '地方性法规',
  '地方政府规章',
  '规范性文件',
  '党内法规',
  '司法解释',
  '其他',
]);
export type LawLevel = z.infer<typeof LawLevel>;

/** 修改决定: a version that exists only as an amending decision, without a consolidated text. */
export const VersionKind = z.enum(['制定', '修正', '修订', '修改决定']);
export type VersionKind = z.infer<typeof VersionKind>;

/** Version ids: the date the version is known by ("2010-04-29"), or a year with a suffix when no date is known. */
export const VersionId = z
  .string()
  .regex(/^\d{4}(?:-\d{2}-\d{2})?(?:-[a-z0-9]+)*$/, '版本标识应为 YYYY-MM-DD 或 YYYY[-后缀]');

export const LawVersion = z
  .object({
    id: VersionId,
    kind: VersionKind,
    /** A title this version carried, when it differs from the law's current title. */
    title: z.string().min(1).optional(),
    /** 通过 (adopted by the NPC/NPCSC or a State Council executive meeting). */
    adopted: DateFact.optional(),
    /** 公布/发布, when it differs from adoption or adoption is unknown. */
    promulgated: DateFact.optional(),
    promulgatedBy: OrderFact.optional(),
    /** The amending instrument, e.g. 《关于修改部分法律的决定》. */
    amendedBy: z.object({ title: z.string().min(1), ...FactFields }).optional(),
    effective: DateFact.optional(),
    articleCount: CountFact.optional(),
    /** Path relative to the registry folder: texts/<lawId>/<versionId>.json. */
    textFile: z
      .string()
      .regex(/^texts\/[a-z0-9-]+\/[0-9a-z-]+\.json$/, '正文文件路径应为 texts/<法规标识>/<版本标识>.json')
      .optional(),
    ...FactFields,
  })
  .refine((v) => v.adopted !== undefined || v.promulgated !== undefined || v.note !== undefined, {
    message: '版本至少要有通过日期、公布日期或说明日期未知的 note',
  });
export type LawVersion = z.infer<typeof LawVersion>;

export const LawStatusValue = z.enum(['现行有效', '已修改', '已废止', '尚未生效', '未知']);
export type LawStatusValue = z.infer<typeof LawStatusValue>;

export const LawStatus = z.object({
  status: LawStatusValue,
  /** The date the status is claimed for. */
  asOf: IsoDate,
  /** Law id (or title, when not in the registry) of what replaced it. */
  replacedBy: z.string().min(1).optional(),
  repealed: DateFact.optional(),
  ...FactFields,
});
export type LawStatus = z.infer<typeof LawStatus>;

const ArticleRefString = z.string().refine((s) => parseArticleRef(s) !== undefined, {
  message: '不是可解析的条款引用（如 第二十三条第三款）',
});

/**
 * same: text unchanged but for punctuation and whitespace; amended: same provision, wording
 * changed; rewritten: same subject, substantially rewritten; split: parts went to several
 * articles (`new` holds the main one, `also` the rest); merged: joined with other provisions
 * in `new`; removed: no counterpart.
 */
export const ArticleChange = z.enum(['same', 'amended', 'rewritten', 'split', 'merged', 'removed']);
export type ArticleChange = z.infer<typeof ArticleChange>;

export const ArticleMapping = z
  .object({
    old: ArticleRefString,
    new: ArticleRefString.optional(),
    also: z.array(ArticleRefString).optional(),
    change: ArticleChange,
    ...FactFields,
  })
  .refine((m) => (m.change === 'removed') === (m.new === undefined), {
    message: 'change 为 removed 时不得有 new，其他情况必须有 new',
    path: ['new'],
  });
export type ArticleMapping = z.infer<typeof ArticleMapping>;

export const AddedArticle = z.object({ article: ArticleRefString, ...FactFields });
export type AddedArticle = z.infer<typeof AddedArticle>;

/** How articles moved from one version to the next one. */
export const Renumbering = z.object({
  from: VersionId,
  to: VersionId,
  /** Every article kept its number (an amendment that changed no numbering). */
  identity: z.boolean().optional(),
  /** Every article of `from` has an entry in `map` at article level. */
  complete: z.boolean().optional(),
  map: z.array(ArticleMapping),
  /** Articles of `to` with no counterpart in `from`. */
  added: z.array(AddedArticle).optional(),
  ...FactFields,
});
export type Renumbering = z.infer<typeof Renumbering>;

/** A provision a later version dropped, with the power it had enabled (a licence abolished, say). */
export const RemovedProvision = z.object({
  version: VersionId,
  removedIn: VersionId,
  article: ArticleRefString,
  enabledPower: z.string().min(1),
  ...FactFields,
});
export type RemovedProvision = z.infer<typeof RemovedProvision>;

export const LawId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, '法规标识应为小写拼音加连字符');

export const Law = z
  .object({
    id: LawId,
    /** Full official title of the current version. */
    title: z.string().min(1),
    /** Short names and variants lists use: 行政处罚法, 保密法 … */
    aliases: z.array(z.string().min(1)),
    issuingBody: z.string().min(1),
    level: LawLevel,
    versions: z.array(LawVersion).min(1),
    status: LawStatus,
    renumbering: z.array(Renumbering).default([]),
    removedProvisions: z.array(RemovedProvision).default([]),
    notes: z.array(z.string().min(1)).optional(),
    /** Source and check of title, issuing body and level. */
    ...FactFields,
  })
  .superRefine((law, ctx) => {
    const ids = law.versions.map((v) => v.id);
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) ctx.addIssue({ code: 'custom', message: `版本标识重复：${id}`, path: ['versions', index, 'id'] });
    });
    const sorted = [...ids].sort();
    if (sorted.join() !== ids.join()) {
      ctx.addIssue({ code: 'custom', message: '版本应按时间先后排列', path: ['versions'] });
    }
    law.renumbering.forEach((r, index) => {
      const from = ids.indexOf(r.from);
      const to = ids.indexOf(r.to);
      if (from < 0) ctx.addIssue({ code: 'custom', message: `未知版本：${r.from}`, path: ['renumbering', index, 'from'] });
      if (to < 0) ctx.addIssue({ code: 'custom', message: `未知版本：${r.to}`, path: ['renumbering', index, 'to'] });
      if (from >= 0 && to >= 0 && to !== from + 1) {
        ctx.addIssue({ code: 'custom', message: '条文对应只能记在相邻两个版本之间', path: ['renumbering', index] });
      }
    });
    law.removedProvisions.forEach((p, index) => {
      for (const key of ['version', 'removedIn'] as const) {
        if (!ids.includes(p[key])) {
          ctx.addIssue({ code: 'custom', message: `未知版本：${p[key]}`, path: ['removedProvisions', index, key] });
        }
      }
    });
    if (law.status.replacedBy === law.id) {
      ctx.addIssue({ code: 'custom', message: '不能被自身取代', path: ['status', 'replacedBy'] });
    }
  });
export type Law = z.infer<typeof Law>;
export type LawInput = z.input<typeof Law>;

/** A title seen in lists that is not a law in the registry, and why. */
export const UnresolvedTitle = z.object({
  title: z.string().min(1),
  /** document: a form or 文书 name; truncated: cut off in the source; unknown-law: a law not (yet) in the registry. */
  kind: z.enum(['document', 'truncated', 'unknown-law']),
  reason: z.string().min(1),
  /** Law ids a truncated title may stand for. */
  candidates: z.array(LawId).optional(),
  seenIn: z.array(z.string().min(1)).min(1),
});
export type UnresolvedTitle = z.infer<typeof UnresolvedTitle>;

export const UnresolvedTitles = z.object({ titles: z.array(UnresolvedTitle) });
export type UnresolvedTitles = z.infer<typeof UnresolvedTitles>;

export const LawParagraphSchema = z.object({ text: z.string(), items: z.array(z.string()).optional() });

export const LawArticleSchema = z.object({
  number: z.number().int().positive(),
  sub: z.number().int().positive().optional(),
  label: z.string().min(1),
  chapter: z.string().optional(),
  section: z.string().optional(),
  paragraphs: z.array(LawParagraphSchema),
});

/** data/laws/texts/<lawId>/<versionId>.json: one version's text split into articles. */
export const LawTextFile = z.object({
  lawId: LawId,
  versionId: VersionId,
  /** Where the text came from (the reference file's source line, or what `quanze law add` was given). */
  source: z.string().min(1),
  /** Of the text as parsed, after any `edits`. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  title: z.string().optional(),
  preamble: z.array(z.string()),
  articleCount: z.number().int().nonnegative(),
  articles: z.array(LawArticleSchema),
  residue: z.array(z.object({ line: z.number().int().positive(), text: z.string(), reason: z.string() })),
  /** Changes made to the input before parsing (a transcriber's note removed, say). */
  edits: z.array(z.object({ line: z.number().int().positive(), text: z.string(), reason: z.string() })).optional(),
});
export type LawTextFile = z.infer<typeof LawTextFile>;
