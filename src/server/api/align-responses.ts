import { z } from 'zod';
import type * as align from '../../align/index.js';

/**
 * The compare and version-diff answers as zod schemas, for the OpenAPI document and the
 * HTTP tests; a compile-time check below ties them to src/align's types.
 */

export const Segment = z.object({
  op: z.enum(['equal', 'delete', 'insert']).describe('equal 未变，delete 删去，insert 加入'),
  text: z.string(),
});

const EntryRef = z.object({
  list: z.number().int().nonnegative().describe('第几份清单（从 0 起，按请求中的顺序）'),
  kind: z.enum(['item', 'sheet']).describe('item 为事项，sheet 为流程图'),
  index: z.number().int().nonnegative().describe('在该清单事项（或流程图）中的位置，从 0 起'),
});

const EntryInfo = z.object({
  ref: EntryRef,
  seq: z.string().nullable(),
  label: z.string().describe('事项名称（有子项时以“——”接子项）'),
  type: z.string().describe('权力类型；未识别时为原文'),
});

const ListInfo = z.object({
  index: z.number().int().nonnegative(),
  label: z.string(),
  file: z.string(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  level: z.string().nullable(),
  items: z.number().int().nonnegative(),
  sheets: z.number().int().nonnegative(),
});

const Reason = z.object({
  component: z.enum(['name', 'action', 'type', 'basis', 'code']),
  value: z.number().min(0).max(1),
  weight: z.number(),
  message: z.string(),
});

const Side = z.enum(['left', 'right']);

const Inconsistency = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('type'), left: z.string(), right: z.string(), message: z.string() }),
  z.object({ kind: z.literal('name'), left: z.string(), right: z.string(), segments: z.array(Segment), message: z.string() }),
  z.object({ kind: z.literal('law-missing'), side: Side, laws: z.array(z.string()), message: z.string() }),
  z.object({ kind: z.literal('articles'), law: z.string(), left: z.array(z.number()), right: z.array(z.number()), message: z.string() }),
  z.object({
    kind: z.literal('version'),
    law: z.string(),
    left: z.string(),
    right: z.string(),
    outdated: Side.optional(),
    certain: z.boolean(),
    message: z.string(),
  }),
  z.object({ kind: z.literal('duties-missing'), side: Side, duties: z.array(z.string()), truncated: z.boolean(), message: z.string() }),
]);

const AlignedPair = z.object({
  left: EntryInfo,
  right: EntryInfo,
  score: z.number().min(0).max(1),
  reasons: z.array(Reason),
  inconsistencies: z.array(Inconsistency),
});

const Comparison = z.object({
  left: z.number().int().nonnegative(),
  right: z.number().int().nonnegative(),
  pairs: z.array(AlignedPair),
  unmatchedLeft: z.array(EntryInfo),
  unmatchedRight: z.array(EntryInfo),
  candidates: z.number().int().nonnegative(),
});

export const Alignment = z.object({
  lists: z.array(ListInfo),
  comparisons: z.array(Comparison).describe('每两份清单一组比对'),
  groups: z.array(z.object({ members: z.array(z.array(EntryInfo)).describe('按清单排列，各清单中表示同一权力的条目') })).describe('跨全部清单的同一权力'),
  minScore: z.number(),
});

const DiffItemRef = z.object({
  kind: z.enum(['item', 'sheet']),
  index: z.number().int().nonnegative(),
  seq: z.string().nullable(),
  name: z.string(),
  type: z.string(),
});

const FieldChange = z.object({
  field: z.string(),
  label: z.string(),
  change: z.enum(['added', 'removed', 'modified']),
  before: z.string(),
  after: z.string(),
  segments: z.array(Segment),
});

const DiffEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('added'), new: DiffItemRef }),
  z.object({ kind: z.literal('removed'), old: DiffItemRef }),
  z.object({ kind: z.literal('kept'), old: DiffItemRef, new: DiffItemRef, renamed: z.boolean(), moved: z.boolean(), changes: z.array(FieldChange) }),
]);

const count = z.number().int().nonnegative();
const DiffSide = z.object({ label: z.string(), items: count, sheets: count });

export const ListDiff = z.object({
  old: DiffSide,
  new: DiffSide,
  entries: z.array(DiffEntry).describe('按新版本的顺序；删除的条目排在它在旧版本中的位置'),
  counts: z.object({ added: count, removed: count, renamed: count, moved: count, changed: count, unchanged: count }),
});

/** Compile-time proof that the schemas describe exactly what src/align returns. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const ALIGN_SCHEMAS_MATCH: [Same<z.output<typeof Alignment>, align.Alignment>, Same<z.output<typeof ListDiff>, align.ListDiff>] = [true, true];
