import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffStoredVersions } from '../../src/align/index.js';
import { importFile } from '../../src/ingest/index.js';
import { ListDiff } from '../../src/server/api/align-responses.js';
import { ItemsPage, ListDetail, Problem } from '../../src/server/api/responses.js';
import { createApp } from '../../src/server/index.js';
import { formatDateTime } from '../../src/server/views/format.js';
import { escapeHtml } from '../../src/html/index.js';
import type { ImportOutcome, Store } from '../../src/store/index.js';
import { samplePath, sampleText } from '../helpers/samples.js';
import { PAYLOADS, storeWith } from './helpers.js';

const RENAMED = ['对保密工作的监督检查', '对保密工作的监督检查和指导'] as const;
const REMOVED = '对政府拟公开信息的保密确定';
const HOSTILE_FILE = `v3<img src=x onerror=alert('file')>.txt`;

/** 003 without the record whose row starts with `seq` (and the header row repeated before it). */
function withoutRecord(text: string, seq: string): string {
  const lines = text.split('\n');
  const row = lines.findIndex((l) => l.startsWith(`${seq}\t`));
  expect(row).toBeGreaterThan(0);
  return [...lines.slice(0, row - 1), ...lines.slice(row + 1)].join('\n');
}

/** The record row of `seq` with one replacement made in it only. */
function editRecord(text: string, seq: string, from: string, to: string): string {
  return text
    .split('\n')
    .map((l) => (l.startsWith(`${seq}\t`) ? l.replace(from, to) : l))
    .join('\n');
}

let dir: string;
let store: Store;
let app: Hono;
let listId: string;
let outcomes: ImportOutcome[];

// 柳州市国家保密局 imported three times: the sample; then item 4 renamed and item 6 removed;
// then one article's order number changed in item 1, from a file with a hostile name.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quanze-versions-'));
  const v2 = withoutRecord(sampleText('liuzhou').replace(`\t${RENAMED[0]}\t`, `\t${RENAMED[1]}\t`), '6');
  const v3 = editRecord(v2, '1', '（主席令第28号）第四十五条', '（主席令第20号）第四十五条');
  writeFileSync(join(dir, 'liuzhou-v2.txt'), v2);
  writeFileSync(join(dir, HOSTILE_FILE), v3);
  const lists = [await importFile(samplePath('liuzhou')), await importFile(join(dir, 'liuzhou-v2.txt')), await importFile(join(dir, HOSTILE_FILE))];
  ({ store, outcomes } = await storeWith(lists));
  expect(outcomes.map((o) => [o.status, o.versionNo])).toEqual([['created', 1], ['new-version', 2], ['new-version', 3]]);
  listId = outcomes[0]?.listId as string;
  app = createApp({ store, now: () => new Date('2025-03-01T08:00:00Z') });
});

afterAll(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function get(path: string, status: number, type: RegExp): Promise<Response> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type'), path).toMatch(type);
  return res;
}

const page = async (path: string, status = 200) => (await get(path, status, /^text\/html; charset=utf-8/i)).text();
const json = async (path: string) => (await get(path, 200, /^application\/json/)).json();
const problem = async (path: string, status: number) => Problem.parse(await (await get(path, status, /^application\/problem\+json/)).json());

/** Item ids by position in a version. */
async function ids(versionNo: number): Promise<string[]> {
  const version = outcomes[versionNo - 1]?.versionId as string;
  return ItemsPage.parse(await json(`/api/lists/${listId}/items?version=${version}&pageSize=100`)).items.map((i) => i.id);
}

/** The <li> entries of a diff page. */
function entries(html: string): string[] {
  const list = html.slice(html.indexOf('<ol class="diff-entries">'), html.indexOf('</ol>', html.indexOf('<ol class="diff-entries">')));
  return list.split('<li class="entry ').slice(1);
}

