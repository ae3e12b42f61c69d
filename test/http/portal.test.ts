import type { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/ingest/index.js';
import { countBySeverity, SEVERITY_LABELS } from '../../src/audit/index.js';
import { makeFinding, type PowerItem } from '../../src/model/index.js';
import { createApp } from '../../src/server/index.js';
import { escapeHtml } from '../../src/html/index.js';
import { type SampleName, samplePath, sampleText } from '../helpers/samples.js';
import { appOver, type Imported, sampleApp, storeWith, withExtraColumn } from './helpers.js';

let app: Hono;
let imported: Map<SampleName, Imported>;

beforeAll(async () => {
  ({ app, imported } = await sampleApp());
});

function sample(name: SampleName): Imported {
  return imported.get(name) as Imported;
}

async function page(path: string, status = 200): Promise<string> {
  const res = await app.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type'), path).toMatch(/^text\/html; charset=utf-8/i);
  const body = await res.text();
  expect(body, path).not.toMatch(/<script/i);
  expect(body, path).toContain('<link rel="stylesheet" href="/assets/style.css">');
  expect(body, path).toContain('<html lang="zh-CN">');
  return body;
}

/** The id of the n-th item (0-based, source order) of a sample. */
async function itemId(name: SampleName, position: number): Promise<string> {
  const res = await app.request(`/api/lists/${sample(name).outcome.listId}/items?pageSize=100`);
  const body = (await res.json()) as { items: { id: string; position: number }[] };
  return body.items.find((i) => i.position === position)?.id as string;
}

const text = (s: string) => escapeHtml(s);

describe('home page', () => {
  it('shows every list with its counts by type, linking to the filtered list', async () => {
    const html = await page('/');
    for (const { list, outcome } of imported.values()) {
      expect(html).toContain(`href="/lists/${outcome.listId}"`);
      expect(html).toContain(text(list.title ?? `${list.department}权责清单`));
      const counts = new Map<string, number>();
      for (const item of list.items) counts.set(item.powerType.type as string, (counts.get(item.powerType.type as string) ?? 0) + 1);
      for (const [type, count] of counts) {
        expect(html).toContain(`href="/lists/${outcome.listId}?type=${encodeURIComponent(type)}">${type} ${count}</a>`);
      }
    }
    const total = [...imported.values()].reduce((n, i) => n + i.list.items.length, 0);
    expect(html).toContain(`共 ${total} 项权力事项`);
  });

  it("shows each list's audit state on its card and its page, linking to the report", async () => {
    const list = await importFile(samplePath('liangzhou'));
    const { store, outcomes } = await storeWith([list]);
    const own = createApp({ store });
    const { listId, versionId } = outcomes[0] as { listId: string; versionId: string };
    const report = `href="/lists/${listId}/report"`;
    const place = { file: list.source.file, record: 0 };
    const stale = makeFinding('test-rule', { stale: '依据已修订' }, 'stale', 'warning', place, {});
    const wrong = makeFinding('test-rule', { wrong: '编码有误' }, 'wrong', 'error', place, {});
    const chipsOn = async (path: string) => {
      const html = await (await own.request(path)).text();
      return [...html.matchAll(/<span class="chip sev-(\w+)">(\S+) (\d+)<\/span>/g)].map((m) => `${m[2]} ${m[3]}`);
    };
    // What the chips should say: the version's stored findings counted here, most severe first.
    const expected = async () => {
      const counts = countBySeverity(await store.getFindings({ versionId }));
      return (['error', 'warning', 'info'] as const).filter((s) => counts[s] > 0).map((s) => `${SEVERITY_LABELS[s]} ${counts[s]}`);
    };
    const cardOf = async () => (await (await own.request('/')).text()).match(/<p class="audit">[\s\S]*?<\/p>/)?.[0] ?? '';

    const imported = await expected();
    expect(await cardOf()).toContain('未核查');
    if (imported.length > 0) expect(await cardOf()).toContain(report);
    await store.saveFindings(versionId, [stale, wrong, stale]);
    const audited = await expected();
    expect(audited[0]).toBe('错误 1');
    expect(await chipsOn('/')).toEqual(audited);
    expect(await chipsOn(`/lists/${listId}`)).toEqual(audited);
    expect(await cardOf()).toContain(report);
    expect(await cardOf()).not.toContain('未核查');
    await store.saveFindings(versionId, []);
    expect(await chipsOn('/')).toEqual(imported);
    expect(await cardOf()).toContain(imported.length > 0 ? report : '核查未发现问题');
    await store.close();
  });

  it('counts the flowcharts of a list that publishes flowcharts instead of items', async () => {
    const { list } = sample('flowchart');
    expect(list.items.length).toBe(0);
    expect(list.processSheets.length).toBeGreaterThan(0);
    const html = await page('/');
    expect(html).toContain(`<p>办理流程图 ${list.processSheets.length} 份</p>`);
    expect(html).not.toContain('0 项事项');
    // The other samples have no flowcharts, so their cards say nothing of them.
    expect(html.match(/办理流程图 \d+ 份/g)).toHaveLength(1);
  });

  it('serves its stylesheet as CSS', async () => {
    const res = await app.request('/assets/style.css');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await res.text()).toContain('@media');
  });
});

