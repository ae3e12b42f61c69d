import { describe, expect, it } from 'vitest';
import { parseJsonText } from './index.js';

describe('parseJsonText', () => {
  it.each([
    ['a trailing comma', '{\n  "rules": {\n    "duty-chain": "off",\n  }\n}', 'JSON 语法错误：第 4 行第 3 列附近'],
    ['a key without quotes', '{ rules: {} }', 'JSON 语法错误：第 1 行第 3 列附近'],
    ['a missing colon', '{"a" 1}', 'JSON 语法错误：第 1 行第 6 列附近'],
    ['text cut off', '{"rules": {"duty-chain": "off"', 'JSON 在结尾处不完整'],
    ['an empty file', '  \n', '文件是空的'],
    ['a trailing comma in an array', '{"rules": ["a",]}', 'JSON 语法错误：有不该出现的“]”'],
    ['a word that is not a value', '{"rules": {"duty-chain": of}}', 'JSON 语法错误：有不该出现的“o”'],
    ['no JSON at all', 'rules: {}', 'JSON 语法错误：有不该出现的“r”'],
  ])('says where %s breaks it, in Chinese', (_name, text, says) => {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.message).toContain(says);
      // Only text that stops short is incomplete at its end.
      if (!says.includes('结尾')) expect(parsed.message).not.toContain('结尾');
      expect(parsed.message.replaceAll('JSON', '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('gives the value of valid JSON', () => {
    expect(parseJsonText('{"a": [1, "二"]}')).toEqual({ ok: true, value: { a: [1, '二'] } });
  });

  it('reads a file Notepad saved as UTF-8 with a byte order mark, and places errors in it as without', () => {
    expect(parseJsonText('\uFEFF{"a": [1, "二"]}')).toEqual({ ok: true, value: { a: [1, '二'] } });
    expect(parseJsonText('\uFEFF{\n  "a": 1,\n}')).toEqual(parseJsonText('{\n  "a": 1,\n}'));
  });
});
