import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import { createCalendar } from './calendar.js';
import { CalendarError } from './errors.js';
import { type CalendarFs, readCalendarYears, readJson } from './load.js';
import { parseCalendarYear } from './schema.js';

export interface CalendarWriteFs extends CalendarFs {
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
}

export interface AddCalendarYearOptions {
  /** The calendar folder (data/calendar). */
  readonly dir: string;
  /** Overwrite a year that is already there (a corrected or amended notice). */
  readonly replace?: boolean;
  readonly fs?: CalendarWriteFs;
}

export interface AddCalendarYearResult {
  readonly year: number;
  readonly path: string;
  readonly replaced: boolean;
  readonly verified: boolean;
  readonly offDays: number;
  readonly makeupWorkdays: number;
  /** Chinese lines for the CLI to print. */
  readonly messages: readonly string[];
}

/**
 * Validates a new year file (schema, the notice sentences against the typed dates, no
 * contradiction with the years already there) and copies it into the calendar folder as
 * <year>.json. Backs `quanze calendar add <file>`.
 * @example await addCalendarYear('2027.json', { dir: 'data/calendar' }) // { year: 2027, … }
 */
export async function addCalendarYear(file: string, options: AddCalendarYearOptions): Promise<AddCalendarYearResult> {
  const fs = options.fs ?? nodeFs;
  const data = await readJson(file, fs);
  const year = parseCalendarYear(data, file);
  const existing = await readCalendarYears(options.dir, fs);
  const replaced = existing.years.some((other) => other.year === year.year);
  if (replaced && !options.replace) {
    throw new CalendarError('year-exists', `${year.year}年的节假日安排已存在；如需替换，请使用替换选项`, file);
  }
  try {
    createCalendar([...existing.years.filter((other) => other.year !== year.year), year]);
  } catch (cause) {
    if (cause instanceof CalendarError) throw new CalendarError(cause.code, cause.detail, file, cause.issues, { cause });
    throw cause;
  }
  const path = join(options.dir, `${year.year}.json`);
  // The caller's JSON is written, not the parsed value, so nothing the schema defaults is invented.
  await fs.writeFile(path, `${JSON.stringify(data, null, 2)}\n`, 'utf8');

  // Counted after later notices override earlier ones (2020's extension turned a workday off).
  const dates = year.holidays.flatMap((h) => [...h.off, ...h.work]).sort();
  const special = createCalendar([year]).specialDaysBetween(dates[0] ?? `${year.year}-01-01`, dates.at(-1) ?? `${year.year}-01-01`);
  const offDays = special.filter((day) => !day.workday).length;
  const makeupWorkdays = special.filter((day) => day.workday).length;
  const messages = [
    `${replaced ? '已替换' : '已添加'}${year.year}年节假日安排：放假${offDays}天，调休上班${makeupWorkdays}天（${path}）`,
  ];
  if (!year.verified) messages.push(`注意：${year.year}年的安排标记为未核实：${year.note ?? ''}`);
  return { year: year.year, path, replaced, verified: year.verified, offDays, makeupWorkdays, messages };
}