describe('list page', () => {
  it('lists every item and filters by type', async () => {
    const { list, outcome } = sample('mima');
    const all = await page(`/lists/${outcome.listId}?pageSize=100`);
    for (const item of list.items) expect(all).toContain(text(item.name.text));
    const rows = (html: string) => html.match(/<tr>\s*<td>/g)?.length ?? 0;
    expect(rows(all)).toBe(list.items.length);

    const checks = list.items.filter((i) => i.powerType.type === '行政检查');
    const filtered = await page(`/lists/${outcome.listId}?pageSize=100&type=${encodeURIComponent('行政检查')}`);
    expect(rows(filtered)).toBe(checks.length);
    for (const item of list.items) {
      expect(filtered.includes(`>${text(item.name.text)}</a>`), item.name.text).toBe(item.powerType.type === '行政检查');
    }
    expect(filtered).toMatch(/class="chip current"[^>]*aria-current="true">行政检查/);
  });

  it('says under the table what a starred number is, where a row has one (a tooltip is out of reach on a phone)', async () => {
    const inferred = (name: SampleName) => sample(name).list.items.filter((i) => i.seq === null && i.impliedSeq !== undefined);
    expect(inferred('baomi').length).toBeGreaterThan(0);
    const html = await page(`/lists/${sample('baomi').outcome.listId}`);
    for (const item of inferred('baomi')) expect(html).toContain(`>${item.impliedSeq}*</span>`);
    expect(html).toContain('<p class="muted">* 原文无序号，按前后推断。</p>');
    expect(inferred('liangzhou')).toEqual([]);
    expect(await page(`/lists/${sample('liangzhou').outcome.listId}`)).not.toContain('原文无序号');
  });

  it('pages long lists with plain links', async () => {
    const { outcome } = sample('mima');
    const first = await page(`/lists/${outcome.listId}?pageSize=5`);
    expect(first).toContain(`href="/lists/${outcome.listId}?page=2" rel="next"`);
    expect(first).toContain('第 1 / 4 页（共 19 条）');
  });

  it('shows how each column was mapped, by its Chinese field name', async () => {
    const { list, outcome } = sample('liangzhou');
    const html = await page(`/lists/${outcome.listId}`);
    expect(html).toContain('<li>行使主体 → 实施主体</li>');
    expect(html).toContain(`列映射（${list.columns.length}）`);
  });

  it('links the flowcharts of a flowchart document', async () => {
    const { list, outcome } = sample('flowchart');
    const html = await page(`/lists/${outcome.listId}`);
    list.processSheets.forEach((sheet, i) => {
      expect(html).toContain(`<a href="/lists/${outcome.listId}/processes/${i + 1}">${text(sheet.title)}</a>`);
    });
  });

  it('answers a bad type with a 400 page and an unknown list with a 404 page, in Chinese', async () => {
    const { outcome } = sample('mima');
    expect(await page(`/lists/${outcome.listId}?type=abc`, 400)).toContain('请求参数不正确');
    expect(await page('/lists/987654', 404)).toContain('没有编号为“987654”的清单');
    expect(await page('/lists/x', 400)).toContain('编号应为正整数');
  });
});

