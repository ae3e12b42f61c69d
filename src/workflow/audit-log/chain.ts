import { sm3Hex } from './sm3.js';

/** The prev_hash of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** An event as it is stored: `data` is the exact JSON text that was hashed. */
export interface ChainedEvent {
  readonly seq: number;
  /** null for events outside any case (a process definition saved). */
  readonly caseId: string | null;
  /** The instant it was recorded, ISO 8601 with +08:00. */
  readonly at: string;
  readonly kind: string;
  readonly data: string;
  readonly prevHash: string;
  readonly hash: string;
}

export type UnsealedEvent = Omit<ChainedEvent, 'prevHash' | 'hash'>;

/**
 * Every field but the hash, in a fixed order and JSON-escaped, so no two different events
 * give the same input. The data is hashed as stored text, never re-serialised.
 */
export function eventHash(prevHash: string, event: UnsealedEvent): string {
  return sm3Hex(JSON.stringify([prevHash, event.seq, event.caseId, event.at, event.kind, event.data]));
}

/** Links an event to the chain: the next seq's event carries this one's hash. */
export function seal(prevHash: string, event: UnsealedEvent): ChainedEvent {
  return { ...event, prevHash, hash: eventHash(prevHash, event) };
}

/** JSON with object keys sorted at every level, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}
