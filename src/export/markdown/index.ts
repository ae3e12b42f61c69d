import type { PowerList, ProcessSheet } from '../../model/index.js';
import { cellValue, exportColumns, listTitle, sheetFacts } from '../table/index.js';

/**
 * A Markdown table cell: pipes escaped, line breaks as <br> (a pipe table row is one line),
 * and “&” escaped where it would read as a character reference.
 */
export function markdownCell(text: string): string {
  return text
    .replace(/&(?=#?[a-zA-Z0-9]{2,10};?)/g, '&amp;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/**
 * The list as Markdown: the title line, then one pipe table (header once, one row per item
 * or sub-item), then each process sheet as a section of labelled lines.
 */
export function writeMarkdown(list: PowerList): string {
  const out: string[] = [listTitle(list), ''];
  if (list.items.length > 0) {
    const columns = exportColumns(list);
    out.push(`| ${columns.map((c) => markdownCell(c.header)).join(' | ')} |`);
    out.push(`|${columns.map(() => '---').join('|')}|`);
    for (const item of list.items) out.push(`| ${columns.map((c) => markdownCell(cellValue(item, c))).join(' | ')} |`);
    out.push('');
  }
  for (const sheet of list.processSheets) out.push(...sheetSection(sheet), '');
  return `${out.join('\n').trimEnd()}\n`;
}

function sheetSection(sheet: ProcessSheet): string[] {
  const lines = [`## ${sheet.title}`, ''];
  for (const [label, value] of sheetFacts(sheet)) lines.push(`- ${label}：${value}`);
  if (sheet.conditions.length > 0) lines.push('', '申请条件：', ...sheet.conditions.map((c, i) => `${i + 1}. ${c}`));
  if (sheet.materials.length > 0) lines.push('', '提交材料：', ...sheet.materials.map((m, i) => `${i + 1}. ${m}`));
  if (sheet.steps.length > 0) {
    lines.push('', '办理流程：');
    sheet.steps.forEach((step, i) => {
      const extra = [step.deadline ? `时限：${step.deadline.raw}` : '', step.documents.length ? `文书：${step.documents.join('、')}` : '']
        .filter(Boolean)
        .join('；');
      lines.push(`${i + 1}. ${step.name}${extra ? `（${extra}）` : ''}`);
    });
  }
  return lines;
}
