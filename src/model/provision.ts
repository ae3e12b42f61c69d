import { z } from 'zod';

/** Level tags lists put before a title: 【法律】【行政法规】【法规】【部门规章】【规章】【规范性文件】. */
export const LevelTag = z.string();

/** A point in a law: 第X条 [第Y款] [第（Z）项], numbers already converted to integers. */
export const ArticleRef = z.object({
  article: z.number().int().positive(),
  paragraph: z.number().int().positive().optional(),
  item: z.number().int().positive().optional(),
  /** The reference exactly as written, e.g. "第二十三条第三款". */
  raw: z.string(),
});
export type ArticleRef = z.infer<typeof ArticleRef>;

/** [start, end) offsets into the cell text the provision was parsed from. */
export const TextSpan = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
export type TextSpan = z.infer<typeof TextSpan>;

/**
 * One cited provision inside a 实施依据 / 责任事项依据 / 追责依据 cell:
 * 【level】《title》（note）第X条第Y款 quoted text.
 */
export const Provision = z.object({
  /** Leading enumerator when the cell lists several ("1.", "2-1.", "1－1."). */
  label: z.string().optional(),
  /** "2.同1。": this entry's basis is that of entry 1 of the same cell; `text` keeps "同1。". */
  sameAs: z.number().int().positive().optional(),
  level: LevelTag.optional(),
  title: z.string().optional(),
  note: z.string().optional(),
  refs: z.array(ArticleRef),
  /** The provision's own text as the list quotes it. */
  text: z.string(),
  raw: z.string(),
  span: TextSpan,
});
export type Provision = z.infer<typeof Provision>;

/** Text a grammar could not place: kept, counted, reported. */
export const Residue = z.object({
  text: z.string(),
  span: TextSpan,
  reason: z.string(),
});
export type Residue = z.infer<typeof Residue>;
