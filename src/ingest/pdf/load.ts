import { readOnThread } from '../document-thread/index.js';
import type { PdfPage } from './pages.js';

export { MAX_IMAGE_PIXELS, type PdfPage, type TextRun } from './pages.js';

/**
 * Opens a PDF and reads each page's text runs and ruled lines (see readPages) on a document
 * thread: checking the stream budget and running pdf.js take long for some crafted files, and
 * meanwhile the main thread answers other requests (see readOnThread for the deadline and
 * heap limit). The caller keeps its bytes; the thread gets a copy.
 */
export function loadPdf(file: string, bytes: Uint8Array): Promise<PdfPage[]> {
  return readOnThread('pdf', file, bytes);
}