describe('item page', () => {
  it('shows every field of a 凉州区 item, its steps, its code and its source', async () => {
    const { list } = sample('liangzhou');
    const item = list.items[0] as PowerItem;
    const html = await page(`/items/${await itemId('liangzhou', 0)}`);
    for (const label of ['权力类型', '事项名称', '子项', '实施主体', '承办机构', '实施依据', '责任事项', '追责情形', '追责依据', '免责情形', '备注', '地方权力编码', '核查发现', '来源']) {
      expect(html, label).toContain(label);
    }
    expect(html).toContain(text(item.name.text));
    expect(html).toContain(text(item.subject?.text as string));
    expect(html).toContain(text(item.office?.text as string));
    for (const p of item.basis?.provisions ?? []) expect(html).toContain(`《${text(p.title as string)}》`);
    const duties = item.duties?.duties ?? [];
    expect(duties.length).toBeGreaterThan(0);
    for (const duty of duties) {
      expect(html).toContain(`<li id="step-${duty.no}">`);
      expect(html).toContain(text(duty.heading));
    }
    expect(html.match(/<li id="step-\d+">/g)?.length).toBe(duties.length);
    for (const s of item.accountability?.situations ?? []) expect(html).toContain(text(s.text));
    const code = item.localCode;
    expect(code).toBeDefined();
    expect(html).toContain(`<code>${code?.raw}</code>`);
    expect(html).toContain(`统一社会信用代码 ${code?.creditCode}`);
    expect(html).toContain(`${list.source.file} · 第 ${item.provenance.firstLine} 行`);
    expect(html).toContain(`原始单元格（${item.provenance.cells.length} 个）`);
  });

  it('gives each step its own basis and writes 同N as 同第N步 linking to step N', async () => {
    const { list } = sample('mima');
    const position = list.items.findIndex((i) =>
      (i.dutyBasis?.entries ?? []).some((e) => e.sameAs !== undefined && i.duties?.duties.some((d) => d.no === e.sameAs)),
    );
    expect(position).toBeGreaterThanOrEqual(0);
    const item = list.items[position] as PowerItem;
    const html = await page(`/items/${await itemId('mima', position)}`);
    for (const entry of item.dutyBasis?.entries ?? []) {
      if (entry.sameAs !== undefined) {
        expect(html).toContain(`<a href="#step-${entry.sameAs}">同第${entry.sameAs}步</a>`);
        continue;
      }
      const step = html.slice(html.indexOf(`<li id="step-${entry.step}">`));
      const basis = step.slice(0, step.indexOf('</li>\n<li id="step-') >= 0 ? step.indexOf('</li>\n<li id="step-') : undefined);
      expect(basis, entry.key).toContain(`>${text(entry.key)}</span>`);
    }
  });


  it('writes a 追责依据 entry "同N" as 同第N项 linking to entry N of the same cell', async () => {
    const { list } = sample('mima');
    const position = list.items.findIndex((i) => (i.accountabilityBasis?.provisions ?? []).some((p) => p.sameAs !== undefined));
    expect(position).toBeGreaterThanOrEqual(0);
    const provisions = (list.items[position] as PowerItem).accountabilityBasis?.provisions ?? [];
    const html = await page(`/items/${await itemId('mima', position)}`);
    let links = 0;
    for (const [i, p] of provisions.entries()) {
      if (p.sameAs === undefined) {
        expect(html).toContain(`<li class="provision" id="accountability-basis-${i}">`);
        continue;
      }
      const target = provisions.findIndex((q) => q.sameAs === undefined && q.label?.replace(/\D+$/, '').split('-')[0] === String(p.sameAs));
      expect(target, p.text).toBeGreaterThanOrEqual(0);
      expect(html).toContain(`<a href="#accountability-basis-${target}">同第${p.sameAs}项</a>`);
      links++;
    }
    expect(links).toBeGreaterThan(0);
  });
  it('keeps the raw cells of the source in a closed <details>', async () => {
    const { list } = sample('liuzhou');
    const item = list.items[0] as PowerItem;
    const html = await page(`/items/${await itemId('liuzhou', 0)}`);
    const details = html.slice(html.indexOf('<details>', html.indexOf('id="source"')));
    for (const cell of item.provenance.cells) expect(details).toContain(`<pre class="raw">${text(cell.raw)}</pre>`);
    expect(details).toContain('&lt;p&gt;');
  });

  it('says where the source cut a cell off', async () => {
    const { list } = sample('liuzhou');
    const position = list.items.findIndex((i) => i.duties?.flags.includes('truncated'));
    expect(position).toBeGreaterThanOrEqual(0);
    const html = await page(`/items/${await itemId('liuzhou', position)}`);
    const duties = html.slice(html.indexOf('<h2 id="duties">'), html.indexOf('<h2 id="accountability">'));
    expect(duties).toContain('原文被截断');
    const whole = list.items.findIndex((i) => !i.basis?.flags.includes('truncated'));
    const other = await page(`/items/${await itemId('liuzhou', whole)}`);
    expect(other.slice(other.indexOf('<h2 id="basis">'), other.indexOf('<h2 id="duties">'))).not.toContain('原文被截断');
  });

  it('lists bases keyed to steps the cell does not have after the steps', async () => {
    const { list } = sample('mima');
    const position = list.items.findIndex((i) => (i.dutyBasis?.entries ?? []).some((e) => !i.duties?.duties.some((d) => d.no === e.step)));
    expect(position).toBeGreaterThanOrEqual(0);
    const item = list.items[position] as PowerItem;
    const orphan = item.dutyBasis?.entries.find((e) => !item.duties?.duties.some((d) => d.no === e.step));
    const html = await page(`/items/${await itemId('mima', position)}`);
    const after = html.slice(html.indexOf('<h3>其他责任事项依据</h3>'));
    expect(html.indexOf('<h3>其他责任事项依据</h3>')).toBeGreaterThan(html.lastIndexOf('<li id="step-'));
    expect(after).toContain(`>${text(orphan?.key as string)}</span>`);
  });

  it('shows a column no mapping knows under its own header', async () => {
    const { app: own, list, outcome, store } = await appOver(withExtraColumn());
    const ids = (await (await own.request(`/api/lists/${outcome.listId}/items?pageSize=1`)).json()) as { items: { id: string }[] };
    const html = await (await own.request(`/items/${ids.items[0]?.id}`)).text();
    expect(list.items[0]?.extra.监督方式?.text).toBe('书面监督');
    expect(html).toContain('<h2>其他列</h2><dl class="facts"><dt>监督方式</dt><dd><span class="text">书面监督</span></dd></dl>');
    expect(html).toContain('<pre class="raw">书面&lt;b&gt;监督&lt;/b&gt;</pre>');
    const listPage = await (await own.request(`/lists/${outcome.listId}`)).text();
    expect(listPage).toContain('<li>监督方式 → （未识别，原样保留）</li>');
    await store.close();
  });

  it('names the worksheet and page of the source lines when the source had them', async () => {
    const original = sample('mima').list;
    const list = structuredClone(original);
    list.source = { ...list.source, sha256: '0'.repeat(64) };
    const first = list.items[0] as PowerItem;
    first.provenance = { ...first.provenance, sheet: '行政<处罚>', page: 3 };
    const { store, outcomes } = await storeWith([list]);
    const own = createApp({ store });
    const ids = (await (await own.request(`/api/lists/${outcomes[0]?.listId}/items?pageSize=2`)).json()) as { items: { id: string }[] };
    const html = await (await own.request(`/items/${ids.items[0]?.id}`)).text();
    expect(html).toContain(' · 工作表“行政&lt;处罚&gt;” · 第 3 页 · ');
    const second = await (await own.request(`/items/${ids.items[1]?.id}`)).text();
    expect(second).not.toContain('工作表');
    await store.close();
  });

  it('lists the findings saved about the item, and only on that item', async () => {
    const list = await importFile(samplePath('liangzhou'));
    const { store, outcomes } = await storeWith([list]);
    const own = createApp({ store });
    const target = list.items[2] as PowerItem;
    const finding = makeFinding('test-rule', { stale: '依据《{law}》已修订' }, 'stale', 'warning', { file: list.source.file, record: target.provenance.record, field: '实施依据' }, { law: '中华人民共和国网络安全法' });
    await store.saveFindings(outcomes[0]?.versionId as string, [finding]);
    const ids = ((await (await own.request(`/api/lists/${outcomes[0]?.listId}/items?pageSize=100`)).json()) as { items: { id: string; position: number }[] }).items;
    const on = await (await own.request(`/items/${ids.find((i) => i.position === 2)?.id}`)).text();
    const findings = on.slice(on.indexOf('<h2 id="findings">'), on.indexOf('<h2 id="source">'));
    expect(findings).toContain('<span class="badge warn">警告</span>依据《中华人民共和国网络安全法》已修订');
    expect(findings).toContain('（实施依据）');
    const off = await (await own.request(`/items/${ids.find((i) => i.position === 1)?.id}`)).text();
    expect(off).not.toContain('已修订');
    await store.close();
  });

  it('answers an unknown item with a 404 page', async () => {
    expect(await page('/items/987654', 404)).toContain('没有编号为“987654”的事项');
  });
});

