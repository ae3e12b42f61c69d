import { Worker } from 'node:worker_threads';
import { ImportError } from '../errors.js';
import { threadScript } from '../thread-script.js';
import type { PdfPage } from './pages.js';
import type { ErrorFields, PdfAnswer, PdfJob } from './thread.js';

export { MAX_IMAGE_PIXELS, type PdfPage, type TextRun } from './pages.js';

const MiB = 1024 * 1024;
const FLOOR_MS = 30_000;
const PER_MiB_MS = 10_000;

/**
 * The time a PDF may take to read: a tenfold margin for a real one (a 223-page, 1.1 MB table
 * PDF reads in 2.5 s on a 2-core development machine), while a crafted one (streams the budget
 * check re-reads for each header, over-subscribed Huffman tables) can take minutes.
 */
export function pdfDeadlineMs(bytes: number): number {
  return Math.round(FLOOR_MS + (bytes / MiB) * PER_MiB_MS);
}

/** The heap a PDF thread may use; past it, the thread is stopped and the PDF refused (that 223-page PDF needs under 64 MB). */
export const PDF_THREAD_HEAP_MB = 1024;

/** `QUANZE_PDF_TIMEOUT` (seconds) replaces the deadline: to read a PDF known to be slow, or in tests. */
function deadlineFor(bytes: number): number {
  const setting = process.env.QUANZE_PDF_TIMEOUT;
  if (setting === undefined || setting === '') return pdfDeadlineMs(bytes);
  const seconds = Number(setting);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`环境变量 QUANZE_PDF_TIMEOUT 应为正数（秒），而不是“${setting}”`);
  return seconds * 1000;
}

/** How long a thread waits for the next PDF before it is ended, giving back the memory pdf.js holds. */
const IDLE_MS = 60_000;

/**
 * The thread kept after a PDF for the next one: a new thread costs 0.1 s to start and load
 * pdf.js into, and reads its first PDF 0.1–0.3 s slower than a warm one.
 */
let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

function startThread(): Worker {
  const worker = new Worker(threadScript(import.meta.url, 'thread'), { resourceLimits: { maxOldGenerationSizeMb: PDF_THREAD_HEAP_MB } });
  // A thread never keeps the process alive: while a PDF is read, its deadline's timer does.
  worker.unref();
  // While a PDF is read, loadPdf listens for the thread's failure; an idle thread that fails
  // is only forgotten (an 'error' nobody listens to would end the process).
  worker.on('error', () => {});
  worker.on('exit', () => {
    if (idle?.worker !== worker) return;
    clearTimeout(idle.timer);
    idle = null;
  });
  return worker;
}

function takeThread(): Worker {
  if (!idle) return startThread();
  const { worker, timer } = idle;
  clearTimeout(timer);
  idle = null;
  return worker;
}

/** Keeps a thread that answered for the next PDF, unless one is kept already (two PDFs were read at once). */
function releaseThread(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  idle = { worker, timer: setTimeout(() => void worker.terminate(), IDLE_MS).unref() };
}

/**
 * Opens a PDF and reads each page's text runs and ruled lines (see readPages) on a thread of
 * its own: checking the stream budget and running pdf.js take long for some crafted files,
 * and meanwhile the main thread answers other requests. A PDF still being read at the
 * deadline (pdfDeadlineMs), or needing more heap than PDF_THREAD_HEAP_MB, is refused with an
 * ImportError naming the file, and its thread ended; the thread's own refusals come back as
 * the ImportError it threw.
 */
export async function loadPdf(file: string, bytes: Uint8Array): Promise<PdfPage[]> {
  const deadline = deadlineFor(bytes.length);
  // A copy the caller cannot see moves to the thread (pdf.js was given a copy before, too).
  const job: PdfJob = { file, bytes: new Uint8Array(bytes) };
  const worker = takeThread();
  return new Promise<PdfPage[]>((resolve, reject) => {
    const finish = (outcome: () => void, reusable: boolean) => {
      clearTimeout(timer);
      worker.off('message', onAnswer).off('error', onError).off('exit', onExit);
      if (reusable) releaseThread(worker);
      else void worker.terminate();
      outcome();
    };
    const onAnswer = (answer: PdfAnswer) => finish(() => ('pages' in answer ? resolve(answer.pages) : reject(rebuilt(file, answer))), true);
    const onError = (error: Error) => finish(() => reject(threadError(file, error)), false);
    const onExit = (code: number) => finish(() => reject(new Error(`${file}：读取 PDF 的线程意外退出（退出码 ${code}）`)), false);
    const timer = setTimeout(() => finish(() => reject(tooSlow(file, deadline)), false), deadline);
    worker.on('message', onAnswer).on('error', onError).on('exit', onExit);
    worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
  });
}

function tooSlow(file: string, deadline: number): ImportError {
  const seconds = Number((deadline / 1000).toFixed(2));
  return new ImportError('bad-structure', file, `读取 PDF 超过 ${seconds} 秒仍未完成，远超正常的 PDF 文档：文件结构异常复杂，可能是恶意构造的文件，拒绝读取`);
}

function threadError(file: string, error: Error): Error {
  if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  return new ImportError(
    'bad-structure',
    file,
    `读取 PDF 所需内存超过 ${PDF_THREAD_HEAP_MB} MB，远超正常的 PDF 文档：文件结构异常复杂，可能是恶意构造的文件，拒绝读取`,
    {},
    { cause: error },
  );
}

/** The thread's refusal as the ImportError it threw, or its unexpected error as an Error of the same name and message. */
function rebuilt(file: string, answer: Exclude<PdfAnswer, { pages: PdfPage[] }>): Error {
  if ('failed' in answer) return asError(answer.failed);
  const { code, detail, place, advice, cause } = answer.refused;
  return new ImportError(code, file, detail, place, {
    ...(cause !== undefined ? { cause: asError(cause) } : {}),
    ...(advice !== null ? { advice } : {}),
  });
}

function asError(fields: ErrorFields): Error {
  const error = new Error(fields.message);
  error.name = fields.name;
  if (fields.stack !== undefined) error.stack = fields.stack;
  return error;
}
