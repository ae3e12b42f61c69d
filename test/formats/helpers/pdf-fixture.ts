import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** Debian's fonts-noto-cjk: CI installs it; a machine without it skips the PDF tests. */
export const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
export const CJK_FONT_NAME = 'NotoSansCJKsc-Regular';
export const hasCjkFont = existsSync(CJK_FONT);

export type Doc = InstanceType<typeof PDFDocument>;

/** What a fixture adds to what pdfkit writes: document options (encryption …) and objects written after the drawing. */
export interface PdfExtras {
  options?: PDFKit.PDFDocumentOptions;
  after?: (doc: Doc) => void;
}

/** Renders with pdfkit and resolves to the PDF's bytes. */
export function renderPdf(size: [number, number], draw: (doc: Doc) => void, extras: PdfExtras = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ ...extras.options, size, margin: 0, autoFirstPage: true, compress: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  if (hasCjkFont) doc.font(CJK_FONT, CJK_FONT_NAME);
  draw(doc);
  extras.after?.(doc);
  doc.end();
  return done;
}

/**
 * Wraps text into lines that fit `width` as a word processor does: Chinese anywhere, Latin
 * words and numbers whole, the space at a wrap dropped; a line break in the text is kept.
 */
export function wrap(doc: Doc, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const tokens = paragraph.match(/[A-Za-z0-9.\-_/]+|\s+|./gu) ?? [];
    let line = '';
    let used = 0;
    // A word longer than the line is broken inside it, as word processors do.
    const pieces = tokens.flatMap((token) => (doc.widthOfString(token) > width ? [...token] : [token]));
    for (const token of pieces) {
      const w = doc.widthOfString(token);
      if (used + w <= width || line === '') {
        line += token;
        used += w;
        continue;
      }
      lines.push(line.trimEnd());
      line = /^\s+$/.test(token) ? '' : token;
      used = line ? w : 0;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}

export interface TableLayout {
  title: string;
  header: string[];
  rows: string[][];
  fontSize?: number;
  page?: [number, number];
  /**
   * What is drawn around the cells: every cell boxed (the default), only a rule between rows,
   * or nothing at all (the table is whitespace alone, as many published PDFs are).
   */
  rules?: 'grid' | 'rows' | 'none';
  /** Whether each page after the first starts with the header again (default true). */
  repeatHeader?: boolean;
}

/**
 * A table PDF as offices print their lists: the title on the first page, the header
 * repeated at the top of every page, every cell boxed, text wrapped inside its cell, and a
 * row too tall for what is left of a page continued on the next one (as Word lets rows break
 * across pages) with the cells whose text is done left empty. `rules` and `repeatHeader`
 * make the unruled variants.
 */
export function tablePdf(layout: TableLayout, extras: PdfExtras = {}): Promise<Uint8Array> {
  const [pageWidth, pageHeight] = layout.page ?? [1190.55, 841.89];
  const size = layout.fontSize ?? 7;
  const margin = 28;
  const pad = 3;
  const leading = size * 1.35;
  const rules = layout.rules ?? 'grid';
  return renderPdf([pageWidth, pageHeight], (doc) => {
    doc.fontSize(size);
    const weights = layout.header.map((h, c) => Math.max(h.length * 1.5, Math.sqrt(Math.max(...layout.rows.map((r) => (r[c] ?? '').length), 1)) * 4));
    const total = weights.reduce((a, b) => a + b, 0);
    // Every column holds at least two characters, as in any printed table.
    const least = size * 2 + 2 * pad;
    const widths = weights.map((w) => Math.max(least, ((pageWidth - 2 * margin - least * weights.length) * w) / total + least * 0.5));
    const scale = (pageWidth - 2 * margin) / widths.reduce((a, b) => a + b, 0);
    widths.forEach((w, i) => {
      widths[i] = Math.max(least, w * scale);
    });
    const xs = [margin];
    for (const w of widths) xs.push((xs.at(-1) as number) + w);
    let y = margin;
    const drawRow = (lines: string[][], center = false) => {
      const height = Math.max(1, ...lines.map((l) => l.length)) * leading + 2 * pad;
      lines.forEach((cellLines, c) => {
        const x = xs[c] as number;
        const w = widths[c] as number;
        if (rules === 'grid') doc.rect(x, y, w, height).lineWidth(0.5).stroke();
        else if (rules === 'rows') doc.moveTo(x, y).lineTo(x + w, y).moveTo(x, y + height).lineTo(x + w, y + height).lineWidth(0.5).stroke();
        cellLines.forEach((line, i) => {
          const offset = center ? (w - 2 * pad - doc.widthOfString(line)) / 2 : 0;
          doc.text(line, x + pad + Math.max(0, offset), y + pad + i * leading, { lineBreak: false });
        });
      });
      y += height;
    };
    const header = layout.header.map((h, c) => wrap(doc, h, (widths[c] as number) - 2 * pad));
    const newPage = () => {
      doc.addPage({ size: [pageWidth, pageHeight], margin: 0 });
      doc.fontSize(size);
      y = margin;
      if (layout.repeatHeader !== false) drawRow(header, true);
    };
    doc.fontSize(size * 2).text(layout.title, margin, y, { width: pageWidth - 2 * margin, align: 'center' });
    y += size * 4;
    doc.fontSize(size);
    drawRow(header, true);
    for (const row of layout.rows) {
      let rest = row.map((cell, c) => wrap(doc, cell, (widths[c] as number) - 2 * pad));
      while (rest.some((l) => l.length > 0)) {
        const room = Math.floor((pageHeight - margin - y - 2 * pad) / leading);
        const needed = Math.max(...rest.map((l) => l.length));
        if (needed <= room) {
          drawRow(rest);
          break;
        }
        // A row that would fit on a fresh page moves there whole; a taller one is split.
        const fresh = Math.floor((pageHeight - 2 * margin - 2 * pad - header.length * leading * 3) / leading);
        if (needed <= fresh || room < 3) {
          newPage();
          continue;
        }
        drawRow(rest.map((l) => l.slice(0, room)));
        rest = rest.map((l) => l.slice(room));
        newPage();
      }
    }
  }, extras);
}
