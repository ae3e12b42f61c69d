import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffText } from '../../align/index.js';
import { escapeHtml } from '../../html/index.js';
import { segmentsView } from './segments.js';

/** The text a reader sees as "before" or "after", with our markup and elisions taken out. */
function side(markup: string, keep: 'del' | 'ins'): string {
  const drop = keep === 'del' ? 'ins' : 'del';
  return markup
    .replace(new RegExp(`<${drop}>[\\s\\S]*?</${drop}>`, 'g'), '')
    .replace(/<\/?(?:del|ins)>/g, '')
    .replace(/<span class="elided"[^>]*>…<\/span>/g, '');
}

describe('segmentsView', () => {
  it.each([
    ['a deletion', '对泄密案件的调查处理', '对泄密案件的处理', '对泄密案件的<del>调查</del>处理'],
    ['an insertion', '对保密工作的检查', '对保密工作的监督检查', '对保密工作的<ins>监督</ins>检查'],
    ['a replaced number', '主席令第28号', '主席令第20号', '主席令第<del>28</del><ins>20</ins>号'],
    ['markup as text', '名称', '名称<b>', '名称<ins>&lt;b&gt;</ins>'],
  ])('shows %s', (_label, before, after, expected) => {
    expect(segmentsView(diffText(before, after)).value).toBe(expected);
  });

  it('elides long unchanged text around a change, keeping the context on both sides', () => {
    const head = '甲'.repeat(50);
    const tail = '乙'.repeat(50);
    const markup = segmentsView(diffText(`${head}旧${tail}`, `${head}新${tail}`), 5).value;
    expect(markup).toBe(`<span class="elided" title="此处省略了未改动的文字">…</span>甲甲甲甲甲<del>旧</del><ins>新</ins>乙乙乙乙乙<span class="elided" title="此处省略了未改动的文字">…</span>`);
  });

  it('keeps a "…" of the text itself as text', () => {
    const markup = segmentsView(diffText(`${'…'.repeat(40)}旧${'…'.repeat(40)}`, `${'…'.repeat(40)}新${'…'.repeat(40)}`), 3).value;
    expect(markup.match(/class="elided"/g)).toHaveLength(2);
    expect(markup).toContain('<span class="elided" title="此处省略了未改动的文字">…</span>………<del>旧</del>');
  });

  it('without elision, reads back as the escaped before and after texts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 40 }), (before, after) => {
        const markup = segmentsView(diffText(before, after), 1000).value;
        expect(side(markup, 'del')).toBe(escapeHtml(before));
        expect(side(markup, 'ins')).toBe(escapeHtml(after));
      }),
    );
  });
});
