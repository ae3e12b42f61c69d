import { describe, expect, it } from 'vitest';
import { ImportError } from '../errors.js';
import { importBytes } from '../import-list.js';
import { readListJson } from './read.js';

describe('readListJson', () => {
  it('names the file and the problem for JSON that does not parse, in Chinese', () => {
    expect(() => readListJson('坏.json', '{"schemaVersion": 1,')).toThrow(ImportError);
    expect(() => readListJson('坏.json', '{"schemaVersion": 1,')).toThrow(/^坏\.json：JSON 在结尾处不完整/);
    expect(() => readListJson('坏.json', '{"schemaVersion": 1,\n "items": [1,]}')).toThrow(/^坏\.json：JSON 语法错误：有不该出现的“]”/);
    expect(() => readListJson('坏.json', '{"schemaVersion": 1 "items": []}')).toThrow(/^坏\.json：JSON 语法错误：第 1 行第 21 列附近/);
    // Not V8's English ("Unexpected token", "is not valid JSON", "at position").
    for (const text of ['{"schemaVersion": 1,', '[1,]', '权责清单', '{"a" 1}']) {
      expect(() => readListJson('坏.json', text)).toThrow(/^坏\.json：[^A-Za-z]*JSON[^A-Za-z]*$/);
    }
  });

  it('names the first thing missing from a JSON that is not a quanze list, in Chinese', () => {
    expect(() => readListJson('别的.json', '{"schemaVersion": 1, "items": []}')).toThrow(/^别的\.json：不是 quanze 导出的清单 JSON：title：无效输入：期望 string，实际接收 undefined$/);
    expect(() => readListJson('别的.json', '[]')).toThrow(/^别的\.json：不是 quanze 导出的清单 JSON：（根）：无效输入：期望 object，实际接收 数组$/);
  });

  it('read as JSON, a file that is not text is refused as such, not as an empty file', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const error = await importBytes('清单.pdf', pdf, { from: 'json' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad-encoding', message: '清单.pdf：无法把文件解码为文本，不是 JSON（不是 UTF-8、GB18030/GBK 或带 BOM 的 UTF-16）' });
  });
});
