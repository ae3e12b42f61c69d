import { describe, expect, it } from 'vitest';
import { parseJsonText } from './index.js';

describe('parseJsonText', () => {
  it.each([
    ['a trailing comma', '{\n  "rules": {\n    "duty-chain": "off",\n  }\n}', 'JSON 语法错误：第 4 行第 3 列附近'],
    ['a key without quotes', '{ rules: {} }', 'JSON 语法错误：第 1 行第 3 列附近'],
    ['a missing colon', '{"a" 1}', 'JSON 语法错误：第 1 行第 6 列附近'],
    ['text cut off', '{"rules": {"duty-chain": "off"', 'JSON 在结尾处不完整'],
    ['an empty file', '  \n', '文件是空的'],
  ])('says where %s breaks it, in Chinese', (_name, text, says) => {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(says);
      expect(parsed.message.replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('gives the value of valid JSON', () => {
    expect(parseJsonText('{"a": [1, "二"]}')).toEqual({ ok: true, value: { a: [1, '二'] } });
  });
});
