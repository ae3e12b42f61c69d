import { describe, expect, it, vi } from 'vitest';
import { repeatedSample } from '../../bench/large-list.js';
import { slowPdf } from '../formats/helpers/pdf-bomb.js';
import { siteApp, signIn } from './helpers.js';

const TOKEN = 'pacing-token-0123456789abcdef';
/** 1.5 MB, 190 items: ten copies of the largest sample, a version of its department's list. */
const LARGE = repeatedSample(10);
const DEPARTMENT = '自治区密码管理局';

/**
 * Starts `publish`, and `read` at the event loop's next turn, once the publish is under way;
 * says which answer came first. Publishing used to run as one piece from start to finish, so
 * a request made meanwhile waited for it.
 */
async function race(publish: () => Response | Promise<Response>, read: () => Response | Promise<Response>) {
  const order: string[] = [];
  const published = Promise.resolve(publish()).then((res) => {
    order.push('publish');
    return res;
  });
  const answered = new Promise((resolve) => setImmediate(resolve))
    .then(read)
    .then((res) => {
      order.push('read');
      return res;
    });
  const [publishRes, readRes] = await Promise.all([published, answered]);
  return { order, publishRes, readRes };
}

describe('a site publishing a large list', () => {
  it('answers GET /api/lists before POST /api/lists has finished, with the lists as they stood', async () => {
    const { app, store } = await siteApp({ adminToken: TOKEN });
    const before = (await store.listLists()).find((list) => list.department === DEPARTMENT);
    const { order, publishRes, readRes } = await race(
      () => app.request('/api/lists?name=large.txt', { method: 'POST', body: LARGE, headers: { Authorization: `Bearer ${TOKEN}` } }),
      () => app.request('/api/lists'),
    );
    expect(order).toEqual(['read', 'publish']);
    expect(readRes.status).toBe(200);
    const lists = (await readRes.json()) as { items: { department: string; versionNo: number }[] };
    expect(lists.items.find((list) => list.department === DEPARTMENT)?.versionNo).toBe(before?.versionNo);
    expect(publishRes.status).toBe(201);
    expect(await publishRes.json()).toMatchObject({ status: 'new-version', versionNo: (before?.versionNo ?? 0) + 1, items: 190, auditFindings: { error: expect.any(Number) } });
  });

  it('answers the home page before the 上传清单 form\'s post has finished', async () => {
    const { app } = await siteApp({ adminToken: TOKEN });
    const { cookie, formToken } = await signIn(app, TOKEN);
    const upload = () => {
      const form = new FormData();
      form.append('_csrf', formToken);
      form.append('file', new File([LARGE], 'large.txt'));
      return app.request('/upload', { method: 'POST', body: form, headers: { Cookie: cookie } });
    };
    const { order, publishRes, readRes } = await race(upload, () => app.request('/'));
    expect(order).toEqual(['read', 'publish']);
    expect(readRes.status).toBe(200);
    expect(await readRes.text()).toContain(DEPARTMENT);
    expect(publishRes.status).toBe(201);
    expect(await publishRes.text()).toContain('<h1>已导入为新版本</h1>');
  });

  it('answers GET /api/lists while a PDF slow to read is being published, then refuses the PDF at its deadline', async () => {
    const { app } = await siteApp({ adminToken: TOKEN });
    // PDFs are read on their own thread; a 1 s deadline against some 10 s for this one.
    vi.stubEnv('QUANZE_READ_TIMEOUT', '1');
    try {
      const { order, publishRes, readRes } = await race(
        () => app.request('/api/lists?name=slow.pdf', { method: 'POST', body: slowPdf(), headers: { Authorization: `Bearer ${TOKEN}` } }),
        () => app.request('/api/lists'),
      );
      expect(order).toEqual(['read', 'publish']);
      expect(readRes.status).toBe(200);
      expect(publishRes.status).toBe(422);
      expect(await publishRes.json()).toMatchObject({ type: 'urn:quanze:problem:unreadable-file', detail: expect.stringMatching(/^slow\.pdf：读取 PDF 超过 1 秒仍未完成/) });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
