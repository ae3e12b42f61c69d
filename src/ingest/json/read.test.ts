import { describe, expect, it } from 'vitest';
import { ImportError } from '../errors.js';
import { readListJson } from './read.js';

describe('readListJson', () => {
  it('names the file and the problem for JSON that does not parse', () => {
    expect(() => readListJson('坏.json', '{"schemaVersion": 1,')).toThrow(ImportError);
    expect(() => readListJson('坏.json', '{"schemaVersion": 1,')).toThrow(/^坏\.json：JSON 语法错误/);
  });

  it('names the first thing missing from a JSON that is not a quanze list', () => {
    expect(() => readListJson('别的.json', '{"schemaVersion": 1, "items": []}')).toThrow(/^别的\.json：不是 quanze 导出的清单 JSON：/);
  });
});
