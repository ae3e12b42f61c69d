import { ImportError } from './errors.js';

const MiB = 1024 * 1024;

/**
 * How much a file may hold unpacked (a ZIP's entries, a PDF's streams): 50 times its own
 * size, at least 64 MiB and at most 1 GiB. Real Office files unpack to 5–20 times their
 * size; a "zip bomb" of a few MB unpacks to gigabytes and would take the process's memory
 * with it.
 */
export function inflateBudget(bytes: number): number {
  return Math.min(1024 * MiB, Math.max(64 * MiB, 50 * bytes));
}

/**
 * The refusal of a file past its budget. `packed` names what was unpacked, `normal` what a
 * real file of the kind is (“正常的表格或文档”).
 */
export function overBudget(file: string, bytes: number, budget: number, what: { packed: string; normal: string }): ImportError {
  return new ImportError(
    'bad-structure',
    file,
    `${what.packed}解开后超过 ${Math.round(budget / MiB)} MB（文件本身 ${(bytes / MiB).toFixed(1)} MB），远超${what.normal}：可能是恶意构造的“压缩炸弹”，拒绝读取`,
  );
}
