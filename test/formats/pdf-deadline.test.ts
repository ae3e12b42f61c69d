import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportError, importBytes } from '../../src/ingest/index.js';
import { loadPdf } from '../../src/ingest/pdf/load.js';
import { handPdf, slowPdf } from './helpers/pdf-bomb.js';

/**
 * PDFs are read on a thread of their own with a deadline. QUANZE_READ_TIMEOUT makes the
 * deadline 1 s here, against some 10 s for slowPdf (its inflater builds a 32,768-entry table
 * for each of 1,000 blocks, in the budget check and again in pdf.js).
 */
describe('a PDF that takes far longer to read than a real one', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is refused at the deadline with a typed error naming the file; the next PDF is read on a new thread', async () => {
    vi.stubEnv('QUANZE_READ_TIMEOUT', '1');
    const error = await importBytes('清单.pdf', slowPdf()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'bad-structure', file: '清单.pdf' });
    expect((error as ImportError).message).toBe('清单.pdf：读取 PDF 超过 1 秒仍未完成，远超正常的 PDF 文档：文件结构异常复杂，可能是恶意构造的文件，拒绝读取');
    vi.unstubAllEnvs();
    const [page] = await loadPdf('小.pdf', handPdf([]));
    expect(page?.runs.map((run) => run.text)).toEqual(['a small PDF']);
  });

  it('says what is wrong with a QUANZE_READ_TIMEOUT that is not a number of seconds', async () => {
    vi.stubEnv('QUANZE_READ_TIMEOUT', '1分钟');
    await expect(loadPdf('小.pdf', handPdf([]))).rejects.toThrow('环境变量 QUANZE_READ_TIMEOUT 应为正数（秒），而不是“1分钟”');
  });
});
