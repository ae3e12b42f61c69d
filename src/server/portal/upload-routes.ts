import { type Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AuditOptions } from '../../audit/index.js';
import type { SafeHtml } from '../../html/index.js';
import { isImportError } from '../../ingest/index.js';
import { HttpProblem } from '../../problem/index.js';
import { type ListWriter, publishFile } from '../../publish/index.js';
import { FileName } from '../../workflow/index.js';
import type { StorePort } from '../store-port.js';
import type { Crumb } from '../views/layout.js';
import { uploadFormBody, uploadResultBody } from '../views/upload.js';

export interface UploadRoutesOptions {
  /** The lists offered as the list a file is a version of. */
  store: Pick<StorePort, 'listLists'>;
  /** Null when the site was started without a writable list store: uploads are then refused. */
  lists: ListWriter | null;
  /** The law library and today's date a new version is audited with; undefined when the library could not be read. */
  audit: () => AuditOptions | undefined;
  formTokenOf(c: Context): string | null;
  /** The largest file the site takes (guardWrites refuses larger posts before they are read). */
  maxBytes: number;
  page: (c: Context, title: string, body: SafeHtml, crumbs: Crumb[]) => string;
}

const UPLOADABLE = '请上传 Excel、Word、PDF、CSV、网页或文本格式的权责清单';

const CRUMBS: Crumb[] = [{ label: '首页', href: '/' }, { label: '上传清单' }];

/**
 * GET /upload, the 上传清单 form, and POST /upload, which publishes the file: imported as
 * one transaction, then audited. Both need a signed-in session; guardWrites has checked a
 * post's origin, session and form token, and its size, before it reaches here.
 */
export function uploadRoutes(options: UploadRoutesOptions): Hono {
  const routes = new Hono();
  const writer = (): ListWriter => {
    if (options.lists === null) throw new HttpProblem('not-found', '本站没有开启上传清单');
    return options.lists;
  };
  const signedIn = (c: Context): string => {
    writer();
    const formToken = options.formTokenOf(c);
    if (formToken === null) throw new HttpProblem('unauthorized', '上传清单需要先登录：请在“登录”页输入管理令牌');
    return formToken;
  };
  const showForm = async (c: Context, formToken: string, status: ContentfulStatusCode, state: { error?: string; listKey?: string } = {}) => {
    const lists = await options.store.listLists();
    const body = uploadFormBody({ formToken, lists, maxMegabytes: options.maxBytes / (1024 * 1024), ...state });
    return c.html(options.page(c, '上传清单', body, CRUMBS), status);
  };

  routes.get('/upload', async (c) => showForm(c, signedIn(c), 200));

  routes.post('/upload', async (c) => {
    const formToken = signedIn(c);
    const form = await c.req.parseBody();
    const listKey = typeof form.list === 'string' && form.list.trim() !== '' ? form.list.trim() : undefined;
    const keep = listKey === undefined ? {} : { listKey };
    const file = form.file;
    if (!(file instanceof File) || file.size === 0) return showForm(c, formToken, 400, { ...keep, error: '请选择一个不为空的清单文件' });
    // The guard bounds the whole post, the file with room for the other fields; the file itself is held to what the form says, as the API holds it.
    if (file.size > options.maxBytes) return showForm(c, formToken, 413, { ...keep, error: `清单文件不能超过 ${options.maxBytes / (1024 * 1024)} MB：请压缩或拆分后重新上传` });
    const name = FileName.safeParse(file.name);
    if (!name.success) return showForm(c, formToken, 400, { ...keep, error: `文件名不正确：${name.error.issues[0]?.message ?? ''}` });
    if (listKey !== undefined && !(await options.store.listLists()).some((list) => list.key === listKey)) {
      return showForm(c, formToken, 400, { error: '所选的清单已不存在，请重新选择' });
    }
    try {
      const audit = options.audit();
      const published = await publishFile(writer(), name.data, new Uint8Array(await file.arrayBuffer()), { ...keep, ...(audit ? { audit } : {}) });
      return c.html(options.page(c, '上传清单', uploadResultBody(name.data, published), CRUMBS), published.outcome.status === 'unchanged' ? 200 : 201);
    } catch (error) {
      // A file no reader can take changed nothing: the form again, saying why.
      if (isImportError(error)) {
        // The form has no format choice: the advice is which kinds of file to upload.
        const message = error.advice?.kind === 'choose-format' ? `${error.message}。${UPLOADABLE}` : error.message;
        return showForm(c, formToken, 422, { ...keep, error: message });
      }
      throw error;
    }
  });
  return routes;
}
