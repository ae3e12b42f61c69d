import { z } from 'zod';
import { Level, PowerTypeName, Severity } from '../../model/index.js';
import { wholeNumberParam } from '../../problem/index.js';

/** Request parameters of the API, validated by zod and described in OpenAPI from the same schemas. */

export const MAX_PAGE_SIZE = 100;

const page = wholeNumberParam(1, 100_000).default(1).describe('页码，从 1 开始');
const pageSize = wholeNumberParam(1, MAX_PAGE_SIZE).default(20).describe(`每页条数，1–${MAX_PAGE_SIZE}`);

export const PageParams = z.object({ page, pageSize });
export type PageParams = z.output<typeof PageParams>;

/** Store ids are positive integers shown as decimal strings. */
export const Id = z.string().regex(/^[1-9][0-9]{0,14}$/, '编号应为正整数').describe('编号（正整数）');

export const IdParams = z.object({ id: Id });

export const ListItemsParams = PageParams.extend({
  type: PowerTypeName.optional().describe('只看这一权力类型'),
  version: Id.optional().describe('清单版本编号；缺省为最新版本'),
});
export type ListItemsParams = z.output<typeof ListItemsParams>;

export const SearchParams = PageParams.extend({
  q: z.string().trim().min(1).max(200).describe('关键词'),
  type: PowerTypeName.optional().describe('只看这一权力类型'),
  agency: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .optional()
    .describe('部门：清单所属部门或事项的实施主体的名称或其中一部分（如“保密局”），忽略全角半角、大小写和空白的差异；承办机构不算'),
  listId: Id.optional().describe('只在这份清单中搜索'),
  level: Level.optional().describe('只看这一层级的清单'),
});
export type SearchParams = z.output<typeof SearchParams>;

export const ProcessParams = z.object({
  id: Id,
  n: wholeNumberParam(1, 10_000).describe('流程图序号，从 1 开始'),
});

export const FindingsParams = z.object({
  severity: Severity.optional().describe('只看这一级别：error 错误，warning 警告，info 提示'),
  origin: z.enum(['import', 'audit']).optional().describe('只看导入时（import）或核查规则（audit）发现的问题'),
});
export type FindingsParams = z.output<typeof FindingsParams>;
