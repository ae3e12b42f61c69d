import { squeeze } from './lines.js';

/** "一、行政权力运行流程图", "（一）行政审批流程图": numbered with Chinese numerals. */
const SECTION = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[）)])/;
/** "1.商用密码产品销售许可审批流程图（初审）", "保密检查流程图": one chart per such line. */
const CHART = /^(?:([0-9０-９]{1,3}[.．、])[\s\u3000]*)?([^：:]{0,60}?流程图(?:[（(][^）)]{0,20}[）)])?)[\s\u3000]*$/;

export type Heading = { kind: 'section'; text: string } | { kind: 'chart'; title: string; enumerator: string | null };

/**
 * Whether a line is a section heading or the heading of one chart.
 *
 * @example headingOf('1.保密检查流程图') // { kind: 'chart', title: '保密检查流程图', enumerator: '1.' }
 */
export function headingOf(raw: string): Heading | null {
  const text = raw.trim();
  if (!text.includes('流程') && !SECTION.test(text)) return null;
  if (SECTION.test(text)) return text.length <= 40 ? { kind: 'section', text } : null;
  const m = CHART.exec(text);
  if (!m) return null;
  return { kind: 'chart', title: squeeze(m[2] ?? ''), enumerator: m[1] ?? null };
}
