import { blankLineBoundary } from '../boundary.js';
import { looksLikeHeaderRow } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import { readHeaderedRows } from '../table-rows.js';
import { splitLines } from '../split-lines.js';

/** Tab-separated rows under a header row that may repeat before every record (sample 003). */
export const headerTsvReader: Reader = {
  format: 'header-tsv',
  label: '带表头的制表符表格',
  detect(input: ReaderInput): number {
    const lines = splitLines(input.text ?? '').slice(0, 200);
    const header = lines.some((line) => line.split('\t').length >= 4 && /(序号|事项名称|项目名称)/.test(line) && /(权力|类别|分类|依据)/.test(line));
    return header && !lines.some((line) => line.startsWith('|')) ? 0.9 : 0;
  },
  read(input, options) {
    const lines = splitLines(input.text ?? '').map((raw, i) => ({
      line: i + 1,
      raw,
      cells: raw.includes('\t') ? raw.split('\t') : null,
    }));
    return readHeaderedRows(input.file, lines, options.map, options.partial);
  },
  nextBoundary: (text, from) => blankLineBoundary(text, from, (line) => looksLikeHeaderRow(line.split('\t'))),
};
