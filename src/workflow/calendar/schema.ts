import { z } from 'zod';
import { isIsoDate, toDayNumber, weekdayOf } from './civil-date.js';
import { CalendarError } from './errors.js';
import { readNoticeText } from './notice-text.js';

/**
 * data/calendar/<year>.json: one year's State Council holiday arrangement (国务院办公厅
 * 关于<year>年部分节假日安排的通知), and any later notice that changed it, each day off
 * (休) and each weekend workday (调休上班) typed out, with the notice sentence verbatim.
 */
export const IsoDateString = z.string().refine(isIsoDate, { message: '应为 YYYY-MM-DD 格式的有效日期' });

export const NoticeSource = z.strictObject({
  /** Referenced by holidays[].source. */
  id: z.string().min(1),
  /** 国务院办公厅关于2025年部分节假日安排的通知 */
  title: z.string().min(1),
  /** 文号, e.g. 国办发明电〔2024〕12号; null when not established. */
  docNumber: z.string().min(1).nullable(),
  /** Set when docNumber (or another field of the source) could not be confirmed. */
  unverified: z.literal(true).optional(),
  /** 成文日期: the date printed under the notice. */
  date: IsoDateString,
  /** Date the notice was made public (gov.cn, Xinhua). */
  published: IsoDateString,
  url: z.string().url().nullable(),
  /** Where the dates were checked against the notice's text. */
  checkedAgainst: z.array(z.string().min(1)).default([]),
  note: z.string().optional(),
});
export type NoticeSource = z.infer<typeof NoticeSource>;

export const HolidayEntry = z.strictObject({
  /** 元旦, 春节, 国庆节、中秋节 … as the notice names it. */
  name: z.string().min(1),
  source: z.string().min(1),
  /** The notice's sentence for this holiday, verbatim. */
  text: z.string().optional(),
  /** Every day off (休), ascending. */
  off: z.array(IsoDateString),
  /** Every weekend day turned into a workday (调休上班), ascending. */
  work: z.array(IsoDateString).default([]),
  note: z.string().optional(),
});
export type HolidayEntry = z.infer<typeof HolidayEntry>;

const CalendarYearShape = z.strictObject({
  year: z.number().int().min(1949).max(9999),
  /** False when any single day is not certain; `note` then says which. */
  verified: z.boolean(),
  note: z.string().optional(),
  sources: z.array(NoticeSource).min(1),
  holidays: z.array(HolidayEntry).min(1),
});

export const CalendarYear = CalendarYearShape.superRefine((file, ctx) => {
  for (const issue of yearIssues(file)) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});
export type CalendarYear = z.infer<typeof CalendarYear>;

interface Issue {
  readonly message: string;
  readonly path: (string | number)[];
}