function counts(html: string): string[] {
  const chips = html.slice(html.indexOf('<ul class="chips counts"'), html.indexOf('</ul>', html.indexOf('<ul class="chips counts"')));
  return [...chips.matchAll(/<span class="chip">([^<]+)<\/span>/g)].map((m) => m[1] as string);
}

describe('the version history page', () => {
  it('is linked from the list page', async () => {
    expect(await page(`/lists/${listId}`)).toContain(`<a href="/lists/${listId}/versions">版本历史与比较</a>`);
  });

  it('shows every version, newest first, with its import time in Beijing time, hash, item count, file and the kind of file', async () => {
    const html = await page(`/lists/${listId}/versions`);
    const detail = ListDetail.parse(await json(`/api/lists/${listId}`));
    const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).split('<tr>').slice(1);
    expect(rows).toHaveLength(3);
    [...detail.versions].reverse().forEach((version, i) => {
      const row = rows[i] as string;
      expect(row).toContain(`<td data-label="版本">第 ${version.versionNo} 版${version.latest ? '（最新）' : ''}</td>`);
      expect(row).toContain(`<td data-label="导入时间（北京时间）" class="nowrap">${formatDateTime(version.importedAt)}</td>`);
      expect(row).toContain(`<code title="${version.sha256}">${version.sha256.slice(0, 12)}</code>`);
      expect(row).toContain(`<td data-label="事项数">${version.itemCount}</td>`);
      expect(row).toContain(`<td data-label="来源文件">${escapeHtml(version.sourceFile)} `);
      // The kind of file in words, not the reader's name (header-tsv).
      expect(row).toContain('<span class="muted">（带表头的制表符分隔文本）</span>');
      if (version.versionNo > 1) expect(row).toContain(`href="/lists/${listId}/diff?from=${version.versionNo - 1}&amp;to=${version.versionNo}"`);
    });
    expect(detail.versions.map((v) => v.itemCount)).toEqual([7, 6, 6]);
    // The form picks two versions and asks the diff page; by default the last two.
    expect(html).toContain(`<form class="filters" action="/lists/${listId}/diff" method="get">`);
    expect(html).toMatch(/<select name="from"><option value="1">[^<]*<\/option><option value="2" selected>/);
    expect(html).toMatch(/<select name="to">(?:<option value="\d">[^<]*<\/option>){2}<option value="3" selected>/);
    expect(html).not.toMatch(/<img|<script/i);
    expect(html).not.toContain('header-tsv');
  });

  it('answers an unknown list with 404 and a malformed id with 400', async () => {
    await page('/lists/424242/versions', 404);
    await page('/lists/x/versions', 400);
  });
});

