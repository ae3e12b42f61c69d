import { ImportError } from '../errors.js';
import type { HeaderOverrides } from '../header-map.js';
import type { ReadResult } from '../record.js';

/** Formats whose readers take a file's bytes, never text pulled out of another file. */
const CONTAINERS = new Set(['xlsx', 'docx', 'pdf', 'json']);

/**
 * Reads the text pulled out of a document (a PDF's text layer, a Word file without tables)
 * with whichever text reader recognises it: the flowchart reader for 流程图, the table
 * readers for lists typed as text.
 */
export async function readAsText(file: string, text: string, map: HeaderOverrides, what: string): Promise<ReadResult> {
  // Imported when needed: the reader list itself includes the readers that call this.
  const { READERS } = await import('../readers.js');
  const input = { file, bytes: new TextEncoder().encode(text), text };
  let best: { score: number; read: (typeof READERS)[number] } | null = null;
  for (const reader of READERS) {
    if (CONTAINERS.has(reader.format)) continue;
    const score = reader.detect(input);
    if (score > 0 && (!best || score > best.score)) best = { score, read: reader };
  }
  if (!best) {
    throw new ImportError('bad-structure', file, `${what}中没有找到清单表格，提取出的文字也不是可识别的清单或流程图`);
  }
  return best.read.read(input, { map });
}
