import { describe, expect, it } from 'vitest';
import { type ImportAdvice, ImportError } from '../ingest/index.js';
import { importErrorText } from './report-error.js';

describe('importErrorText: the reader says what to do, the CLI names its own options', () => {
  it.each<[string, ImportAdvice | undefined, string]>([
    ['no advice', undefined, '清单.txt（第3行）：缺少表头'],
    ['choose a format', { kind: 'choose-format', formats: ['csv', 'pdf'] }, '清单.txt（第3行）：缺少表头。可用 --from 指定格式（csv、pdf）'],
    ['one thread', { kind: 'single-thread' }, '清单.txt（第3行）：缺少表头；可用 --jobs 1 在单线程中重试'],
  ])('%s', (_, advice, text) => {
    const error = new ImportError('bad-structure', '清单.txt', '缺少表头', { line: 3 }, advice ? { advice } : {});
    expect(error.message).toBe('清单.txt（第3行）：缺少表头');
    expect(importErrorText(error)).toBe(text);
  });
});
