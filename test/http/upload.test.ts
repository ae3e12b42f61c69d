import { Ajv } from 'ajv';
import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../src/export/index.js';
import { openLawLibrary } from '../../src/law/index.js';
import { importFile } from '../../src/ingest/index.js';
import type { ListWriter } from '../../src/publish/index.js';
import { createApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { flateSpaces, handPdf, streamObject } from '../formats/helpers/pdf-bomb.js';
import { samplePath, sampleText } from '../helpers/samples.js';
import { siteApp, signIn } from './helpers.js';

const TOKEN = 'upload-token-0123456789abcdef';
let app: Hono;
let store: Store;
let session: { cookie: string; formToken: string };

beforeAll(async () => {
  ({ app, store } = await siteApp({ adminToken: TOKEN }));
  session = await signIn(app, TOKEN);
});

/** The 上传清单 form as a browser posts it: multipart, the file in "file". */
function upload(file: File, fields: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const form = new FormData();
  form.append('_csrf', session.formToken);
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  form.append('file', file);
  return app.request('/upload', { method: 'POST', body: form, headers: { Cookie: session.cookie, ...headers } });
}

const listOf = async (department: string) => (await store.listLists()).find((list) => list.department === department);

describe('上传清单', () => {
  it('is offered to a signed-in user in the header, and is a form with a file input and the lists to add a version to', async () => {
    const home = await (await app.request('/', { headers: { Cookie: session.cookie } })).text();
    expect(home).toContain('<a href="/upload">上传清单</a>');
    const res = await app.request('/upload', { headers: { Cookie: session.cookie } });
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('<form class="login upload" method="post" action="/upload" enctype="multipart/form-data">');
    expect(page).toMatch(/<input id="upload-file" name="file" type="file" required accept="[^"]*\.xlsx/);
    const lists = await store.listLists();
    for (const list of lists) expect(page).toContain(`<option value="${list.key}">`);
  });

  it('is refused to anyone not signed in, and the public header does not offer it', async () => {
    expect((await app.request('/upload')).status).toBe(401);
    const form = new FormData();
    form.append('file', new File([sampleText('liangzhou')], 'x.txt'));
    expect((await app.request('/upload', { method: 'POST', body: form })).status).toBe(401);
    expect(await (await app.request('/')).text()).not.toContain('href="/upload"');
  });

  it('refuses a post from another site even with the session cookie', async () => {
    const before = (await store.listLists()).length;
    const res = await upload(new File([sampleText('liangzhou').replace('网络安全', '网络')], 'x.txt'), {}, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect((await store.listLists()).length).toBe(before);
  });

  it('publishes a changed file as a new version of its department\'s list, audited, with links to it', async () => {
    const before = await listOf('中共凉州区委网络安全和信息化办公室（区互联网信息办公室）');
    const changed = sampleText('liangzhou').replace('对不履行法定网络安全保护义务的处罚', '对不履行网络安全保护义务的处罚');
    expect(changed).not.toBe(sampleText('liangzhou'));
    const res = await upload(new File([changed], '凉州区权责清单（2026年版）.md'));
    expect(res.status).toBe(201);
    const page = await res.text();
    const after = await listOf('中共凉州区委网络安全和信息化办公室（区互联网信息办公室）');
    expect(after?.id).toBe(before?.id);
    expect(after?.versionNo).toBe((before?.versionNo ?? 0) + 1);
    expect(after?.auditedAt).not.toBeNull();
    expect(page).toContain('<h1>已导入为新版本</h1>');
    expect(page).toContain(`凉州区权责清单（2026年版）.md：中共凉州区委网络安全和信息化办公室（区互联网信息办公室），第 ${after?.versionNo} 版，14 项事项。`);
    expect(page).toMatch(/核查发现：错误 \d+ 条，警告 \d+ 条，提示 \d+ 条。/);
    expect(page).toContain(`<a href="/lists/${after?.id}/report">查看核查报告</a>`);
    const findings = await store.getFindings({ versionId: after?.latestVersionId });
    expect(findings.some((f) => !f.ruleId.startsWith('ingest/') && !f.ruleId.startsWith('parse/'))).toBe(true);
    // The public list page shows the new version's name.
    expect(await (await app.request(`/lists/${after?.id}`)).text()).toContain('对不履行网络安全保护义务的处罚');
  });

  it('takes a workbook, and a file the store already holds is not imported again', async () => {
    const list = await importFile(samplePath('liuzhou'));
    const xlsx = await writeXlsx(list);
    const first = await upload(new File([xlsx], '柳州.xlsx'));
    expect(first.status).toBe(201);
    expect(await first.text()).toContain('<h1>已导入为新版本</h1>');
    const again = await upload(new File([xlsx], '柳州.xlsx'));
    expect(again.status).toBe(200);
    const page = await again.text();
    expect(page).toContain('<h1>内容与已有版本完全相同，未重复导入</h1>');
    expect(page).not.toContain('核查发现');
  });

  it('adds a version to the list chosen, not the one its department names', async () => {
    const target = await listOf('自治区国家保密局');
    const other = sampleText('mima').replace('自治区密码管理局', '自治区商用密码管理办公室');
    const res = await upload(new File([other], 'other.txt'), { list: target?.key ?? '' });
    expect(res.status).toBe(201);
    const lists = await store.listLists();
    expect(lists.find((list) => list.id === target?.id)?.versionNo).toBe((target?.versionNo ?? 0) + 1);
    // Not a new list of the department the file names.
    expect(lists).toHaveLength(5);
    const gone = await upload(new File([other], 'other.txt'), { list: 'no-such-list' });
    expect(gone.status).toBe(400);
    expect(await gone.text()).toContain('所选的清单已不存在');
  });

  it('shows the form again with the reader\'s error for a file no reader takes, and stores nothing', async () => {
    const before = await store.listLists();
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    const res = await upload(new File([bytes], '<img src=x onerror=alert(1)>.bin'));
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain('<p class="field-error" id="upload-file-error">');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;.bin：无法识别文件格式：不是已知的清单表格或流程图文本。请上传 Excel、Word、PDF、CSV、网页或文本格式的权责清单');
    expect(page).not.toContain('<img src=x');
    expect(await store.listLists()).toEqual(before);
    const empty = await upload(new File([], 'empty.txt'));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('请选择一个不为空的清单文件');
    // Past the 10 MB the form names, by less than the room the guard leaves the post's other fields: refused as the API refuses it.
    const big = await upload(new File([sampleText('liangzhou').padEnd(10 * 1024 * 1024 + 1, ' ')], 'big.txt'));
    expect(big.status).toBe(413);
    expect(await big.text()).toContain('清单文件不能超过 10 MB');
    expect(await store.listLists()).toEqual(before);
  });
});

describe('an audit that fails after the import committed', () => {
  it('says the version is stored but unaudited, and publishing the same file again audits it', async () => {
    const { store: lists, cases } = await siteApp();
    let failures = 1;
    // The store's write lock held elsewhere past its wait, a full disk: the findings cannot be saved once.
    const flaky: ListWriter = {
      ...pick(lists),
      saveFindings: async (id, findings) => {
        if (failures-- > 0) throw new Error('保存发现项失败，数据库未作任何改动：database is locked');
        return lists.saveFindings(id, findings);
      },
    };
    const site = createApp({ store: lists, cases, adminToken: TOKEN, publish: { lists: flaky, library: await openLawLibrary() } });
    const changed = sampleText('liuzhou').replace('柳州市国家保密局权责清单', '柳州市国家保密局权责清单（2026年）');
    const post = () => site.request('/api/lists?name=liuzhou.txt', { method: 'POST', body: changed, headers: { Authorization: `Bearer ${TOKEN}` } });
    const first = await post();
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { listId: string; auditFindings: unknown; auditError: string };
    expect(stored).toMatchObject({ status: 'new-version', auditFindings: null, auditError: expect.stringContaining('database is locked') });
    expect((await lists.getList(stored.listId))?.auditedAt).toBeNull();
    const again = await post();
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged', auditFindings: { error: expect.any(Number) }, auditError: null });
    expect((await lists.getList(stored.listId))?.auditedAt).not.toBeNull();
    // Audited now: a third time changes nothing.
    expect(await (await post()).json()).toMatchObject({ status: 'unchanged', auditFindings: null, auditError: null });
  });

  it('the portal says so on the result page, in Chinese, with the version stored', async () => {
    const { store: lists, cases } = await siteApp();
    const flaky: ListWriter = { ...pick(lists), saveFindings: async () => Promise.reject(new Error('保存发现项失败：<磁盘已满>')) };
    const site = createApp({ store: lists, cases, adminToken: TOKEN, publish: { lists: flaky, library: await openLawLibrary() } });
    const { cookie, formToken } = await signIn(site, TOKEN);
    const form = new FormData();
    form.append('_csrf', formToken);
    form.append('file', new File([sampleText('liuzhou').replace('柳州市国家保密局权责清单', '柳州市国家保密局权责清单（修订）')], 'liuzhou.txt'));
    const res = await site.request('/upload', { method: 'POST', body: form, headers: { Cookie: cookie } });
    expect(res.status).toBe(201);
    const page = await res.text();
    expect(page).toContain('<h1>已导入为新版本</h1>');
    expect(page).toContain('已导入，但核查未完成：保存发现项失败：&lt;磁盘已满&gt;。再次上传同一文件即可重新核查。');
  });
});

/** A list store's reads and import, to put beside a saveFindings that fails. */
function pick(store: Store): Omit<ListWriter, 'saveFindings'> {
  return { importList: (l, o) => store.importList(l, o), getList: (id) => store.getList(id), getPowerList: (id) => store.getPowerList(id) };
}

describe('a site whose list store cannot be written', () => {
  it('does not take uploads', async () => {
    const { store: readOnly, cases, imported } = await siteApp();
    void imported;
    const site = createApp({ store: readOnly, cases, adminToken: TOKEN });
    const { cookie } = await signIn(site, TOKEN);
    expect((await site.request('/upload', { headers: { Cookie: cookie } })).status).toBe(404);
  });
});

describe('POST /api/lists', () => {
  const post = (body: string | Uint8Array, query: string, token: string | null = TOKEN) =>
    app.request(`/api/lists?${query}`, { method: 'POST', body, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/octet-stream' } });

  it('needs the token, and reads nothing without it', async () => {
    const before = await store.listLists();
    expect((await post(sampleText('liangzhou'), 'name=x.md', null)).status).toBe(401);
    expect((await post(sampleText('liangzhou'), 'name=x.md', 'wrong-token-0123456789abcdef')).status).toBe(401);
    expect(await store.listLists()).toEqual(before);
  });

  it('publishes the body as a new version, audited, answering 201 with Location and what was found', async () => {
    const before = await listOf('柳州市国家保密局');
    const changed = sampleText('liuzhou').replace('柳州市国家保密局权责清单', '柳州市国家保密局权责清单（2026年）');
    const res = await post(changed, `name=${encodeURIComponent('柳州市权责清单.txt')}`);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('location')).toBe(`/api/lists/${before?.id}`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 'new-version', listId: before?.id, versionNo: (before?.versionNo ?? 0) + 1, items: 7, department: '柳州市国家保密局', title: '柳州市国家保密局权责清单（2026年）' });
    expect(body.auditFindings).toEqual({ error: expect.any(Number), warning: expect.any(Number), info: expect.any(Number) });
    const detail = (await (await app.request(`/api/lists/${before?.id}`)).json()) as { versions: { sourceFile: string }[] };
    expect(detail.versions.map((v) => v.sourceFile)).toContain('柳州市权责清单.txt');
    // The answer is the one the OpenAPI document describes.
    const document = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>> };
    const schema = document.paths['/api/lists']?.post?.responses['201']?.content['application/json']?.schema;
    expect(schema).toBeDefined();
    const ajv = new Ajv({ strict: false });
    expect(ajv.validate(schema as object, body), JSON.stringify(ajv.errors)).toBe(true);
    // Again: the store has it, nothing is imported or audited.
    const again = await post(changed, 'name=again.txt');
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ status: 'unchanged', versionNo: (before?.versionNo ?? 0) + 1, auditFindings: null });
  });

  it('refuses what it cannot take with problem+json, storing nothing', async () => {
    const before = await store.listLists();
    const cases: [string | Uint8Array, string, number, string][] = [
      [new Uint8Array(2048).map((_, i) => (i * 7919) % 256), 'name=x.bin', 422, 'x.bin：无法识别文件格式：不是已知的清单表格或流程图文本。可用参数 from 指定格式（markdown-table、'],
      [sampleText('liangzhou'), '', 400, 'name'],
      [sampleText('liangzhou'), 'name=..', 400, 'name'],
      [sampleText('liangzhou'), 'name=x.md&from=yaml', 400, 'from'],
      // A list key that displays as nothing (a zero-width space) would name a list no one can see.
      [sampleText('liangzhou'), 'name=x.md&list=%E2%80%8B', 400, '不能包含控制字符或不可见的格式字符'],
      ['', 'name=x.md', 400, '请求体为空'],
      [new Uint8Array(10 * 1024 * 1024 + 1), 'name=big.txt', 413, '10 MB'],
    ];
    for (const [body, query, status, says] of cases) {
      const res = await post(body, query);
      expect(res.status, query).toBe(status);
      expect(res.headers.get('content-type'), query).toMatch(/^application\/problem\+json/);
      const problem = JSON.stringify(await res.json());
      expect(problem, query).toContain(says);
      // The API's parameter, not the CLI's option.
      expect(problem, query).not.toContain('--');
    }
    expect(await store.listLists()).toEqual(before);
  });

  it('refuses a PDF whose content stream inflates past the budget with 422 unreadable-file, before pdf.js reads it, storing nothing', async () => {
    const before = await store.listLists();
    const bomb = handPdf([streamObject('/Filter /FlateDecode', await flateSpaces(80))]);
    const res = await post(bomb, `name=${encodeURIComponent('清单.pdf')}`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ type: 'urn:quanze:problem:unreadable-file', status: 422, detail: expect.stringMatching(/^清单\.pdf：PDF 中的压缩数据解开后超过 64 MB.*压缩炸弹/) });
    expect(await store.listLists()).toEqual(before);
  });

  it('is a 405 where the site takes no uploads, and is not in that site\'s OpenAPI document', async () => {
    const { store: readOnly, cases } = await siteApp();
    const site = createApp({ store: readOnly, cases, adminToken: TOKEN });
    const res = await site.request('/api/lists?name=x.md', { method: 'POST', body: sampleText('liangzhou'), headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(res.status).toBe(405);
    const document = (await (await site.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    expect(document.paths['/api/lists']?.post).toBeUndefined();
  });
});
