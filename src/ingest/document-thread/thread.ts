import { parentPort } from 'node:worker_threads';
import { type ImportAdvice, type ImportErrorCode, isImportError } from '../errors.js';

/**
 * The readers a document thread runs: each turns a file's bytes into plain data (structured
 * clone carries it back) and loads its library on first use, so a thread that only ever
 * reads PDFs never loads exceljs.
 */
const JOBS = {
  pdf: async (file: string, bytes: Uint8Array) => (await import('../pdf/pages.js')).readPages(file, bytes),
  xlsx: async (file: string, bytes: Uint8Array) => (await import('../xlsx/cells.js')).workbookCells(file, bytes),
  'docx-html': async (file: string, bytes: Uint8Array) => (await import('../docx/mammoth.js')).docxHtml(file, bytes),
  'docx-text': async (_file: string, bytes: Uint8Array) => (await import('../docx/mammoth.js')).docxText(bytes),
} satisfies Record<string, (file: string, bytes: Uint8Array) => Promise<unknown>>;

export type JobName = keyof typeof JOBS;
export type JobResult<N extends JobName> = Awaited<ReturnType<(typeof JOBS)[N]>>;

/** What readOnThread posts to the thread: the bytes are the thread's own (transferred). */
export interface DocumentJob {
  job: JobName;
  file: string;
  bytes: Uint8Array;
}

/** The fields an ImportError is rebuilt from on the other side (a thread cannot post the class). */
export interface ImportErrorFields {
  code: ImportErrorCode;
  detail: string;
  place: { line?: number; record?: number };
  advice: ImportAdvice | null;
  /** What the library threw. */
  cause?: ErrorFields;
}

/** An Error as plain data: structured clone keeps only the names built into JavaScript (RangeError …), not a library's. */
export interface ErrorFields {
  name: string;
  message: string;
  stack?: string;
}

/** The thread's one message: the reader's data, the typed refusal, or an unexpected error. */
export type DocumentAnswer = { data: unknown } | { refused: ImportErrorFields } | { failed: ErrorFields };

async function answer({ job, file, bytes }: DocumentJob): Promise<DocumentAnswer> {
  try {
    return { data: await JOBS[job](file, bytes) };
  } catch (error) {
    if (!isImportError(error)) return { failed: errorFields(error) };
    const { code, detail, place, advice, cause } = error;
    return { refused: { code, detail, place, advice, ...(cause !== undefined ? { cause: errorFields(cause) } : {}) } };
  }
}

function errorFields(error: unknown): ErrorFields {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  return { name: error.name, message: error.message, ...(error.stack !== undefined ? { stack: error.stack } : {}) };
}

// One document at a time: readOnThread posts the next only once this one is answered.
parentPort?.on('message', async (job: DocumentJob) => parentPort?.postMessage(await answer(job)));
