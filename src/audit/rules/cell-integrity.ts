import type { FieldName, PowerItem, TextCell } from '../../model/index.js';
import { FIELD_LABELS } from '../../model/index.js';
import { defineRule } from '../rule.js';

/** Markup that should not survive into a cell's text: tags (whole or cut), entities, Markdown emphasis. */
export const STRAY_MARKUP = /<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>\n]{0,80})?>?|&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});?|\*\*|__/;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(\/?)>/g;
/** Tags that need no closing tag. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'wbr']);

/**
 * How sure a cut-off is, for a cell the reader flagged: a text ending on a full stop with a
 * quotation left open may only lack its closing ”, and a clause ending in 的 ("…工作的") may
 * only lack its full stop; anything else ends mid-sentence.
 */
export function truncationKind(text: string): 'truncated' | 'unclosed-quote' | 'no-terminal' {
  const t = text.trim();
  const open = (t.match(/“/g) ?? []).length > (t.match(/”/g) ?? []).length;
  const lastLine = t.slice(t.lastIndexOf('\n') + 1);
  const bracketsOpen = ['《》', '（）', '()', '【】'].some(([o, c]) => lastLine.split(o as string).length > lastLine.split(c as string).length);
  if (open && /[。；;！!？?]$/.test(t) && !bracketsOpen) return 'unclosed-quote';
  if (!open && /的$/.test(t) && !bracketsOpen) return 'no-terminal';
  return 'truncated';
}

/** The text cells of an item, by canonical field or (for unknown columns) header. */
function textCells(item: PowerItem): Array<[FieldName | string, TextCell]> {
  const out: Array<[FieldName | string, TextCell]> = [];
  for (const field of Object.keys(FIELD_LABELS) as FieldName[]) {
    const value = item[field];
    if (value && typeof value === 'object' && 'text' in value && 'flags' in value) out.push([field, value as TextCell]);
  }
  for (const [header, cell] of Object.entries(item.extra)) out.push([header, cell]);
  return out;
}

/** Tags opened in the raw cell and never closed, or closed without being opened. */
function unbalanced(raw: string): string | undefined {
  const open: string[] = [];
  for (const m of raw.matchAll(TAG)) {
    const name = (m[2] ?? '').toLowerCase();
    if (VOID.has(name) || m[3] === '/') continue;
    if (m[1] === '/') {
      if (open.at(-1) === name) open.pop();
      else return `</${name}>`;
    } else open.push(name);
  }
  return open.length > 0 ? `<${open.at(-1)}>` : undefined;
}

export const cellIntegrity = defineRule<undefined, 'truncated' | 'unclosed-quote' | 'no-terminal' | 'stray-markup' | 'unbalanced-markup'>({
  id: 'cell-integrity',
  meta: {
    type: 'problem',
    severity: 'warning',
    docs: { description: '单元格不应在原文中被截断，也不应残留 HTML、实体或 Markdown 标记' },
    messages: {
      truncated: '{field}在原文中疑似被截断，结尾为“{tail}”',
      'unclosed-quote': '{field}的引号没有闭合（结尾为“{tail}”），缺少结尾的引号或在原文中被截断',
      'no-terminal': '{field}结尾缺少句末标点（结尾为“{tail}”）',
      'stray-markup': '{field}的文字中残留标记“{markup}”',
      'unbalanced-markup': '{field}的标记不成对（{tag}），单元格可能被截断或拼接',
    },
  },
  check(ctx) {
    for (const item of ctx.list.items) {
      for (const [field, cell] of textCells(item)) {
        const label = field in FIELD_LABELS ? FIELD_LABELS[field as FieldName] : field;
        if (cell.flags.includes('truncated')) {
          const tail = cell.text.slice(-12).replace(/\s+/g, ' ');
          const kind = truncationKind(cell.text);
          ctx.report({ messageId: kind, item, field, data: { field: label, tail }, ...(kind === 'truncated' ? {} : { atMost: 'info' as const }) });
        }
        const stray = STRAY_MARKUP.exec(cell.text);
        if (stray) ctx.report({ messageId: 'stray-markup', item, field, data: { field: label, markup: stray[0] } });
        else if (cell.flags.includes('html')) {
          const tag = unbalanced(cell.raw);
          if (tag) ctx.report({ messageId: 'unbalanced-markup', item, field, data: { field: label, tag } });
        }
      }
    }
  },
});
