import { z } from 'zod';
import { FileResidue, Finding, Level, PowerItem, PowerType, ProcessSheet, Source } from '../../model/index.js';
import { SEARCH_FIELDS } from '../../store/index.js';
import type * as problem from '../../problem/index.js';
import type * as findings from '../findings-queries.js';
import type * as store from '../store-port.js';
import { Alignment, ListDiff } from './align-responses.js';

/**
 * Response bodies of the API as zod schemas: the OpenAPI document is generated from them
 * and the HTTP tests check every answer against them.
 */

const id = z.string().describe('编号（十进制正整数字符串）');

export const ListSummary = z.object({
  id,
  key: z.string().describe('识别同一份清单不同版本所用的键'),
  title: z.string().nullable(),
  department: z.string().nullable(),
  level: Level.nullable(),
  region: z.string().nullable(),
  itemCount: z.number().int().nonnegative(),
  countsByType: z.record(z.string(), z.number().int().nonnegative()).describe('按权力类型的事项数；未识别的类型按原文计'),
  processCount: z.number().int().nonnegative().describe('最新版本中的办理流程图份数（事项之外单独发布的流程图）'),
  versionCount: z.number().int().positive(),
  latestVersionId: id,
  versionNo: z.number().int().positive(),
  importedAt: z.string().describe('ISO 8601 时间'),
  auditedAt: z.string().nullable().describe('最新版本最近一次核查保存结果的时间（ISO 8601，核查无发现也记）；从未核查为 null'),
  findingCounts: z
    .object({ error: z.number().int().nonnegative(), warning: z.number().int().nonnegative(), info: z.number().int().nonnegative() })
    .describe('最新版本的发现项（核查与导入时的）按严重程度计数：错误、警告、提示'),
  sourceFile: z.string(),
  sha256: z.string(),
});

export const ListVersion = z.object({
  id,
  versionNo: z.number().int().positive(),
  latest: z.boolean(),
  sha256: z.string(),
  importedAt: z.string(),
  auditedAt: z.string().nullable().describe('该版本最近一次核查保存结果的时间；从未核查为 null'),
  itemCount: z.number().int().nonnegative(),
  sourceFile: z.string(),
  sourceFormat: z.string(),
});

export const ListDetail = ListSummary.extend({
  versions: z.array(ListVersion).describe('从旧到新'),
  metadata: z.object({
    schemaVersion: z.literal(1),
    source: Source,
    columns: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
    residue: z.array(FileResidue),
    processSheets: z.array(ProcessSheet),
    findings: z.array(Finding),
  }),
});

export const ItemSummary = z.object({
  id,
  listId: id,
  versionId: id,
  position: z.number().int().nonnegative(),
  seq: z.string().nullable(),
  impliedSeq: z.number().int().positive().nullable(),
  powerType: PowerType,
  name: z.string(),
  subItem: z.string().nullable(),
  subject: z.string().nullable(),
  office: z.string().nullable(),
  dutyCount: z.number().int().nonnegative(),
  provisionCount: z.number().int().nonnegative(),
});

export const ItemDetail = ItemSummary.extend({
  item: PowerItem,
  listTitle: z.string().nullable(),
  department: z.string().nullable(),
  sourceFile: z.string(),
  versionNo: z.number().int().positive(),
  latest: z.boolean(),
});

/** The API's item answer: the stored item with the findings about it. */
export const ItemWithFindings = ItemDetail.extend({ findings: z.array(Finding) });

export const SnippetSegment = z.object({ text: z.string(), hit: z.boolean() });

export const SearchHit = ItemSummary.extend({
  field: z.enum(SEARCH_FIELDS).describe('包含关键词的第一个字段'),
  snippet: z.array(SnippetSegment).describe('命中处附近的文字，hit 为 true 的片段是关键词'),
  listTitle: z.string().nullable(),
  department: z.string().nullable(),
});

function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    pageSize: z.number().int().positive(),
  });
}

export const ListsPage = page(ListSummary);
export const ItemsPage = page(ItemSummary);
export const SearchPage = page(SearchHit).extend({
  totalExact: z.boolean().describe('为 false 时命中数超过统计上限，total 是下限'),
});

const severityCounts = z.object({ error: z.number().int().nonnegative(), warning: z.number().int().nonnegative(), info: z.number().int().nonnegative() });
const origin = z.enum(['import', 'audit']).describe('import 为导入时发现，audit 为核查规则发现');
export const StoredFinding = Finding.extend({ origin });

export const ListFindings = z.object({
  listId: id,
  versionId: id,
  versionNo: z.number().int().positive(),
  audited: z.boolean().describe('这一版本是否已有核查规则保存的结果'),
  total: z.number().int().nonnegative(),
  counts: severityCounts,
  rules: z
    .array(
      z.object({
        ruleId: z.string(),
        description: z.string().nullable().describe('规则的中文说明'),
        origin,
        count: z.number().int().positive(),
        counts: severityCounts,
      }),
    )
    .describe('按规则计数，多的在前'),
  list: z.array(StoredFinding).describe('关于整份清单（不属于某个事项）的发现'),
  items: z
    .array(z.object({ itemId: id, label: z.string(), name: z.string(), counts: severityCounts, findings: z.array(StoredFinding) }))
    .describe('有发现的事项，按清单顺序；每个事项的发现按严重程度排列'),
});

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  'invalid-params': z
    .array(z.object({ name: z.string(), reason: z.string(), code: z.string().optional().describe('zod 的问题代码；流程定义等其他检查发现的问题没有') }))
    .optional(),
});

/** Schemas that get a name under components/schemas, in this order. */
export const NAMED_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  ListSummary,
  ListVersion,
  ListDetail,
  ItemSummary,
  ItemWithFindings,
  SnippetSegment,
  SearchHit,
  ListsPage,
  ItemsPage,
  SearchPage,
  Alignment,
  ListDiff,
  ListFindings,
  StoredFinding,
  PowerItem,
  ProcessSheet,
  Finding,
  Problem,
};

/** Compile-time proof that the schemas describe exactly what the store returns, and the problems the site sends. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const SCHEMAS_MATCH_STORE: [
  Same<z.output<typeof ListSummary>, store.ListSummary>,
  Same<z.output<typeof ListDetail>, store.ListDetail>,
  Same<z.output<typeof ItemSummary>, store.ItemSummary>,
  Same<z.output<typeof ItemDetail>, store.ItemDetail>,
  Same<z.output<typeof SearchPage>, store.SearchPage>,
  Same<z.output<typeof ItemsPage>, store.Page<store.ItemSummary>>,
  Same<z.output<typeof ListFindings>, findings.ListFindings>,
  Same<z.output<typeof Problem>, problem.Problem>,
] = [true, true, true, true, true, true, true, true];
