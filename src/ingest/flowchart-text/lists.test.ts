import { describe, expect, it } from 'vitest';
import { fieldParts } from './labels.js';
import { sourceLines } from './lines.js';
import { readList } from './lists.js';
import type { SyntaxPiece } from './syntax.js';

/** Reads the list after the first line (its label line), as the sheet reader does. */
function list(text: string) {
  const lines = sourceLines(text);
  const head = lines[0];
  const part = head ? fieldParts(head.raw)?.at(-1) : undefined;
  if (!head || !part) throw new Error('the first line must be a list label');
  const syntax: SyntaxPiece[] = [];
  const inline = { text: part.value, line: head.line, offset: head.offset + part.valueAt };
  const { items, end } = readList(lines, 1, inline, (l) => fieldParts(l.raw) !== null, syntax);
  return {
    items: items.map((i) => i.text),
    spans: items.map((i) => [i.firstLine, i.lastLine]),
    next: lines[end]?.raw ?? null,
    syntax: syntax.map((p) => text.slice(p.start, p.end)),
  };
}

describe('readList', () => {
  it('reads numbered entries whose numbers stand alone, joined across lines', () => {
    const read = list('申请条件 ：\n\n1.\n\n有独立的法人资格 ；\n\n2.\n\n有熟悉商用密码产品知识和承担售\n\n后服务的人员 ；\n\n提交材料 ：');
    expect(read.items).toEqual(['有独立的法人资格', '有熟悉商用密码产品知识和承担售后服务的人员']);
    expect(read.spans).toEqual([
      [3, 5],
      [7, 11],
    ]);
    expect(read.next).toBe('提交材料 ：');
    expect(read.syntax).toEqual(['1.', '；', '2.', '；']);
  });

  it('ends the list after an entry closed by 。', () => {
    const read = list('提交材料 ：\n\n1.\n\n上述材料的\n\nPDF \n\n格式电子扫描文件 。\n\n接收申请');
    expect(read.items).toEqual(['上述材料的PDF格式电子扫描文件']);
    expect(read.next).toBe('接收申请');
  });

  it('ends a numbered list at a line that neither continues nor numbers an entry', () => {
    const read = list('申请条件：\n1.甲；\n接收申请');
    expect(read.items).toEqual(['甲']);
    expect(read.next).toBe('接收申请');
  });

  it('reads entries written on the label line', () => {
    const read = list('申请条件：1.有独立的法人资格；2.有人员。\n接收申请');
    expect(read.items).toEqual(['有独立的法人资格', '有人员']);
    expect(read.syntax).toEqual(['1.', '；', '2.', '。']);
    expect(read.next).toBe('接收申请');
  });

  it('reads unnumbered entries, one per ；', () => {
    expect(list('申请条件：\n有独立的法人资格；\n有人员。\n接收申请').items).toEqual(['有独立的法人资格', '有人员']);
  });

  it('keeps a number out of order with the entry before, not as a new entry', () => {
    const read = list('申请条件：1.甲；3.乙；\n接收申请');
    expect(read.items).toEqual(['甲3.乙；']);
    expect(read.syntax).toEqual(['1.', '；']);
  });

  it('stops at a wide gap and after six lines without a terminator', () => {
    expect(list('申请条件：\n1.\n甲\n\n\n\n乙').items).toEqual(['甲']);
    const long = list(`申请条件：\n1.\n${Array.from({ length: 9 }, (_, i) => `第${i}行`).join('\n')}`);
    // Six lines, the number's own line included.
    expect(long.items).toEqual(['第0行第1行第2行第3行第4行']);
    expect(long.next).toBe('第5行');
  });
});
