import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ImportError } from '../errors.js';
import { threadScript } from '../thread-script.js';
import type { DocumentAnswer, DocumentJob, ErrorFields, JobName, JobResult } from './thread.js';

export type { JobName, JobResult } from './thread.js';

const MiB = 1024 * 1024;
const FLOOR_MS = 30_000;
const PER_MiB_MS = 10_000;

/**
 * The time a document may take to read: a tenfold margin for a real one (a 223-page, 1.1 MB
 * table PDF reads in 2.5 s on a 2-core development machine, a 50,000-row, 1.6 MB workbook in
 * 1.1 s), while a crafted one can take minutes.
 */
export function documentDeadlineMs(bytes: number): number {
  return Math.round(FLOOR_MS + (bytes / MiB) * PER_MiB_MS);
}

/** The heap a document thread may use; past it, the thread is stopped and the file refused (that 223-page PDF needs under 64 MB). */
export const DOCUMENT_THREAD_HEAP_MB = 1024;

/** `QUANZE_READ_TIMEOUT` (seconds) replaces the deadline: to read a file known to be slow, or in tests. */
function deadlineFor(bytes: number): number {
  const setting = process.env.QUANZE_READ_TIMEOUT;
  if (setting === undefined || setting === '') return documentDeadlineMs(bytes);
  const seconds = Number(setting);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new Error(`环境变量 QUANZE_READ_TIMEOUT 应为正数（秒），而不是“${setting}”`);
  return seconds * 1000;
}

/** How each job's refusals name what was being read (“读取 PDF 超过…，远超正常的 PDF 文档”). */
const KINDS: Record<JobName, { reading: string; normal: string }> = {
  pdf: { reading: '读取 PDF ', normal: '正常的 PDF 文档' },
  xlsx: { reading: '读取 Excel 工作簿', normal: '正常的 Excel 工作簿' },
  'docx-html': { reading: '读取 Word 文档', normal: '正常的 Word 文档' },
  'docx-text': { reading: '读取 Word 文档', normal: '正常的 Word 文档' },
};

/**
 * How many documents are read at once, one thread each; more wait their turn. Each thread
 * may take a core and DOCUMENT_THREAD_HEAP_MB until its deadline, so ten crafted uploads at
 * once would otherwise take every core and ten times the memory.
 */
export const MAX_DOCUMENT_THREADS = Math.max(1, availableParallelism());

let reading = 0;
const waiting: (() => void)[] = [];

/** Resolves when a document may be read; its deadline starts then, not while it waits. */
function takeTurn(): Promise<void> {
  if (reading < MAX_DOCUMENT_THREADS) {
    reading++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

/** Hands the turn to the next document waiting, if any. */
function endTurn(): void {
  const next = waiting.shift();
  if (next) next();
  else reading--;
}

/** Documents being read now (at most MAX_DOCUMENT_THREADS). */
export function documentsReading(): number {
  return reading;
}

/** How long a thread waits for the next document before it is ended, giving back the memory the libraries hold. */
const IDLE_MS = 60_000;

/**
 * The thread kept after a document for the next one: a new thread costs 0.1 s to start and
 * load pdf.js or exceljs into, and reads its first file 0.1–0.3 s slower than a warm one.
 */
let idle: { worker: Worker; timer: NodeJS.Timeout } | null = null;

function startThread(): Worker {
  const worker = new Worker(threadScript(import.meta.url, 'thread'), { resourceLimits: { maxOldGenerationSizeMb: DOCUMENT_THREAD_HEAP_MB } });
  // A thread never keeps the process alive: while a file is read, its deadline's timer does.
  worker.unref();
  // While a file is read, readOnThread listens for the thread's failure; an idle thread that
  // fails is only forgotten (an 'error' nobody listens to would end the process).
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

/** Keeps a thread that answered for the next document, unless one is kept already (two were read at once). */
function releaseThread(worker: Worker): void {
  if (idle) {
    void worker.terminate();
    return;
  }
  // Forgotten as it is told to end, not when it has ended: a document arriving meanwhile would be posted to a thread that is stopping.
  const timer = setTimeout(() => {
    idle = null;
    void worker.terminate();
  }, IDLE_MS).unref();
  idle = { worker, timer };
}

/**
 * Runs a reader (see the thread's JOBS) on a document thread: the heavy libraries (pdf.js,
 * exceljs, mammoth) take long for some crafted files, and meanwhile the main thread answers
 * other requests. A file still being read at the deadline (documentDeadlineMs), or needing
 * more heap than DOCUMENT_THREAD_HEAP_MB, is refused with an ImportError naming it, and its
 * thread ended; the reader's own refusals come back as the ImportError it threw.
 */
export async function readOnThread<N extends JobName>(job: N, file: string, bytes: Uint8Array): Promise<JobResult<N>> {
  const deadline = deadlineFor(bytes.length);
  const kind = KINDS[job];
  // A copy the caller cannot see moves to the thread (the libraries may keep or detach it).
  const message: DocumentJob = { job, file, bytes: new Uint8Array(bytes) };
  await takeTurn();
  let worker: Worker;
  try {
    worker = takeThread();
  } catch (error) {
    endTurn();
    throw error;
  }
  return new Promise<JobResult<N>>((resolve, reject) => {
    const finish = (outcome: () => void, reusable: boolean) => {
      clearTimeout(timer);
      worker.off('message', onAnswer).off('error', onError).off('exit', onExit);
      if (reusable) releaseThread(worker);
      else void worker.terminate();
      endTurn();
      outcome();
    };
    const onAnswer = (answer: DocumentAnswer) => finish(() => ('data' in answer ? resolve(answer.data as JobResult<N>) : reject(rebuilt(file, answer))), true);
    const onError = (error: Error) => finish(() => reject(threadError(file, kind, error)), false);
    const onExit = (code: number) => finish(() => reject(new Error(`${file}：${kind.reading}的线程意外退出（退出码 ${code}）`)), false);
    const timer = setTimeout(() => finish(() => reject(tooSlow(file, kind, deadline)), false), deadline);
    worker.on('message', onAnswer).on('error', onError).on('exit', onExit);
    worker.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
  });
}

const CRAFTED = '文件结构异常复杂，可能是恶意构造的文件，拒绝读取';

function tooSlow(file: string, kind: (typeof KINDS)[JobName], deadline: number): ImportError {
  const seconds = Number((deadline / 1000).toFixed(2));
  return new ImportError('bad-structure', file, `${kind.reading}超过 ${seconds} 秒仍未完成，远超${kind.normal}：${CRAFTED}`);
}

function threadError(file: string, kind: (typeof KINDS)[JobName], error: Error): Error {
  if ((error as { code?: string }).code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  return new ImportError('bad-structure', file, `${kind.reading}所需内存超过 ${DOCUMENT_THREAD_HEAP_MB} MB，远超${kind.normal}：${CRAFTED}`, {}, { cause: error });
}

/** The thread's refusal as the ImportError it threw, or its unexpected error as an Error of the same name and message. */
function rebuilt(file: string, answer: Exclude<DocumentAnswer, { data: unknown }>): Error {
  if ('failed' in answer) return asError(answer.failed);
  const { code, detail, place, advice, cause } = answer.refused;
  return new ImportError(code, file, detail, place, { ...(cause !== undefined ? { cause: asError(cause) } : {}), advice });
}

function asError(fields: ErrorFields): Error {
  const error = new Error(fields.message);
  error.name = fields.name;
  if (fields.stack !== undefined) error.stack = fields.stack;
  return error;
}
