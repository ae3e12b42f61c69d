import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../src/export/index.js';
import { importBytes, importFile } from '../../src/ingest/index.js';
import type { PowerList } from '../../src/model/index.js';
import { type SampleName, samplePath } from '../helpers/samples.js';
import { listForm } from './helpers/same.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe.each(['mima', 'liuzhou', 'liangzhou'] as SampleName[])('CSV encodings of sample %s', (name) => {
  const original = importFile(samplePath(name));
  const csv = original.then((list) => writeCsv(list).replace(/^\uFEFF/, ''));
  const same = async (list: PowerList) => expect(listForm(list)).toEqual(listForm(await original));

  it('UTF-8 with a BOM', async () => {
    const list = await importBytes('bom.csv', utf8(`\uFEFF${await csv}`));
    expect(list.source.format).toBe('csv');
    await same(list);
  });

  it('UTF-8 without a BOM', async () => {
    await same(await importBytes('plain.csv', utf8(await csv)));
  });

  it('GBK, as government systems export it', async () => {
    const bytes = new Uint8Array(iconv.encode(await csv, 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    await same(await importBytes('gbk.csv', bytes));
  });

  it('UTF-16 tab-separated, as Excel saves “Unicode 文本”', async () => {
    const bytes = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toTsv(await original), 'utf16le')]));
    const back = await importBytes('unicode.txt', bytes);
    expect(back.source.format).toBe('csv');
    await same(back);
  });
});

/** The list as Excel's tab-separated “Unicode 文本”: cells with a tab, quote or line break quoted. */
function toTsv(list: PowerList): string {
  const csv = writeCsv(list).replace(/^\uFEFF/, '');
  // Parse our own CSV back into rows and write them with tabs.
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i] as string;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  const field = (text: string) => (/[\t"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return rows.map((r) => r.map(field).join('\t')).join('\r\n');
}

describe('CSV layouts', () => {
  it('fills in a sub-item row that leaves its item cells blank, and marks them shared', async () => {
    const csv = ['序号,权力类型,事项名称,子项,实施主体', '1,行政许可,商用密码产品销售许可,初审,某某局', ',,,复审,', '2,行政处罚,对某某的处罚,,某某局'].join('\n');
    const list = await importBytes('blank.csv', utf8(csv));
    expect(list.items.map((i) => [i.seq, i.name.text, i.subItem?.text, i.subject?.text])).toEqual([
      ['1', '商用密码产品销售许可', '初审', '某某局'],
      ['1', '商用密码产品销售许可', '复审', '某某局'],
      ['2', '对某某的处罚', '', '某某局'],
    ]);
    expect(list.items[1]?.name.flags).toContain('merged');
    expect(list.findings.find((f) => f.messageId === 'filled-down')?.place).toMatchObject({ file: 'blank.csv', line: 3 });
  });

  it('keeps a cell whose quote never closes, with a warning at its line', async () => {
    const csv = '序号,权力类型,事项名称,备注\n1,行政处罚,处罚甲,"未闭合\n2,行政处罚,处罚乙,\n';
    const list = await importBytes('quote.csv', utf8(csv));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]?.remark?.text).toBe('未闭合\n2,行政处罚,处罚乙,');
    expect(list.findings.find((f) => f.messageId === 'unclosed-quote')?.place).toEqual({ file: 'quote.csv', line: 2 });
  });

  it('keeps an unknown column under its header, and maps it with --map', async () => {
    const csv = '序号,权力类型,事项名称,行使层级说明\n1,行政检查,保密检查,市级\n';
    const plain = await importBytes('map.csv', utf8(csv));
    expect(plain.columns.at(-1)).toEqual({ header: '行使层级说明', field: null });
    expect(plain.items[0]?.extra).toEqual({ 行使层级说明: { text: '市级', raw: '市级', flags: [] } });
    const mapped = await importBytes('map.csv', utf8(csv), { map: { 行使层级说明: 'serviceLevel' } });
    expect(mapped.items[0]?.serviceLevel?.text).toBe('市级');
    expect(mapped.items[0]?.extra).toEqual({});
  });

  it('leaves a plain tab-separated list with a repeated header to the header-tsv reader', async () => {
    expect((await importFile(samplePath('liuzhou'))).source.format).toBe('header-tsv');
  });

  it('names the file when a CSV has a header and nothing under it', async () => {
    await expect(importBytes('头.csv', utf8('序号,权力类型,事项名称\n'))).rejects.toThrow(/^头\.csv：表头之后没有任何数据行/);
  });
});

describe('CSV export against formula injection', () => {
  it('marks cells Excel would run as formulas as text, and reads them back unchanged', async () => {
    const list = await importFile(samplePath('liangzhou'));
    const hostile = ['=HYPERLINK("http://evil","x")', '@SUM(1+1)', '+1', '-2+3', '\t=1'];
    const planted: PowerList = {
      ...list,
      items: list.items.slice(0, hostile.length).map((item, i) => ({
        ...item,
        remark: { text: hostile[i] as string, raw: hostile[i] as string, flags: [] },
      })),
    };
    const csv = writeCsv(planted);
    for (const cell of hostile) expect(csv).not.toMatch(new RegExp(`(^|,|")${cell.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`, 'm'));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    const back = await importBytes('planted.csv', new TextEncoder().encode(csv));
    expect(back.items.map((item) => item.remark?.raw)).toEqual(hostile);
  });
});
