import { parentPort } from 'node:worker_threads';
import { type ImportAdvice, type ImportErrorCode, isImportError } from '../errors.js';
import { type PdfPage, readPages } from './pages.js';

/** What loadPdf posts to the PDF thread: the bytes are the thread's own (transferred). */
export interface PdfJob {
  file: string;
  bytes: Uint8Array;
}

/** The fields an ImportError is rebuilt from on the other side (a thread cannot post the class). */
export interface ImportErrorFields {
  code: ImportErrorCode;
  detail: string;
  place: { line?: number; record?: number };
  advice: ImportAdvice | null;
  /** What pdf.js threw. */
  cause?: ErrorFields;
}

/** An Error as plain data: structured clone keeps only the names built into JavaScript (RangeError …), not pdf.js's. */
export interface ErrorFields {
  name: string;
  message: string;
  stack?: string;
}

/** The thread's one message: the pages, the typed refusal, or an unexpected error. */
export type PdfAnswer = { pages: PdfPage[] } | { refused: ImportErrorFields } | { failed: ErrorFields };

async function answer({ file, bytes }: PdfJob): Promise<PdfAnswer> {
  try {
    return { pages: await readPages(file, bytes) };
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

// One PDF at a time: loadPdf posts the next only once this one is answered.
parentPort?.on('message', async (job: PdfJob) => parentPort?.postMessage(await answer(job)));