describe('search page', () => {
  it('shows the form alone when nothing is asked', async () => {
    const html = await page('/search');
    expect(html).toContain('<form class="filters" action="/search" method="get"');
    expect(html).not.toContain('<ol class="hits"');
  });

  it('highlights the term in the results and keeps it in the box', async () => {
    const html = await page(`/search?q=${encodeURIComponent('网络安全')}&type=`);
    expect(html).toContain('<mark>网络安全</mark>');
    expect(html).toContain('value="网络安全"');
    expect(html).toContain(text('对不履行法定网络安全保护义务的处罚'));
    expect(html).toMatch(/找到 \d+ 项与“网络安全”相关的事项/);
  });

  it('narrows by type with the select kept', async () => {
    const html = await page(`/search?q=${encodeURIComponent('密码')}&type=${encodeURIComponent('行政检查')}`);
    expect(html).toContain('<option value="行政检查" selected>');
    expect(html).not.toMatch(/<span class="chip">行政处罚<\/span>/);
  });

  it('says when nothing matches and answers a bad type with 400', async () => {
    expect(await page(`/search?q=${encodeURIComponent('不存在的词语甲乙丙')}`)).toContain('没有找到与“不存在的词语甲乙丙”相关的事项');
    await page(`/search?q=a&type=abc`, 400);
  });
});

