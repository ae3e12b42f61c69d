import type { Level, PowerItem } from '../model/index.js';

/** What the department, region and level are derived from in a list's first items. */
export type ListMetaSample = Pick<PowerItem, 'subject' | 'serviceLevel'>;

const TITLE_SUFFIX = /(权责清单|责任清单|权力清单|清单)(（[^）]*）)?$/;

/** The department a list belongs to: from its title, else the most common 实施主体. */
export function deriveDepartment(title: string | null, items: readonly ListMetaSample[]): string | null {
  const fromTitle = title?.replace(/\s+/g, '').replace(TITLE_SUFFIX, '');
  if (fromTitle) return fromTitle;
  const counts = new Map<string, number>();
  for (const item of items) {
    const subject = item.subject?.text.trim();
    if (subject) counts.set(subject, (counts.get(subject) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

const LEVEL_BY_SERVICE: Readonly<Record<string, Level>> = { 国家级: '国家', 省级: '省级', 市级: '市级', 县级: '县级', 乡级: '乡级', 乡镇级: '乡级' };

/** Places named at the start of a department, most specific last, with the level they imply. */
const PLACE_PATTERNS: readonly { pattern: RegExp; level: Level }[] = [
  { pattern: /^(?:中共)?(自治区|[\u4e00-\u9fff]{2,8}?(?:省|自治区))/, level: '省级' },
  { pattern: /^(?:中共)?([\u4e00-\u9fff]{1,8}?(?:县|旗|区))/, level: '县级' },
  { pattern: /^(?:中共)?([\u4e00-\u9fff]{1,8}?市)/, level: '市级' },
  { pattern: /^(?:中共)?([\u4e00-\u9fff]{1,8}?(?:州|盟))/, level: '市级' },
];

/** Region and level from what a list says: its items' 办事层级 first, else the department's name. */
export function deriveRegionLevel(
  department: string | null,
  items: readonly ListMetaSample[],
): { region: string | null; level: Level | null } {
  const service = items.map((item) => item.serviceLevel?.text.trim()).find((text) => text && LEVEL_BY_SERVICE[text]);
  for (const { pattern, level } of PLACE_PATTERNS) {
    const match = department?.match(pattern);
    if (match?.[1]) return { region: match[1], level: (service && LEVEL_BY_SERVICE[service]) || level };
  }
  return { region: null, level: (service && LEVEL_BY_SERVICE[service]) || null };
}
