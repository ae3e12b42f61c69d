import { type LawLibrary, openLawLibrary } from '../law/index.js';
import type { Io } from './io.js';

/**
 * The law library (registry and texts), read once: audits of stored versions and the
 * compare page resolve cited laws through it. One that cannot be read is reported and
 * done without.
 */
export async function loadLibrary(io: Io): Promise<LawLibrary | undefined> {
  try {
    return await openLawLibrary();
  } catch (error) {
    io.stderr.write(`警告：无法读取法规库，清单不核查，比对页按原文比较引用的法规：${error instanceof Error ? error.message : String(error)}\n`);
    return undefined;
  }
}
