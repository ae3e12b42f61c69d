import { InvalidArgumentError } from 'commander';
import { FIELD_LABELS, FIELD_NAMES, type FieldName, isFieldName } from '../model/index.js';
import { FORMATS } from '../ingest/index.js';
import type { SourceFormat } from '../model/index.js';

export function parseFrom(value: string): SourceFormat {
  if (!(FORMATS as string[]).includes(value)) {
    throw new InvalidArgumentError(`未知的格式“${value}”，可用：${FORMATS.join('、')}`);
  }
  return value as SourceFormat;
}

/** A field as --map takes it: its name, or the Chinese label inspect's 列映射 shows it under. */
function fieldNamed(text: string): FieldName | undefined {
  if (isFieldName(text)) return text;
  return FIELD_NAMES.find((field) => FIELD_LABELS[field] === text);
}

/** `--map 列名=字段` (repeatable); `列名=` marks a column as unknown (kept under its header). */
export function collectMap(value: string, previous: Record<string, FieldName | null> = {}): Record<string, FieldName | null> {
  const at = value.lastIndexOf('=');
  if (at <= 0) throw new InvalidArgumentError(`--map 应写作“列名=字段”，收到“${value}”`);
  const header = value.slice(0, at).trim();
  const text = value.slice(at + 1).trim();
  if (text === '') return { ...previous, [header]: null };
  const field = fieldNamed(text);
  if (!field) {
    const choices = FIELD_NAMES.map((name) => `${FIELD_LABELS[name]}（${name}）`).join('、');
    throw new InvalidArgumentError(`未知的字段“${text}”，可用：${choices}`);
  }
  return { ...previous, [header]: field };
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
