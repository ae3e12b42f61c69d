import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { createApp } from '../../src/server/index.js';
import type { Store } from '../../src/store/index.js';
import { FORM_FIELDS_BYTES } from '../../src/server/http/write-guard.js';
import { type CaseStore, MAX_DOCUMENT_BASE64, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_JSON, openCaseStore } from '../../src/workflow/index.js';
import { samplePath } from '../helpers/samples.js';
import { movableClock, testCalendar } from '../workflow/helpers.js';
import { formPost, signIn, storeWith } from './helpers.js';

const TOKEN = 'documents-token-0123456789abcdef';
const clock = movableClock('2025-05-06');
/** A real file to upload: the 001 sample list as published. */
const CONTENT = readFileSync(samplePath('baomi'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let store: Store;
let cases: CaseStore;
let app: Hono;
let item: string;
let session: { cookie: string; formToken: string };

beforeAll(async () => {
  ({ store } = await storeWith([await importFile(samplePath('baomi'))]));
  cases = await openCaseStore(':memory:', { calendar: await testCalendar(), clock });
  app = createApp({ store, cases, clock, adminToken: TOKEN });
  item = (await store.listItems({ pageSize: 1 })).items[0]?.id as string;
  session = await signIn(app, TOKEN);
});
afterAll(async () => {
  await cases?.disconnect();
  await store?.close();
});

async function openCase(): Promise<string> {
  const res = await formPost(app, '/cases', { _csrf: session.formToken, itemId: item }, { Cookie: session.cookie });
  expect(res.status).toBe(303);
  return /^\/cases\/([\d-]+)/.exec(res.headers.get('location') ?? '')?.[1] ?? '';
}

/** The 登记文书 form as a browser posts it: multipart, the file in "file" (none when `file` is null). */
function upload(id: string, fields: Record<string, string>, file: File | null, headers: Record<string, string> = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  // A browser sends the file field even when nothing was chosen: an empty part with an empty name.
  form.append('file', file ?? new File([], ''));
  return app.request(`/cases/${id}/documents`, { method: 'POST', body: form, headers: { Cookie: session.cookie, ...headers } });
}

const documents = async (id: string) => (await cases.getCase(id))?.state.documents ?? [];
const events = async (id: string) => (await cases.caseEvents(id)).map((e) => [e.kind, JSON.parse(e.data)]);

describe('the 登记文书 form', () => {
  it('is a multipart form with a file input, which needs no script', async () => {
    const id = await openCase();
    const page = await (await app.request(`/cases/${id}`, { headers: { Cookie: session.cookie } })).text();
    expect(page).toContain(`<form class="case-action" id="documents-form" method="post" action="/cases/${id}/documents" enctype="multipart/form-data">`);
    expect(page).toContain('<label for="documents-file">文件（选填）</label><input type="file" id="documents-file" name="file">');
    expect(page).toContain('不超过 10 MB；文件本身不保存，只记录文件名、大小和 SHA-256 摘要');
  });

  it('records the file’s SHA-256 and size, the same event the API writes for its content in base64', async () => {
    const id = await openCase();
    const res = await upload(id, { _csrf: session.formToken, name: '受理通知书', on: '2025-05-06' }, new File([CONTENT], '受理通知书.txt', { type: 'text/plain' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/cases/${id}?done=documents`);
    expect(await documents(id)).toMatchObject([{ name: '受理通知书', fileName: '受理通知书.txt', sha256: sha256(CONTENT), bytes: CONTENT.length }]);
    expect(sha256(CONTENT)).toBe(createHash('sha256').update(readFileSync(samplePath('baomi'))).digest('hex'));

    const twin = await openCase();
    const api = await app.request(`/api/cases/${twin}/documents`, {
      method: 'POST',
      body: JSON.stringify({ name: '受理通知书', on: '2025-05-06', fileName: '受理通知书.txt', contentBase64: CONTENT.toString('base64') }),
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
    });
    expect(api.status).toBe(200);
    expect(await events(id)).toEqual(await events(twin));
    expect((await cases.verify()).ok).toBe(true);
  });

  it('records the name only when no file is chosen, an empty file by its hash, and drops a folder an old browser sends', async () => {
    const id = await openCase();
    expect((await upload(id, { _csrf: session.formToken, name: '送达回证' }, null)).status).toBe(303);
    expect((await upload(id, { _csrf: session.formToken, name: '空白页' }, new File([], 'blank.txt'))).status).toBe(303);
    expect((await upload(id, { _csrf: session.formToken, name: '现场照片' }, new File([CONTENT.subarray(0, 100)], 'C:\\Users\\张三\\photo.jpg'))).status).toBe(303);
    const [none, empty, photo] = await documents(id);
    expect(none).not.toHaveProperty('sha256');
    expect(none).not.toHaveProperty('fileName');
    expect(empty).toMatchObject({ fileName: 'blank.txt', bytes: 0, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' });
    expect(photo).toMatchObject({ fileName: 'photo.jpg', bytes: 100, sha256: sha256(CONTENT.subarray(0, 100)) });
  });

  it('is checked for its form token, origin and session as an urlencoded post is', async () => {
    const id = await openCase();
    const before = (await cases.verify()).events;
    const file = new File([CONTENT], 'a.txt');
    const refused: [string, Record<string, string>, Record<string, string>, number][] = [
      ['no form token', { name: '甲' }, {}, 403],
      ['a wrong form token', { _csrf: 'x'.repeat(43), name: '甲' }, {}, 403],
      ['a foreign Origin', { _csrf: session.formToken, name: '甲' }, { Origin: 'https://evil.example' }, 403],
      ['no session', { _csrf: session.formToken, name: '甲' }, { Cookie: '' }, 401],
    ];
    for (const [what, fields, headers, status] of refused) expect((await upload(id, fields, file, headers)).status, what).toBe(status);
    expect((await cases.verify()).events).toBe(before);
  });

  it('takes a file of exactly the limit; one byte more comes back in the form with 413 and the reason beside the field', async () => {
    const id = await openCase();
    const limit = new Uint8Array(MAX_DOCUMENT_BYTES).fill(0x41);
    expect((await upload(id, { _csrf: session.formToken, name: '卷宗' }, new File([limit], 'full.bin'))).status).toBe(303);
    expect((await documents(id))[0]).toMatchObject({ bytes: MAX_DOCUMENT_BYTES, sha256: sha256(limit) });

    const before = (await cases.verify()).events;
    const res = await upload(id, { _csrf: session.formToken, name: '卷宗二' }, new File([limit, new Uint8Array(1)], 'over.bin'));
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(text).toContain('<p class="field-error" id="documents-file-error">文件大小 10.0 MB，超过 10 MB 的上限</p>');
    expect(text).toMatch(/id="documents-name" name="name"[^>]* value="卷宗二"/);
    expect((await cases.verify()).events).toBe(before);
  });

  it('refuses a post far over the limit with 413 before reading it, by Content-Length or as a chunked body grows', async () => {
    const id = await openCase();
    const before = (await cases.verify()).events;
    const big = new File([new Uint8Array(MAX_DOCUMENT_BYTES + 200 * 1024)], 'big.bin');
    // FormData goes as a stream without a Content-Length, as a chunked upload does.
    const streamed = await upload(id, { _csrf: session.formToken, name: '大文件' }, big);
    expect(streamed.status).toBe(413);
    const page = await streamed.text();
    expect(page).toContain('提交的内容过大');
    expect(page).toContain('上传的文件不能超过 10 MB：请压缩或拆分后重新提交');

    // Declared too large: refused on the header, the body never read.
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 800) controller.close();
        else controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const declared = await app.request(`/cases/${id}/documents`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { Cookie: session.cookie, 'Content-Type': 'multipart/form-data; boundary=x', 'Content-Length': String(50 * 1024 * 1024) },
    } as RequestInit);
    expect(declared.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(1);
    expect((await cases.verify()).events).toBe(before);
  });
});

describe('the 登记文书 API (contentBase64)', () => {
  /** The largest JSON write the site reads: a MAX_DOCUMENT_BYTES file's base64, escaped, and the room for the other fields. */
  const BOUND = MAX_DOCUMENT_JSON + FORM_FIELDS_BYTES;
  const post = (path: string, body: RequestInit['body'], headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', body, duplex: 'half', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers } } as RequestInit);
  const attach = (id: string, body: unknown) => post(`/api/cases/${id}/documents`, JSON.stringify(body));
  /** A body that streams `total` bytes of spaces in 64 KB pieces, counting the pieces read. */
  const spaces = (total: number) => {
    const read = { pieces: 0 };
    let left = total;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (left <= 0) return controller.close();
        read.pieces++;
        const n = Math.min(left, 64 * 1024);
        left -= n;
        controller.enqueue(new Uint8Array(n).fill(0x20));
      },
    });
    return { stream, read };
  };

  it('takes a file of exactly 10 MB and records its SHA-256 and size, as the form does', async () => {
    const id = await openCase();
    const full = new Uint8Array(MAX_DOCUMENT_BYTES).fill(0x41);
    const contentBase64 = Buffer.from(full).toString('base64');
    expect(contentBase64.length).toBe(MAX_DOCUMENT_BASE64);
    const res = await attach(id, { name: '卷宗', fileName: 'full.bin', contentBase64 });
    expect(res.status).toBe(200);
    expect((await documents(id))[0]).toMatchObject({ fileName: 'full.bin', bytes: MAX_DOCUMENT_BYTES, sha256: sha256(full) });
  });

  it('takes a 10 MB file whose JSON escapes every "/" as "\\/", as PHP writes it', async () => {
    const id = await openCase();
    // 0xFF bytes encode as "/" only: the most a JSON encoder's escaping can add.
    const full = new Uint8Array(MAX_DOCUMENT_BYTES).fill(0xff);
    const body = JSON.stringify({ name: '卷宗', fileName: 'slashes.bin', contentBase64: Buffer.from(full).toString('base64') }).replaceAll('/', '\\/');
    expect(body.length).toBeGreaterThan(2 * MAX_DOCUMENT_BASE64 - 4);
    const res = await post(`/api/cases/${id}/documents`, body);
    expect(res.status).toBe(200);
    expect((await documents(id)).at(-1)).toMatchObject({ fileName: 'slashes.bin', bytes: MAX_DOCUMENT_BYTES, sha256: sha256(full) });
  });

  it('refuses one byte more with 400 naming contentBase64, though its base64 is no longer', async () => {
    const id = await openCase();
    const before = (await cases.verify()).events;
    for (const size of [MAX_DOCUMENT_BYTES + 1, MAX_DOCUMENT_BYTES + 2, MAX_DOCUMENT_BYTES + 3]) {
      const res = await attach(id, { name: '卷宗', contentBase64: Buffer.alloc(size).toString('base64') });
      expect(res.status, String(size)).toBe(400);
      const problem = (await res.json()) as { 'invalid-params': { name: string; reason: string }[] };
      expect(problem['invalid-params'], String(size)).toEqual([expect.objectContaining({ name: 'contentBase64', reason: '文件不能超过 10 MB' })]);
    }
    expect((await cases.verify()).events).toBe(before);
  });

  it('reads a JSON write up to the bound (twice a 10 MB file’s base64, and 64 KB), and refuses a byte more with 413 before parsing it', async () => {
    const id = await openCase();
    const json = JSON.stringify({ name: '卷宗', contentBase64: Buffer.alloc(MAX_DOCUMENT_BYTES).toString('base64') });
    // JSON allows any run of spaces after the value: the body is exactly n bytes (卷宗 is six in UTF-8).
    const padded = (n: number) => json + ' '.repeat(n - Buffer.byteLength(json));
    expect((await post(`/api/cases/${id}/documents`, padded(BOUND))).status).toBe(200);

    const before = (await cases.verify()).events;
    const over = await post(`/api/cases/${id}/documents`, padded(BOUND + 1));
    expect(over.status).toBe(413);
    expect(over.headers.get('content-type')).toContain('application/problem+json');
    expect(await over.json()).toMatchObject({
      type: 'urn:quanze:problem:payload-too-large',
      status: 413,
      detail: `请求体超过 ${Number((BOUND / 1024 / 1024).toFixed(1))} MB：所附文件不能超过 10 MB，请压缩或拆分后重新提交`,
    });
    expect((await cases.verify()).events).toBe(before);
  });

  it('refuses every JSON write past the bound, declared or streamed, reading no more than the bound', async () => {
    const id = await openCase();
    const before = (await cases.verify()).events;
    for (const path of ['/api/cases', `/api/cases/${id}/documents`, `/api/cases/${id}/advance`, '/api/processes']) {
      // Declared too large: refused on the header, the body never read.
      const declared = spaces(50 * 1024 * 1024);
      const res = await post(path, declared.stream, { 'Content-Length': String(50 * 1024 * 1024) });
      expect(res.status, path).toBe(413);
      expect(declared.read.pieces, path).toBeLessThanOrEqual(1);
      // Streamed without a length: read until it passes the bound, then dropped.
      const streamed = spaces(50 * 1024 * 1024);
      expect((await post(path, streamed.stream)).status, path).toBe(413);
      expect(streamed.read.pieces * 64 * 1024, path).toBeLessThanOrEqual(BOUND + 3 * 64 * 1024);
    }
    expect((await cases.verify()).events).toBe(before);
  });

  it('keeps only the file’s own name, as the form does, whatever folders the path names', async () => {
    const id = await openCase();
    const names: [string, string][] = [
      ['C:\\Users\\张三\\受理通知书.pdf', '受理通知书.pdf'],
      ['../../etc/passwd', 'passwd'],
      ['scans/2025/送达回证 (1).pdf', '送达回证 (1).pdf'],
      [' 现场照片.jpg ', '现场照片.jpg'],
      ['..\\..\\..a.txt', '..a.txt'],
    ];
    for (const [fileName] of names) expect((await attach(id, { name: '文书', fileName })).status, fileName).toBe(200);
    expect((await documents(id)).map((d) => d.fileName)).toEqual(names.map(([, kept]) => kept));

    // The form sends a path the same way and records the same name.
    const twin = await openCase();
    for (const [fileName] of names) expect((await upload(twin, { _csrf: session.formToken, name: '文书' }, new File([], fileName))).status, fileName).toBe(303);
    expect((await documents(twin)).map((d) => d.fileName)).toEqual(names.map(([, kept]) => kept));
  });

  it('refuses a file name with control or invisible characters, or with no name after its folders, with 400 naming fileName', async () => {
    const id = await openCase();
    const before = (await cases.verify()).events;
    const refused: [string, string][] = [
      ['invoice\u202egpj.exe', '不能包含控制字符或不可见的格式字符'],
      ['a\u0000.txt', '不能包含控制字符或不可见的格式字符'],
      ['合同\u200b.pdf', '不能包含控制字符或不可见的格式字符'],
      ['a\nb.txt', '不能包含控制字符或不可见的格式字符'],
      ['scans/', '不能为空'],
      ['C:\\Users\\ ', '不能为空'],
      ['..', '应为文件本身的名称，不能是“.”或“..”'],
      ['scans/.', '应为文件本身的名称，不能是“.”或“..”'],
      [`${'名'.repeat(252)}.pdf`, '不能超过 255 个字符'],
    ];
    for (const [fileName, reason] of refused) {
      const res = await attach(id, { name: '文书', fileName });
      expect(res.status, JSON.stringify(fileName)).toBe(400);
      const problem = (await res.json()) as { 'invalid-params': { name: string; reason: string }[] };
      expect(problem['invalid-params'], JSON.stringify(fileName)).toEqual([expect.objectContaining({ name: 'fileName', reason })]);
    }
    // The form says so beside its file field.
    const form = await upload(id, { _csrf: session.formToken, name: '文书' }, new File([CONTENT], 'invoice\u202egpj.exe'));
    expect(form.status).toBe(400);
    expect(await form.text()).toContain('<p class="field-error" id="documents-file-error">不能包含控制字符或不可见的格式字符</p>');
    expect((await cases.verify()).events).toBe(before);
  });

  it('reads nothing of a write without the token', async () => {
    const declared = spaces(50 * 1024 * 1024);
    const res = await post('/api/cases', declared.stream, { Authorization: '', 'Content-Length': String(50 * 1024 * 1024) });
    expect(res.status).toBe(401);
    const streamed = spaces(50 * 1024 * 1024);
    expect((await post('/api/cases', streamed.stream, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect(declared.read.pieces + streamed.read.pieces).toBeLessThanOrEqual(2);
  });
});
