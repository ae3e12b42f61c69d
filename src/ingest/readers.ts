import type { SourceFormat } from '../model/index.js';
import { csvReader } from './csv/index.js';
import { docxReader } from './docx/index.js';
import { ImportError } from './errors.js';
import { flowchartTextReader } from './flowchart-text/index.js';
import { headerTsvReader } from './header-tsv/index.js';
import { htmlReader } from './html/index.js';
import { jsonReader } from './json/index.js';
import { markdownTableReader } from './markdown-table/index.js';
import { pdfReader } from './pdf/index.js';
import type { Reader, ReaderInput } from './reader.js';
import { tabRecordsReader } from './tab-records/index.js';
import { xlsxReader } from './xlsx/index.js';

/** Every reader quanze has, in the order ties are broken. */
export const READERS: readonly Reader[] = [
  markdownTableReader,
  headerTsvReader,
  tabRecordsReader,
  flowchartTextReader,
  xlsxReader,
  docxReader,
  pdfReader,
  htmlReader,
  csvReader,
  jsonReader,
];

export const FORMATS = READERS.map((reader) => reader.format);

export function readerFor(format: SourceFormat, file: string): Reader {
  const reader = READERS.find((r) => r.format === format);
  if (!reader) throw new ImportError('unsupported-format', file, `不支持的格式“${format}”，可用：${FORMATS.join('、')}`);
  return reader;
}

/** The reader that recognises the input best, judged by content. */
export function detectReader(input: ReaderInput): Reader {
  let best: { reader: Reader; score: number } | null = null;
  for (const reader of READERS) {
    const score = reader.detect(input);
    if (score > 0 && (best === null || score > best.score)) best = { reader, score };
  }
  if (!best) {
    throw new ImportError('unknown-format', input.file, '无法识别文件格式：不是已知的清单表格或流程图文本', {}, { advice: { kind: 'choose-format', formats: FORMATS } });
  }
  return best.reader;
}
