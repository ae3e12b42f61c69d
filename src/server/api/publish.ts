import { Hono } from 'hono';
import { z } from 'zod';
import type { AuditOptions } from '../../audit/index.js';
import { isImportError } from '../../ingest/index.js';
import { SourceFormat } from '../../model/index.js';
import { HttpProblem, parseRequest } from '../../problem/index.js';
import { type ListWriter, type Published, publishFile } from '../../publish/index.js';
import { FileName, visibleText } from '../../workflow/index.js';

export const PublishQuery = z.object({
  name: FileName.describe('文件名，如“权责清单.xlsx”：记为清单的来源文件（格式按内容识别，不看扩展名）'),
  list: visibleText(500).optional().describe('作为哪份清单的新版本：清单键（ListSummary.key），没有该键的清单则以它新建；不填则按实施部门归入已有清单，没有则新建'),
  from: SourceFormat.optional().describe('按此格式读取，跳过自动识别'),
});

const Counts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() });

/** What POST /api/lists answers: the import's outcome and what the import and the audit found. */
export const PublishResult = z.object({
  status: z.enum(['created', 'new-version', 'unchanged']).describe('created 新清单；new-version 已有清单的新版本；unchanged 内容与已有版本相同，未导入'),
  key: z.string(),
  listId: z.string(),
  versionId: z.string(),
  versionNo: z.number().int(),
  items: z.number().int(),
  title: z.string().nullable(),
  department: z.string().nullable(),
  importFindings: Counts.describe('导入时（读取和单元格解析）的发现，按严重程度'),
  auditFindings: Counts.nullable().describe('该版本的核查发现，按严重程度；法规库不可用、核查失败，或内容未变且已核查过时为 null（内容未变但从未核查的版本此时核查）'),
  auditError: z.string().nullable().describe('清单已导入但核查失败的原因（该版本暂为未核查，再次上传同一文件即重新核查）；没有失败为 null'),
});

export function publishResult(published: Published): z.output<typeof PublishResult> {
  const { status, key, listId, versionId, versionNo, items } = published.outcome;
  const { title, department, importFindings, auditFindings, auditError } = published;
  return { status, key, listId, versionId, versionNo, items, title, department, importFindings, auditFindings, auditError };
}

export interface ApiPublishOptions {
  lists: ListWriter;
  /** The law library and today's date the new version is audited with; undefined when the library could not be read. */
  audit: () => AuditOptions | undefined;
  /** The largest file taken (the site's guard bounds the body before it is read). */
  maxBytes: number;
}

/**
 * POST /api/lists: the file itself is the body (any content type); the administrator's
 * token is checked by the site's guard before the body is read. The same publishFile as
 * the portal's 上传清单.
 */
export function apiPublishRoutes(options: ApiPublishOptions): Hono {
  const api = new Hono();
  api.post('/lists', async (c) => {
    const query = parseRequest(PublishQuery, c.req.query());
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new HttpProblem('invalid-parameters', '请求体为空：请把清单文件本身作为请求体发送');
    if (bytes.length > options.maxBytes) throw new HttpProblem('payload-too-large', `清单文件不能超过 ${options.maxBytes / (1024 * 1024)} MB`);
    const audit = options.audit();
    try {
      const published = await publishFile(options.lists, query.name, bytes, {
        ...(query.list !== undefined ? { listKey: query.list } : {}),
        ...(query.from !== undefined ? { from: query.from } : {}),
        ...(audit ? { audit } : {}),
      });
      const created = published.outcome.status !== 'unchanged';
      if (created) c.header('Location', `/api/lists/${encodeURIComponent(published.outcome.listId)}`);
      c.header('Cache-Control', 'no-store');
      return c.json(publishResult(published), created ? 201 : 200);
    } catch (error) {
      if (!isImportError(error)) throw error;
      // What to do, in this API's terms: the format is the query parameter `from`.
      const advice = error.advice?.kind === 'choose-format' ? `。可用参数 from 指定格式（${error.advice.formats.join('、')}）` : '';
      throw new HttpProblem('unreadable-file', `${error.message}${advice}`);
    }
  });
  return api;
}
