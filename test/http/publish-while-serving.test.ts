import { describe, expect, it } from 'vitest';
import { repeatedSample } from '../../bench/large-list.js';
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
});
