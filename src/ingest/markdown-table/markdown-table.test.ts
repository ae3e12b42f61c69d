import { describe, expect, it } from 'vitest';
import { sampleInput } from '../../../test/helpers/samples.js';
import type { ReadResult } from '../record.js';
import { markdownTableReader, splitPipeRow } from './index.js';

describe('markdown-table reader on 凉州区委网信办 (004)', () => {
  const result = markdownTableReader.read(sampleInput('liangzhou'), {}) as ReadResult;
  const cell = (record: number, header: string) => result.records[record]?.cells.find((c) => c.header === header)?.raw;

  it('reads 14 records, two of them in the last table', () => {
    expect(result.records).toHaveLength(14);
    expect(result.records.map((r) => r.firstLine).slice(-2)).toEqual([55, 56]);
    expect(result.title).toBe('中共凉州区委网络安全和信息化办公室（区互联网信息办公室）权责清单');
  });

  it('maps 子项名称, 行使主体 and 责任事项内容 synonyms', () => {
    const fields = Object.fromEntries(result.columns.map((c) => [c.header, c.field]));
    expect(fields).toMatchObject({ 子项名称: 'subItem', 行使主体: 'subject', 责任事项内容: 'duties', 地方权力编码: 'localCode', 子项地方权力编码: 'subLocalCode', 办事层级: 'serviceLevel' });
    expect(Object.values(fields)).not.toContain(null);
  });

  it('keeps item 14 as the file has it', () => {
    expect(cell(13, '序号')).toBe('14');
    expect(cell(13, '事项名称')).toBe('对互联网新闻信息服务活动实施监督检查');
    expect(cell(13, '权力类型')).toBe('其他行政权力');
    expect(cell(13, '地方权力编码')).toBe('11620602MB198079204621046014000');
    expect(cell(13, '行使主体')).toBe('凉州区互联网信息办公室');
    expect(cell(13, '承办机构')).toBe('网络监管组');
    expect(cell(13, '办事层级')).toBe('县级');
    expect(cell(13, '责任事项内容')).toMatch(/^1\.监督检查责任：国家和地方互联网信息办公室应当建立日常检查和定期检查相结合的/);
  });
});

describe('splitPipeRow', () => {
  it.each([
    ['| a | b |', ['a', 'b']],
    ['a | b', ['a', 'b']],
    ['| a \\| b | c |', ['a | b', 'c']],
    ['|  | x |', ['', 'x']],
  ])('%s', (row, cells) => {
    expect(splitPipeRow(row)).toEqual(cells);
  });
});

describe('a Markdown heading above the table', () => {
  it('gives the title without its # marks', () => {
    const text = '# 某某局权责清单\n\n| 序号 | 权力类型 | 事项名称 |\n|---|---|---|\n| 1 | 行政处罚 | 对甲的处罚 |\n';
    const result = markdownTableReader.read({ file: 'h.md', bytes: new Uint8Array(), text }, {}) as ReadResult;
    expect(result.title).toBe('某某局权责清单');
    expect(result.residue[0]?.text).toBe('# 某某局权责清单');
  });
});
