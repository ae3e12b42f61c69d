import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { addCalendarYear, type CalendarWriteFs } from './add-year.js';
import { CalendarError } from './errors.js';
import { findCalendarDir, loadCalendar, readCalendarYears } from './load.js';

const DATA_DIR = fileURLToPath(new URL('../../../data/calendar/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/2019.json', import.meta.url));

/** An in-memory folder holding the real data/calendar files, plus `extra` files elsewhere. */
function memoryFs(extra: Record<string, string> = {}): CalendarWriteFs & { files: Map<string, string> } {
  const files = new Map<string, string>(Object.entries(extra));
  for (const name of readdirSync(DATA_DIR)) files.set(join('/cal', name), readFileSync(join(DATA_DIR, name), 'utf8'));
  return {
    files,
    async readdir(dir) {
      const prefix = `${dir}/`;
      const names = [...files.keys()].filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
      if (names.length === 0) throw new Error(`ENOENT: ${dir}`);
      return names;
    },
    async readFile(path) {
      const text = files.get(path);
      if (text === undefined) throw new Error(`ENOENT: ${path}`);
      return text;
    },
    async writeFile(path, data) {
      files.set(path, data);
    },
  };
}

describe('loading the calendar folder', () => {
  it('reads every year file and reports the others', async () => {
    const fs = memoryFs();
    fs.files.set('/cal/README.md', '说明');
    const { years, ignored } = await readCalendarYears('/cal', fs);
    expect(years.map((y) => y.year)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    expect(ignored).toEqual(['README.md']);
  });

  it('names the file that is broken', async () => {
    const fs = memoryFs();
    fs.files.set('/cal/2024.json', '{ "year": 2024, ');
    await expect(loadCalendar('/cal', fs)).rejects.toThrow(/^\/cal\/2024\.json：不是有效的 JSON/);
  });

  it('refuses a file whose name and year differ', async () => {
    const fs = memoryFs();
    fs.files.set('/cal/2027.json', fs.files.get('/cal/2026.json') as string);
    await expect(loadCalendar('/cal', fs)).rejects.toThrow(/文件名年份与内容中的 year（2026）不一致/);
  });

  it('finds the bundled folder from this module', () => {
    expect(findCalendarDir()).toBe(DATA_DIR.replace(/\/$/, ''));
  });
});

describe('adding a year', () => {
  it('validates and copies a new year, which then counts', async () => {
    const fs = memoryFs({ '/in/2019.json': readFileSync(FIXTURE, 'utf8') });
    const before = await loadCalendar('/cal', fs);
    expect(before.provisionalYears(2019, 2019)).toEqual([2019]);

    const result = await addCalendarYear('/in/2019.json', { dir: '/cal', fs });
    expect(result).toMatchObject({ year: 2019, path: '/cal/2019.json', replaced: false, verified: false });
    // 2018-12-30..2019-01-01, 2-04..2-10, 4-05, 5-01..5-04, 6-07, 9-13, 10-01..10-07 (5-01 counted once).
    expect(result.offDays).toBe(3 + 7 + 1 + 4 + 1 + 1 + 7);
    // 2018-12-29, 2-02, 2-03, 4-28, 5-05, 9-29, 10-12.
    expect(result.makeupWorkdays).toBe(7);
    expect(result.messages[1]).toMatch(/未核实/);

    const after = await loadCalendar('/cal', fs);
    expect(after.provisionalYears(2019, 2019)).toEqual([]);
    expect(after.isWorkday('2019-05-02')).toBe(false);
    expect(after.isWorkday('2019-05-05')).toBe(true);
    expect(after.dayInfo('2019-05-03').source?.title).toBe('国务院办公厅关于调整2019年劳动节假期安排的通知');
  });

  it('will not overwrite a year unless told to', async () => {
    const fs = memoryFs({ '/in/2025.json': readFileSync(join(DATA_DIR, '2025.json'), 'utf8') });
    await expect(addCalendarYear('/in/2025.json', { dir: '/cal', fs })).rejects.toMatchObject({ code: 'year-exists' });
    const replaced = await addCalendarYear('/in/2025.json', { dir: '/cal', fs, replace: true });
    expect(replaced.replaced).toBe(true);
  });

  it('refuses a year that contradicts a neighbouring year', async () => {
    const year2022 = JSON.parse(readFileSync(join(DATA_DIR, '2022.json'), 'utf8'));
    year2022.holidays.push({ name: '测试', source: 'annual', off: [], work: ['2022-12-31'] });
    const fs = memoryFs({ '/in/2022.json': JSON.stringify(year2022) });
    const failure = addCalendarYear('/in/2022.json', { dir: '/cal', fs, replace: true });
    await expect(failure).rejects.toBeInstanceOf(CalendarError);
    await expect(failure).rejects.toThrow(/^\/in\/2022\.json：2022-12-31在2022年与2023年的节假日安排中相互矛盾/);
    expect(fs.files.get('/cal/2022.json')).toBe(readFileSync(join(DATA_DIR, '2022.json'), 'utf8'));
  });

  it('refuses a file that fails the schema, listing each problem', async () => {
    const fs = memoryFs({ '/in/2027.json': JSON.stringify({ year: 2027, verified: true, sources: [], holidays: [] }) });
    const failure = addCalendarYear('/in/2027.json', { dir: '/cal', fs });
    await expect(failure).rejects.toMatchObject({ code: 'bad-file' });
    await expect(failure).rejects.toSatisfy((error: CalendarError) => error.issues.length === 2);
    expect(fs.files.has('/cal/2027.json')).toBe(false);
  });
});
