import { parseOrderNumbers } from '../registry/index.js';
import { parseChineseNumber } from '../../parse/index.js';
import { DATE_PATTERN, HINT_EVENTS, YEAR_PATTERN } from './patterns.js';
import type { HintEvent, VersionHint } from './types.js';

/** Clause separators: what happened on a date is said before the next one. */
const CLAUSE_END = /[,;，；]/;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(y: string, m: string, d: string): string | undefined {
  const year = parseChineseNumber(y);
  const month = parseChineseNumber(m);
  const day = parseChineseNumber(d);
  if (year === null || month === null || day === null) return undefined;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** The events named between `from` and the next date or clause end. */
function eventsIn(text: string, from: number, to: number): HintEvent[] {
  let end = to;
  const clause = CLAUSE_END.exec(text.slice(from, to));
  if (clause) end = from + clause.index;
  const segment = text.slice(from, end);
  const events: HintEvent[] = [];
  let rest = segment;
  // Longest words first, each occurrence counted once: "修订施行" is amended and effective.
  for (const [word, event] of HINT_EVENTS) {
    if (rest.includes(word)) {
      if (!events.includes(event)) events.push(event);
      rest = rest.split(word).join(' ');
    }
  }
  return events;
}

/**
 * Version hints in a note, with spans into the text the note is part of (`offset` is where
 * the note's text starts there).
 *
 * @example readVersionHints('2010年4月29日中华人民共和国主席令第二十八号公布，自2010年10月1日起施行')
 * // [{ kind: 'date', date: '2010-04-29', events: ['promulgated'] }, { kind: 'order', order: '主席令第28号' },
 * //  { kind: 'date', date: '2010-10-01', events: ['effective'] }]
 */
export function readVersionHints(note: string, offset = 0): VersionHint[] {
  const hints: Array<VersionHint & { at: number }> = [];
  const dates: Array<{ at: number; end: number; date: string | undefined; raw: string }> = [];
  const datePattern = new RegExp(DATE_PATTERN.pattern.source, 'g');
  for (let m = datePattern.exec(note); m !== null; m = datePattern.exec(note)) {
    dates.push({ at: m.index, end: m.index + m[0].length, date: isoDate(m[1] ?? '', m[2] ?? '', m[3] ?? ''), raw: m[0] });
  }
  const years: Array<{ at: number; end: number; year: number; raw: string }> = [];
  const yearPattern = new RegExp(YEAR_PATTERN.pattern.source, 'g');
  for (let m = yearPattern.exec(note); m !== null; m = yearPattern.exec(note)) {
    if (dates.some((d) => m !== null && m.index >= d.at && m.index < d.end)) continue;
    years.push({ at: m.index, end: m.index + m[0].length, year: Number(m[1]), raw: m[0] });
  }
  const starts = [...dates.map((d) => d.at), ...years.map((y) => y.at), note.length].sort((a, b) => a - b);
  const nextStart = (after: number) => starts.find((s) => s > after) ?? note.length;
  for (const d of dates) {
    if (d.date === undefined) continue;
    const events = eventsIn(note, d.end, nextStart(d.at));
    hints.push({ kind: 'date', date: d.date, events, raw: d.raw, span: [offset + d.at, offset + d.end], at: d.at });
  }
  for (const y of years) {
    const events = eventsIn(note, y.end, nextStart(y.at));
    hints.push({ kind: 'year', year: y.year, events, raw: y.raw, span: [offset + y.at, offset + y.end], at: y.at });
  }
  let cursor = 0;
  for (const order of parseOrderNumbers(note)) {
    const at = note.indexOf(order.raw, cursor);
    if (at < 0) continue;
    cursor = at + order.raw.length;
    hints.push({ kind: 'order', order: order.normalized, raw: order.raw, span: [offset + at, offset + cursor], at });
  }
  return hints.sort((a, b) => a.at - b.at).map(({ at: _at, ...hint }) => hint);
}
