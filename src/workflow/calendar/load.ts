import { existsSync } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseJsonText } from '../../json/index.js';
import { type Calendar, createCalendar } from './calendar.js';
import { CalendarError } from './errors.js';
import { type CalendarYear, parseCalendarYear } from './schema.js';

/** The file operations the calendar needs; tests pass their own. */
export interface CalendarFs {
  readdir(dir: string): Promise<string[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

export const YEAR_FILE = /^(\d{4})\.json$/;

export interface CalendarYearFiles {
  readonly years: readonly CalendarYear[];
  /** Files in the folder that are not <year>.json: reported, not read. */
  readonly ignored: readonly string[];
}

/** Reads and validates every <year>.json in `dir`; one bad file stops the load with its name. */
export async function readCalendarYears(dir: string, fs: CalendarFs = nodeFs): Promise<CalendarYearFiles> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch (cause) {
    throw new CalendarError('unreadable-file', '无法读取节假日安排目录', dir, [], { cause });
  }
  const years: CalendarYear[] = [];
  const ignored: string[] = [];
  for (const name of [...names].sort()) {
    const match = YEAR_FILE.exec(name);
    if (!match) {
      ignored.push(name);
      continue;
    }
    const path = join(dir, name);
    const year = await readYearFile(path, fs);
    if (year.year !== Number(match[1])) {
      throw new CalendarError('bad-file', `文件名年份与内容中的 year（${year.year}）不一致`, path);
    }
    years.push(year);
  }
  return { years, ignored };
}

export async function readYearFile(path: string, fs: Pick<CalendarFs, 'readFile'> = nodeFs): Promise<CalendarYear> {
  return parseCalendarYear(await readJson(path, fs), path);
}

export async function readJson(path: string, fs: Pick<CalendarFs, 'readFile'>): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (cause) {
    throw new CalendarError('unreadable-file', '无法读取文件', path, [], { cause });
  }
  const json = parseJsonText(text);
  if (!json.ok) throw new CalendarError('bad-file', `不是有效的 JSON：${json.message}`, path, []);
  return json.value;
}

/**
 * Loads data/calendar (or any folder of <year>.json files) into a Calendar.
 * @example const calendar = await loadCalendar('data/calendar'); calendar.isWorkday('2025-10-11') // true
 */
export async function loadCalendar(dir: string, fs: CalendarFs = nodeFs): Promise<Calendar> {
  const { years } = await readCalendarYears(dir, fs);
  return createCalendar(years);
}

/**
 * The bundled data/calendar folder, found by walking up from this module (works from
 * src/ under tsx and from dist/ after a build); null when there is none.
 */
export function findCalendarDir(
  from: string = dirname(fileURLToPath(import.meta.url)),
  exists: (path: string) => boolean = existsSync,
): string | null {
  let dir = from;
  for (;;) {
    const candidate = join(dir, 'data', 'calendar');
    if (exists(join(dir, 'package.json')) && exists(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