/** The checks a year file must pass beyond its shape; each names where it failed. */
function yearIssues(file: z.infer<typeof CalendarYearShape>): Issue[] {
  // A malformed date is already reported on its own field; nothing below could use it.
  const everyDate = [...file.sources.flatMap((s) => [s.date, s.published]), ...file.holidays.flatMap((h) => [...h.off, ...h.work])];
  if (!everyDate.every(isIsoDate)) return [];
  const issues: Issue[] = [];
  const sourceOrder = new Map<string, number>();
  file.sources.forEach((source, index) => {
    if (sourceOrder.has(source.id)) issues.push({ message: `来源编号“${source.id}”重复`, path: ['sources', index, 'id'] });
    sourceOrder.set(source.id, index);
    if (source.published < source.date) {
      issues.push({ message: '发布日期早于成文日期', path: ['sources', index, 'published'] });
    }
    if (index > 0 && source.published < (file.sources[index - 1]?.published ?? '')) {
      issues.push({ message: '来源应按发布日期先后排列（后发布的通知覆盖先发布的）', path: ['sources', index] });
    }
  });
  if (!file.verified && !file.note) {
    issues.push({ message: '未核实（verified: false）的年份必须在 note 中说明哪些日期未核实', path: ['note'] });
  }

  const first = toDayNumber(`${file.year - 1}-12-01`);
  const last = toDayNumber(`${file.year + 1}-01-31`);
  const seen = new Map<string, { source: string; path: (string | number)[] }>();
  file.holidays.forEach((holiday, h) => {
    const order = sourceOrder.get(holiday.source);
    if (order === undefined) issues.push({ message: `来源“${holiday.source}”未在 sources 中列出`, path: ['holidays', h, 'source'] });
    const lists = [
      ['off', holiday.off],
      ['work', holiday.work],
    ] as const;
    for (const [kind, dates] of lists) {
      dates.forEach((date, i) => {
        const path = ['holidays', h, kind, i];
        const day = toDayNumber(date);
        if (day < first || day > last) issues.push({ message: `${date}不在${file.year}年前后的范围内`, path });
        if (i > 0 && date <= (dates[i - 1] ?? '')) issues.push({ message: `${date}应按日期升序排列且不重复`, path });
        if (kind === 'work' && weekdayOf(date) < 6) {
          issues.push({ message: `${date}不是周末，调休上班日应为星期六或星期日`, path });
        }
        const earlier = seen.get(date);
        if (earlier) {
          const earlierOrder = sourceOrder.get(earlier.source) ?? -1;
          if (order === undefined || order <= earlierOrder) {
            issues.push({ message: `${date}重复出现（只有后发布的通知可以改变先前的安排）`, path });
          }
        }
        seen.set(date, { source: holiday.source, path });
      });
    }
    if (holiday.text) issues.push(...checkText(holiday, file.year, h));
  });
  return issues;
}

/** The verbatim sentence and the typed dates must say the same thing. */
function checkText(holiday: HolidayEntry, year: number, h: number): Issue[] {
  const reading = readNoticeText(holiday.text ?? '', year);
  const path = ['holidays', h, 'text'];
  const issues: Issue[] = reading.issues.map((message) => ({ message, path }));
  const recognized = reading.off.length > 0 || reading.work.length > 0;
  if (!recognized) return issues;
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().every((d, i) => d === [...b].sort()[i]);
  if (!same(reading.off, holiday.off)) {
    issues.push({ message: `通知原文的放假日期（${reading.off.join('、')}）与 off 不一致`, path });
  }
  if (!same(reading.work, holiday.work)) {
    issues.push({ message: `通知原文的上班日期（${reading.work.join('、') || '无'}）与 work 不一致`, path });
  }
  if (reading.statedDays !== null && reading.statedDays !== reading.off.length) {
    issues.push({ message: `通知原文称共${reading.statedDays}天，但列出了${reading.off.length}天`, path });
  }
  return issues;
}

const zhCN = z.locales.zhCN();

export type CalendarYearCheck =
  | { readonly ok: true; readonly value: CalendarYear }
  | { readonly ok: false; readonly issues: readonly string[] };

/** Checks parsed JSON against the schema; every problem is described in Chinese. */
export function checkCalendarYear(data: unknown): CalendarYearCheck {
  const result = CalendarYear.safeParse(data, { error: zhCN.localeError });
  return result.success ? { ok: true, value: result.data } : { ok: false, issues: describeIssues(result.error) };
}

/**
 * Like checkCalendarYear, but throws a CalendarError naming the file.
 * @example parseCalendarYear(JSON.parse(text), 'data/calendar/2025.json').year // 2025
 */
export function parseCalendarYear(data: unknown, file?: string): CalendarYear {
  const checked = checkCalendarYear(data);
  if (checked.ok) return checked.value;
  throw new CalendarError('bad-file', `节假日安排文件不符合格式：${checked.issues.join('；')}`, file, checked.issues);
}

/** Chinese one-line descriptions of every problem, for error messages. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.length > 0 ? issue.path.join('.') : '（文件）';
    return `${where}：${issue.message}`;
  });
}
