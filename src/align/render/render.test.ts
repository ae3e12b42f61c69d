import { describe, expect, it } from 'vitest';
import { alignLists } from '../align.js';
import { diffLists } from '../diff/list-diff.js';
import { item, list } from '../testing/factories.js';
import { renderAlignmentText } from './alignment-text.js';
import { condense } from './condense.js';
import { escapeHtml, renderDiffHtml } from './diff-html.js';
import { renderDiffText } from './diff-text.js';

describe('condense', () => {
  it.each([
    { segments: [{ op: 'equal' as const, text: '一二三四五六七八九十' }], context: 2, out: [{ op: 'equal', text: '一二三四五六七八九十' }] },
    {
      segments: [
        { op: 'equal' as const, text: '一二三四五六七八九十' },
        { op: 'insert' as const, text: '新' },
        { op: 'equal' as const, text: '甲乙丙丁戊己' },
        { op: 'delete' as const, text: '旧' },
        { op: 'equal' as const, text: '子丑寅卯辰巳午未' },
      ],
      context: 2,
      out: [
        { op: 'equal', text: '…九十', elided: true },
        { op: 'insert', text: '新' },
        { op: 'equal', text: '甲乙…戊己', elided: true },
        { op: 'delete', text: '旧' },
        { op: 'equal', text: '子丑…', elided: true },
      ],
    },
    { segments: [{ op: 'delete' as const, text: '一二三四五六七八九十' }], context: 2, out: [{ op: 'delete', text: '一二三四五六七八九十' }] },
  ])('keeps $context characters around each change', ({ segments, context, out }) => {
    expect(condense(segments, context)).toEqual(out);
  });
});

describe('renderDiffHtml', () => {
  const hostile = '对<script>alert("x")</script>&的处罚';
  it('escapes everything taken from the lists', () => {
    const before = list([item({ 事项名称: '对保密工作的监督检查', 备注: "旧 'a' <b>" })], '<i>局</i>');
    const after = list([item({ 事项名称: '对保密工作的监督检查', 备注: "新 'a' <b>" }), item({ 事项名称: hostile, 权力类型: '行政处罚' })], '<i>局</i>');
    const html = renderDiffHtml(diffLists(before, after, { old: '<v1>', new: '"v2"' }));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('对&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;的处罚');
    expect(html).toContain('<del>旧</del><ins>新</ins> &#39;a&#39; &lt;b&gt;');
    expect(html).toContain('<title>版本比对：&lt;v1&gt; → &quot;v2&quot;</title>');
  });

  it.each([
    ['<a href="x">&</a>', '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'],
    ["'", '&#39;'],
    ['保密', '保密'],
  ])('escapeHtml(%s)', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe('renderDiffText', () => {
  it('says so when nothing changed', () => {
    const same = list([item()]);
    expect(renderDiffText(diffLists(same, same, { old: 'v1', new: 'v2' }))).toBe(
      '版本比对：v1（1 项） → v2（1 项）\n  新增 0，删除 0，改名 0，移动 0，内容变化 0，未变 1\n  两个版本的事项完全相同。\n',
    );
  });
});

describe('renderAlignmentText', () => {
  it('summarises pairs, inconsistencies and the threshold', () => {
    const text = renderAlignmentText(alignLists([list([item()], '甲局'), list([item({ 权力类型: '其他行政权力' })], '乙局')]));
    expect(text).toContain('  [0.80] 第1项 对保密工作的监督检查［行政检查］  ↔  第1项 对保密工作的监督检查［其他行政权力］');
    expect(text).toContain('      ! 权力类型不同：行政检查／其他行政权力');
    expect(text).toMatch(/共 2 份清单，1 组比对，配对 1 对，其中 1 对有不一致（配对阈值 0\.5）\n$/);
  });
});