describe('process page', () => {
  it('draws each flowchart as a flow of its steps with limits, contacts, conditions and materials', async () => {
    const { list, outcome } = sample('flowchart');
    for (const [i, sheet] of list.processSheets.entries()) {
      const html = await page(`/lists/${outcome.listId}/processes/${i + 1}`);
      expect(html).toContain(`<h1>${text(sheet.title)}</h1>`);
      let at = html.indexOf('<ol class="flow">');
      expect(at).toBeGreaterThan(0);
      for (const step of sheet.steps) {
        // A step that spells out a numbered procedure shows it as a list, after the words that introduce it.
        const lead = step.subSteps ? step.text.slice(0, step.subSteps[0]?.span[0]).trim() : step.name;
        const shown = [text(lead), ...(step.subSteps ?? []).map((p) => `<li class="text">${text(p.text)}</li>`)];
        for (const piece of shown.filter((p) => p !== '')) {
          const next = html.indexOf(piece, at);
          expect(next, piece).toBeGreaterThan(at);
          at = next;
        }
        if (step.deadline) expect(html).toContain(`时限：${text(step.deadline.raw)}`);
      }
      if (sheet.statutoryLimit) expect(html).toContain(text(sheet.statutoryLimit.raw));
      for (const phone of sheet.phones) expect(html).toContain(text(phone.number));
      for (const c of sheet.conditions) expect(html).toContain(text(c));
      for (const m of sheet.materials) expect(html).toContain(text(m));
    }
  });

  it('shows the procedure 002 numbers inside one step (line 236) as a numbered list', async () => {
    const { list, outcome } = sample('flowchart');
    const n = list.processSheets.findIndex((s) => s.steps.some((step) => step.lines.firstLine === 236));
    const html = await page(`/lists/${outcome.listId}/processes/${n + 1}`);
    expect(html).toMatch(/<h3><span class="step-no">\d+<\/span> 现场检查时如需采取责令停止使用或者登记保存等行政处置措施，程序如下：<\/h3>\s*<ol class="sub-steps"><li class="text">保密行政管理部门向受检、机关单位发出行政处置通知书（内容包括泄密隐患具体情况、行政处置法律依据等）；<\/li><li class="text">对登记保存的设备/);
    // Once: the list is not written again as the step's heading or text.
    expect(html.split('对登记保存的设备和文件资料妥善保管')).toHaveLength(2);
  });

  it('escapes what a numbered procedure holds', async () => {
    const text = sampleText('flowchart').replace('程序如下：1、保密行政管理部门', '程序如下：1、<b>保密&amp;行政管理部门</b>');
    const { app: own, list, outcome } = await appOver({ file: 'hostile-002.txt', text });
    const n = list.processSheets.findIndex((s) => s.steps.some((step) => step.subSteps?.[0]?.text.startsWith('<b>')));
    expect(n).toBeGreaterThanOrEqual(0);
    const res = await own.request(`/lists/${outcome.listId}/processes/${n + 1}`);
    expect(await res.text()).toContain('<ol class="sub-steps"><li class="text">&lt;b&gt;保密&amp;amp;行政管理部门&lt;/b&gt;向受检');
  });

  it('answers a missing sheet with 404 and a bad number with 400', async () => {
    const { list, outcome } = sample('flowchart');
    await page(`/lists/${outcome.listId}/processes/${list.processSheets.length + 1}`, 404);
    await page(`/lists/${outcome.listId}/processes/0`, 400);
  });
});
