import { StoreError } from '../errors.js';

/** Store ids are positive integers; anything else names no row. */
export function parseId(id: string | undefined): number | null {
  if (id === undefined || !/^[1-9][0-9]{0,14}$/.test(id)) return null;
  return Number(id);
}

/** Like parseId, but a malformed id in a filter is the caller's mistake, not an empty result. */
export function filterId(id: string | undefined, what: string): number | undefined {
  if (id === undefined) return undefined;
  const parsed = parseId(id);
  if (parsed === null) throw new StoreError('invalid-query', `${what} 不是有效的编号：${id}`);
  return parsed;
}

export interface PageArgs {
  page: number;
  pageSize: number;
  offset: number;
}

export const MAX_PAGE_SIZE = 1000;

export function pageArgs(page: number | undefined, pageSize: number | undefined, defaultSize: number): PageArgs {
  const p = page ?? 1;
  const size = pageSize ?? defaultSize;
  if (!Number.isInteger(p) || p < 1) throw new StoreError('invalid-query', `页码应为正整数：${p}`);
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new StoreError('invalid-query', `每页条数应为 1 到 ${MAX_PAGE_SIZE} 之间的整数：${size}`);
  }
  return { page: p, pageSize: size, offset: (p - 1) * size };
}
