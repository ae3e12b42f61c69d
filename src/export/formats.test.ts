import { describe, expect, it } from 'vitest';
import { csvField, markdownCell } from './index.js';

describe('csvField', () => {
  it.each([
    ['plain', '行政许可', '行政许可'],
    ['comma', 'a,b', '"a,b"'],
    ['quote', '他说"好"', '"他说""好"""'],
    ['line break', '1.\n2.', '"1.\n2."'],
    ['edge space', ' a', '" a"'],
    ['empty', '', ''],
  ])('%s', (_, text, field) => {
    expect(csvField(text)).toBe(field);
  });
});

describe('markdownCell', () => {
  it.each([
    ['line breaks become <br>', '1.立案\n2.调查', '1.立案<br>2.调查'],
    ['pipes are escaped', 'a|b', 'a\\|b'],
    ['an ampersand that would read as a reference is escaped', '&lt; and & alone', '&amp;lt; and & alone'],
  ])('%s', (_, text, cell) => {
    expect(markdownCell(text)).toBe(cell);
  });
});
