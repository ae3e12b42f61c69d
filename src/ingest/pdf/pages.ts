import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ImportError } from '../errors.js';
import { checkPdfBudget, passwordProtected } from './budget/index.js';
import { type Segment, pathSegments } from './segments.js';

/** A run of text on a page, in top-down page coordinates (points). */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline, measured from the top of the page. */
  y: number;
  width: number;
  size: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  images: number;
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let pdfjsModule: Promise<PdfJs> | null = null;
function pdfjs(): Promise<PdfJs> {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

/** Where pdfjs keeps the character maps older Chinese PDFs need (UniGB-UCS2-H …). */
function assetUrl(folder: string): string {
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  return `${pathToFileURL(join(dirname(packageJson), folder)).href}/`;
}

/** The most pixels an image may have for pdf.js to decode it (see readPages). */
export const MAX_IMAGE_PIXELS = 40_000_000;

/**
 * Opens a PDF and reads each page's text runs and ruled lines, on a document thread (see
 * loadPdf): `bytes` are handed to pdf.js, which may keep or detach them. Scripts in the PDF
 * are never evaluated (isEvalSupported: false), and a PDF whose streams decode to far more
 * than a real one's is refused before pdf.js decodes any (checkPdfBudget). Errors name the
 * file and say what is wrong.
 */
export async function readPages(file: string, bytes: Uint8Array): Promise<PdfPage[]> {
  checkPdfBudget(file, bytes);
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    cMapUrl: assetUrl('cmaps'),
    cMapPacked: true,
    standardFontDataUrl: assetUrl('standard_fonts'),
    // Reading the operators decodes each image's pixels, which a list's text never needs; a
    // small JPEG may declare 60,000 × 60,000 (10 GB decoded), which the stream budget cannot see.
    // Larger than this (a 300 dpi A2 scan) is dropped: counted as no image, its text still read.
    maxImageSize: MAX_IMAGE_PIXELS,
    verbosity: 0,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (cause) {
    const name = (cause as { name?: string } | null)?.name;
    if (name === 'PasswordException') {
      throw passwordProtected(file, cause);
    }
    throw new ImportError('bad-structure', file, '无法作为 PDF 打开：文件已损坏、不完整或不是 PDF', {}, { cause });
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const height = y1 - y0;
      const toTop = (y: number) => y1 - y;
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        const size = Math.hypot(c ?? 0, d ?? 0) || Math.hypot(a ?? 0, b ?? 0) || item.height;
        runs.push({ text: item.str, x: (e ?? 0) - x0, y: toTop(f ?? 0), width: item.width, size });
      }
      const operators = await page.getOperatorList();
      const { segments, images } = pathSegments(lib.OPS, operators.fnArray, operators.argsArray);
      pages.push({
        number,
        width: x1 - x0,
        height,
        runs,
        segments: segments.map((s) => ({ ...s, y1: toTop(s.y1), y2: toTop(s.y2), x1: s.x1 - x0, x2: s.x2 - x0 })),
        images,
      });
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