describe('the version diff page', () => {
  it('shows exactly what changed from version 1 to 2: one item renamed, one removed', async () => {
    const html = await page(`/lists/${listId}/diff?from=1&to=2`);
    expect(html).toContain('<h1>柳州市国家保密局权责清单：第 1 版 → 第 2 版</h1>');
    expect(counts(html)).toEqual(['新增 0', '删除 1', '改名 1', '移动 0', '内容有变化 1', '未变 5']);
    const [v1, v2] = [await ids(1), await ids(2)];
    const shown = entries(html);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('<span class="badge warn">改名</span>');
    expect(shown[0]).toContain(`<a href="/items/${v2[3]}">${RENAMED[1]}</a>`);
    expect(shown[0]).toContain(`<tr><th scope="row">事项名称</th><td class="diff">${RENAMED[0]}<ins>和指导</ins></td></tr>`);
    expect(shown[0]?.match(/<tr>/g)).toHaveLength(1);
    expect(shown[1]).toContain('<span class="badge del">删除</span>');
    expect(shown[1]).toContain(`<a href="/items/${v1[5]}">${REMOVED}</a>`);
  });

  it('answers the same diff in the API', async () => {
    const body = ListDiff.parse(await json(`/api/lists/${listId}/diff?from=1&to=2`));
    expect(body).toEqual(JSON.parse(JSON.stringify(await diffStoredVersions(store, listId, 1, 2))));
    expect(body.counts).toEqual({ added: 0, removed: 1, renamed: 1, moved: 0, changed: 1, unchanged: 5 });
    expect(ListDiff.parse(await json(`/api/lists/${listId}/diff`))).toEqual(ListDiff.parse(await json(`/api/lists/${listId}/diff?from=1&to=latest`)));
  });

  it('shows a change in a long cell as the change with a little context, the rest elided', async () => {
    const html = await page(`/lists/${listId}/diff?from=2&to=3`);
    expect(counts(html)).toEqual(['新增 0', '删除 0', '改名 0', '移动 0', '内容有变化 1', '未变 5']);
    const [shown] = entries(html);
    expect(entries(html)).toHaveLength(1);
    expect(shown).toContain('<span class="badge warn">修改</span>');
    // The change sits near the start of the cell: all of the text before it shows, 30 characters after it.
    expect(shown).toContain(
      '<tr><th scope="row">实施依据</th><td class="diff">【法律】《中华人民共和国保守国家秘密法》（主席令第<del>28</del><ins>20</ins>号）第四十五条 保密行政管理部门对保密检查中发现的非法获取、<span class="elided" title="此处省略了未改动的文字">…</span></td></tr>',
    );
    expect(html).not.toContain('予以收缴。');
  });

  it('reads versions the other way round, and defaults to the first and the latest', async () => {
    expect(counts(await page(`/lists/${listId}/diff?from=2&to=1`))).toEqual(['新增 1', '删除 0', '改名 1', '移动 0', '内容有变化 1', '未变 5']);
    const html = await page(`/lists/${listId}/diff`);
    expect(html).toContain('<h1>柳州市国家保密局权责清单：第 1 版 → 第 3 版（最新）</h1>');
    expect(await page(`/lists/${listId}/diff?from=&to=`)).toBe(html);
    expect(await page(`/lists/${listId}/diff?from=1&to=latest`)).toBe(html);
  });

  it.each([
    ['from=abc', 400, '版本应为正整数'],
    ['from=0', 400, '版本应为正整数'],
    ['to=9', 404, '没有第 9 版；已有版本：1、2、3'],
  ])('answers ?%s with %i', async (query, status, message) => {
    expect(await page(`/lists/${listId}/diff?${query}`, status)).toContain(message);
    expect((await problem(`/api/lists/${listId}/diff?${query}`, status)).detail).toContain(message);
  });

  it('answers an unknown list with 404 and a malformed id with 400', async () => {
    await page('/lists/424242/diff', 404);
    await problem('/api/lists/424242/diff', 404);
    await page('/lists/x/diff', 400);
    expect((await problem('/api/lists/x/diff', 400))['invalid-params']?.[0]?.name).toBe('id');
  });
});

describe('hostile text in versions', () => {
  it('shows a renamed item and a file name with markup as text', async () => {
    const before = sampleText('liangzhou');
    const planted = before.replace('| 对不履行法定网络安全保护义务的处罚 |', `| 对不履行法定网络安全保护义务的处罚${PAYLOADS.unclosed} |`);
    const file = join(dir, `liangzhou${PAYLOADS.office}.txt`);
    writeFileSync(file, planted);
    const { store: own, outcomes: imported } = await storeWith([await importFile(samplePath('liangzhou')), await importFile(file)]);
    const target = createApp({ store: own });
    const id = imported[0]?.listId as string;
    const diff = await (await target.request(`/lists/${id}/diff?from=1&to=2`)).text();
    expect(diff).toContain(`对不履行法定网络安全保护义务的处罚<ins>${escapeHtml(PAYLOADS.unclosed)}</ins>`);
    const versions = await (await target.request(`/lists/${id}/versions`)).text();
    expect(versions).toContain(escapeHtml(PAYLOADS.office));
    for (const html of [diff, versions]) expect(html).not.toMatch(/<img|<script/i);
    await own.close();
  });
});
