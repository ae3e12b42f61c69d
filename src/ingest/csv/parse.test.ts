import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField } from '../../export/csv/index.js';
import { parseDelimited } from './parse.js';
import { sniffDelimiter, withoutTextMarker } from './index.js';

describe('parseDelimited', () => {
  it.each([
    ['plain', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']], [1, 2]],
    ['CRLF and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']], [1, 2]],
    ['quoted comma, quote and newline', 'a,"b,""c""\nd"\n1,2\n', [['a', 'b,"c"\nd'], ['1', '2']], [1, 3]],
    ['CRLF inside quotes counts one line', '"x\r\ny",z\r\nw\r\n', [['x\r\ny', 'z'], ['w']], [1, 3]],
    ['bare CR line ends', 'a\rb\r', [['a'], ['b']], [1, 2]],
    ['quote inside an unquoted cell is literal', 'a"b,c\n', [['a"b', 'c']], [1]],
    ['text after a closing quote is kept', '"a"b,c\n', [['ab', 'c']], [1]],
    ['empty cells', ',,\n', [['', '', '']], [1]],
  ])('%s', (_, text, rows, lines) => {
    const parsed = parseDelimited(text, ',');
    expect(parsed.rows.map((r) => r.cells)).toEqual(rows);
    expect(parsed.rows.map((r) => r.line)).toEqual(lines);
    expect(parsed.unclosedQuoteAt).toBeUndefined();
  });

  it('reports where an unclosed quote began and keeps the rest in its cell', () => {
    expect(parseDelimited('a\n"b\nc', ',')).toEqual({ rows: [{ line: 1, cells: ['a'] }, { line: 2, cells: ['b\nc'] }], unclosedQuoteAt: 2 });
  });

  it('reads back any rows the CSV writer quotes, formula guards included', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '许', ',', '"', '\n', '\r\n', ' ', '\t', '可', '=', '+', '-', '@', "'") });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const text = `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
        expect(parseDelimited(text, ',').rows.map((r) => r.cells.map(withoutTextMarker))).toEqual(rows);
      }),
    );
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['comma', '标题\n序号,权力类型,事项名称\n1,行政处罚,x\n', ','],
    ['tab', '序号\t权力类型\t事项名称\n', '\t'],
    ['semicolon', '序号;权力类型;事项名称\n', ';'],
    ['no header', 'a,b,c\n1,2,3\n', null],
  ])('%s', (_, text, delimiter) => {
    expect(sniffDelimiter(text)?.delimiter ?? null).toBe(delimiter);
  });
});
