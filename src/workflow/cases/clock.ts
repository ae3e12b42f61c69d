import { isIsoDate } from '../calendar/index.js';

/**
 * The clock domain code is given: it returns the current instant in Asia/Shanghai as
 * ISO 8601 with its offset ("2025-10-09T09:30:00.000+08:00"). Domain code never reads
 * Date.now(); the CLI and server pass `systemClock`, tests a fixed one.
 */
export type Clock = () => string;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?\+08:00$/;

/** An instant as Asia/Shanghai wall time; China has kept +08:00 without daylight saving since 1991. */
export function shanghaiInstant(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** The real clock, for the edges (CLI, server). */
export const systemClock: Clock = () => shanghaiInstant(Date.now());

/**
 * A clock standing still, for tests and for back-dated entry; a bare date means 09:00 that day.
 * @example fixedClock('2025-10-09')() // '2025-10-09T09:00:00.000+08:00'
 */
export function fixedClock(at: string): Clock {
  const instant = isIsoDate(at) ? `${at}T09:00:00.000+08:00` : at;
  if (!isInstant(instant)) throw new Error(`“${at}”不是有效的时刻，应为 YYYY-MM-DD 或 YYYY-MM-DDThh:mm:ss+08:00`);
  return () => instant;
}

export function isInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  return m !== null && isIsoDate(m[1] as string) && !Number.isNaN(Date.parse(text));
}

/** The civil date of an instant in Asia/Shanghai. */
export function todayOf(clock: Clock): string {
  return clock().slice(0, 10);
}
