import { InvalidArgumentError } from 'commander';
import { type FieldName, isFieldName } from '../model/index.js';
import { FORMATS } from '../ingest/index.js';
import type { SourceFormat } from '../model/index.js';

export function parseFrom(value: string): SourceFormat {
  if (!(FORMATS as string[]).includes(value)) {
    throw new InvalidArgumentError(`未知的格式“${value}”，可用：${FORMATS.join('、')}`);
  }
  return value as SourceFormat;
}

/** `--map 列名=field` (repeatable); `列名=` marks a column as unknown (kept under its header). */
export function collectMap(value: string, previous: Record<string, FieldName | null> = {}): Record<string, FieldName | null> {
  const at = value.lastIndexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`--map 应写作“列名=字段”，收到“${value}”`);
  const header = value.slice(0, at).trim();
  const field = value.slice(at + 1).trim();
  if (field !== '' && !isFieldName(field)) {
    throw new InvalidArgumentError(`未知的字段“${field}”`);
  }
  return { ...previous, [header]: field === '' ? null : (field as FieldName) };
}

export function oneOf<T extends string>(allowed: readonly T[], name: string) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`${name} 只能是 ${allowed.join('、')}，收到“${value}”`);
    }
    return value as T;
  };
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`应为正整数，收到“${value}”`);
  return n;
}
