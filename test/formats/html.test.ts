import { describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../src/ingest/index.js';
import type { PowerItem } from '../../src/model/index.js';
import { type SampleName, samplePath } from '../helpers/samples.js';
import { toHtmlPage } from './helpers/fixtures.js';
import { listForm } from './helpers/same.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

/** Every text an item holds, to check that no markup reached a field. */
function texts(item: PowerItem): string[] {
  return Object.values(item).flatMap((value) =>
    value && typeof value === 'object' && 'text' in value && typeof value.text === 'string' ? [value.text] : [],
  );
}

describe.each(['mima', 'baomi', 'liuzhou', 'liangzhou'] as SampleName[])('a web page publishing sample %s', (name) => {
  it('reads back as the same list, its title found among the page text', async () => {
    const original = await importFile(samplePath(name));
    const list = await importBytes('page.html', utf8(toHtmlPage(original)));
    expect(list.source.format).toBe('html');
    expect(listForm(list)).toEqual(listForm(original));
    expect(list.title).toBe(original.title ?? `${original.department}权责清单`);
    expect(list.residue.map((r) => r.text)).toEqual(expect.arrayContaining(['首页 > 政务公开', '主办单位：某某局  网站标识码：1234']));
    for (const item of list.items) {
      for (const text of texts(item)) expect(text).not.toMatch(/<\/?[a-z]+[\s>]|&[a-z]+;/i);
      expect(item.name.flags).not.toContain('html');
    }
  });
});

describe('HTML tables as pages write them', () => {
  const page = `<HTML><BODY>
<P ALIGN=center><B>某某局权责清单</B></P>
<TABLE BORDER=1>
<TR><TH ROWSPAN=2>序号</TH><TH ROWSPAN=2>权力类型</TH><TH ROWSPAN=2>事项名称</TH><TH ROWSPAN=2>子项</TH><TH COLSPAN=2>追责</TH></TR>
<TR><TH>情形</TH><TH>依据</TH></TR>
<TR><TD rowspan="2">1</TD><TD rowspan=2>行政许可</TD><TD rowspan='2'>商用密码产品&ldquo;销售&rdquo;许可</TD><TD>初审</TD>
    <TD rowspan=2>1.对符合法定条件的申请不予受理的；<br>2.对不符合法定条件的申请人准予许可的。</TD><TD>《中华人民共和国行政许可法》第七十二条</TD></TR>
<TR><TD>复审</TD><TD>同上&#x3002;</TD></TR>
<TR><TD>2</TD><TD>行政处罚</TD><TD>对  某某
  的处罚</TD><TD></TD><TD>&nbsp;</TD><TD><!-- 待补充 --></TD></TR>
</TABLE></BODY></HTML>`;

  it('reads rowspan sub-items, a colspan two-row header, entities and <br> into clean text', async () => {
    const list = await importBytes('list.htm', utf8(page));
    expect(list.title).toBe('某某局权责清单');
    expect(list.columns.map((c) => c.field)).toEqual(['seq', 'powerType', 'name', 'subItem', 'accountability', 'accountabilityBasis']);
    expect(list.items.map((i) => [i.seq, i.name.text, i.subItem?.text])).toEqual([
      ['1', '商用密码产品“销售”许可', '初审'],
      ['1', '商用密码产品“销售”许可', '复审'],
      ['2', '对 某某 的处罚', ''],
    ]);
    expect(list.items[1]?.accountability?.situations.map((s) => s.text)).toEqual(['对符合法定条件的申请不予受理的；', '对不符合法定条件的申请人准予许可的。']);
    expect(list.items[1]?.accountability?.flags).toContain('merged');
    expect(list.items[1]?.accountabilityBasis?.text).toBe('同上。');
    expect(list.items[2]?.accountability?.text ?? '').toBe('');
  });

  it('reads a page minified onto one line', async () => {
    const list = await importBytes('min.html', utf8(page.replace(/\n\s*/g, '')));
    expect(list.items).toHaveLength(3);
    expect(list.items.map((i) => i.provenance.firstLine)).toEqual([1, 1, 1]);
  });

  it('names the file when a page has no table', async () => {
    await expect(importBytes('无表.html', utf8('<!DOCTYPE html><html><body><p>没有表格</p></body></html>'))).rejects.toThrow(
      /^无表\.html：网页中没有表格（<table>），找不到清单$/,
    );
  });
});
