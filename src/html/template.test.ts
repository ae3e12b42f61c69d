import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, join, trusted } from './index.js';

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#96);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#96': '`' })[e] as string);
}

describe('html template', () => {
  it.each([
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['" onmouseover="x', '&quot; onmouseover=&quot;x'],
    ["'single'", '&#39;single&#39;'],
    ['a & b', 'a &amp; b'],
    ['&lt;already&gt;', '&amp;lt;already&amp;gt;'],
    ['《中华人民共和国保守国家秘密法》', '《中华人民共和国保守国家秘密法》'],
  ])('escapes %s', (input, expected) => {
    expect(html`<p>${input}</p>`.value).toBe(`<p>${expected}</p>`);
  });

  it('keeps safe fragments, flattens arrays and drops null, undefined and booleans', () => {
    const items = ['<a>', 'b'].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${true}${0}`.value).toBe('<ul><li>&lt;a&gt;</li><li>b</li></ul>0');
    expect(join(['<x>', trusted('<br>')], ', ').value).toBe('&lt;x&gt;, <br>');
  });

  it('lets no interpolated string open a tag or leave an attribute, and loses no character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const out = html`<p title="${text}">${text}</p>`.value;
        const title = out.slice('<p title="'.length, out.indexOf('">'));
        const body = out.slice(out.indexOf('">') + 2, -'</p>'.length);
        expect(title).not.toMatch(/[<>"'`]/);
        expect(body).not.toMatch(/[<>]/);
        expect(decodeEntities(body)).toBe(text);
        expect(escapeHtml(text)).toBe(body);
      }),
    );
  });
});
