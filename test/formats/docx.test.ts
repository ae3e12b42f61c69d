import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { importBytes, importFile } from '../../src/ingest/index.js';
import { type SampleName, samplePath, sampleText } from '../helpers/samples.js';
import { docxTables, toDocx } from './helpers/fixtures.js';
import { listForm } from './helpers/same.js';

const docxRow = (cells: string[]) => new TableRow({ children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] })) });

describe.each(['mima', 'baomi', 'liuzhou', 'liangzhou'] as SampleName[])('a Word document publishing sample %s', (name) => {
  it('reads back as the same list from a table split over two pages with its header repeated', async () => {
    const original = await importFile(samplePath(name));
    const list = await importBytes('清单.docx', await toDocx(original));
    expect(list.source.format).toBe('docx');
    expect(listForm(list)).toEqual(listForm(original));
    expect(list.title).toBe(original.title ?? `${original.department}权责清单`);
  });
});

describe('Word tables as departments write them', () => {
  it('gives each sub-item row of a vertically merged item its own record with the item cells', async () => {
    const bytes = await docxTables('某某局权责清单', [
      [
        ['序号', '权力类型', '事项名称', '子项', '实施依据'],
        [{ text: '1', rowSpan: 2 }, { text: '行政许可', rowSpan: 2 }, { text: '商用密码产品销售许可', rowSpan: 2 }, '初审', '《商用密码管理条例》第十条'],
        ['复审', '《商用密码管理条例》第十一条'],
      ],
    ]);
    const list = await importBytes('sub.docx', bytes);
    expect(list.items.map((i) => [i.seq, i.powerType.type, i.name.text, i.subItem?.text, i.basis?.provisions[0]?.refs[0]?.article])).toEqual([
      ['1', '行政许可', '商用密码产品销售许可', '初审', 10],
      ['1', '行政许可', '商用密码产品销售许可', '复审', 11],
    ]);
    expect(list.items[1]?.name.flags).toContain('merged');
  });

  it('joins a row that a page break split into two tables', async () => {
    const header = ['序号', '权力类型', '事项名称', '实施依据'];
    const bytes = await docxTables('某某局权责清单', [
      [header, ['1', '行政处罚', '对某某的处罚', '【法律】《中华人民共和国行政处罚法》第五十一条']],
      [header, ['', '', '', '【法律】《中华人民共和国行政处罚法》第五十二条'], ['2', '行政检查', '保密检查', '《中华人民共和国保守国家秘密法》第四十六条']],
    ]);
    const list = await importBytes('split.docx', bytes);
    expect(list.items.map((i) => i.basis?.text)).toEqual([
      '【法律】《中华人民共和国行政处罚法》第五十一条\n【法律】《中华人民共和国行政处罚法》第五十二条',
      '《中华人民共和国保守国家秘密法》第四十六条',
    ]);
    expect(list.items[0]?.basis?.provisions.map((p) => p.refs[0]?.article)).toEqual([51, 52]);
    expect(list.findings.map((f) => f.messageId)).toContain('continued-row');
  });

  it('reads a flowchart typed as paragraphs (no table) through the flowchart reader', async () => {
    const lines = sampleText('flowchart').split(/\r?\n/);
    const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph(line)) }] });
    const list = await importBytes('流程图.docx', new Uint8Array(await Packer.toBuffer(document)));
    const original = await importFile(samplePath('flowchart'));
    expect(list.source.format).toBe('docx');
    expect(list.processSheets).toEqual(original.processSheets);
  });

  it('warns when a paragraph is a table run together (its cell boundaries lost in a conversion)', async () => {
    const document = new Document({
      sections: [
        {
          children: [
            new Paragraph('某某局权责清单'),
            new Table({ rows: [['序号', '权力类型', '事项名称'], ['1', '行政检查', '保密检查']].map(docxRow) }),
            new Paragraph('序号权力类型事项名称2行政处罚对某某的处罚'),
          ],
        },
      ],
    });
    const list = await importBytes('lost.docx', new Uint8Array(await Packer.toBuffer(document)));
    expect(list.items.map((i) => i.name.text)).toEqual(['保密检查']);
    // Places count paragraphs and table rows: the title, two rows of a row and three cells, the paragraph.
    const lost = list.findings.filter((f) => f.messageId === 'lost-table');
    expect(lost).toMatchObject([{ severity: 'warning', place: { file: 'lost.docx', line: 10 } }]);
    expect(lost[0]?.message).toMatch(/^第 10 段以连写的表头“序号、权力类型、事项名称”开头，是一个丢失了单元格边界的表格/);
    expect(list.residue.map((r) => r.firstLine)).toEqual([1, 10]);
  });

  it('says a document with only a run-together table lost its table', async () => {
    const document = new Document({ sections: [{ children: [new Paragraph('某某局权责清单'), new Paragraph('序号权力类型事项名称实施依据1行政检查保密检查')] }] });
    await expect(importBytes('lost.docx', new Uint8Array(await Packer.toBuffer(document)))).rejects.toThrow(
      /^lost\.docx：文字中有连写在一起的表头（序号、权力类型、事项名称、实施依据），是一个丢失了单元格边界的表格/,
    );
  });

  it('names the file when the document is damaged', async () => {
    const whole = await toDocx(await importFile(samplePath('liuzhou')));
    await expect(importBytes('坏.docx', whole.subarray(0, 2000))).rejects.toThrow(/^坏\.docx：无法作为 Word 文档（\.docx）打开：文件已损坏或不完整/);
  });
});
