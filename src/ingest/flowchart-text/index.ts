import { ImportError } from '../errors.js';
import type { Reader, ReaderInput } from '../reader.js';
import { type ReadResult, emptyReadResult } from '../record.js';
import { flowchartFinding } from './findings.js';
import { headingOf } from './headings.js';
import { fieldParts, labelsIn } from './labels.js';
import { type SourceLine, contentSpan, sourceLines } from './lines.js';
import { readSheet } from './sheet.js';
import type { SyntaxPiece } from './syntax.js';

export { SYNTAX_SHAPES, type SyntaxPiece } from './syntax.js';

/** How many lines detection looks at: enough for a document's first chart head. */
const DETECT_LINES = 400;

/**
 * How likely a text is a flowchart document: 流程图 headings and the labels of a chart's
 * head (法定时限, 承诺时限, 项目类别 …). Tables (tab-separated or pipe rows) score 0.
 */
export function detectFlowchart(text: string): number {
  const lines = sourceLines(text.slice(0, 40_000)).slice(0, DETECT_LINES);
  if (lines.length === 0) return 0;
  const tabbed = lines.filter((l) => l.raw.includes('\t')).length;
  const piped = lines.filter((l) => l.raw.trimStart().startsWith('|')).length;
  if (piped >= 2 || (tabbed >= 3 && tabbed * 5 >= lines.length)) return 0;
  const charts = lines.filter((l) => headingOf(l.raw)?.kind === 'chart').length;
  const labels = new Set(lines.flatMap((l) => labelsIn(l.raw))).size;
  if (charts > 0 && labels >= 4) return 0.95;
  if (charts > 0 && labels >= 2) return 0.9;
  if (labels >= 3) return 0.6;
  if (charts > 0) return 0.3;
  return labels > 0 ? 0.1 : 0;
}

/** A chart heading and the lines under it, up to the next heading. */
interface Chart {
  heading: SourceLine;
  title: string;
  enumerator: string | null;
  body: SourceLine[];
}

/**
 * Reads a flowchart document: one ProcessSheet per chart, the rest kept as file residue,
 * and the characters read as structure (labels, list numbers) in `syntax`.
 */
export function parseFlowchart(file: string, text: string): { result: ReadResult; syntax: SyntaxPiece[] } {
  const lines = sourceLines(text);
  if (lines.length === 0) throw new ImportError('empty-file', file, '文件是空的，没有可读的流程图文本');
  const isFlowchart = lines.some((l) => l.raw.includes('流程图') || fieldParts(l.raw) !== null);
  if (!isFlowchart) {
    throw new ImportError('bad-structure', file, '不是流程图文本：没有“……流程图”标题，也没有法定时限、承诺时限、项目类别等字段', {
      line: lines[0]?.line ?? 1,
    });
  }
  const result = emptyReadResult();
  const syntax: SyntaxPiece[] = [];
  const keep = (line: SourceLine, reason: string) => {
    const [start, end] = contentSpan(line);
    result.residue.push({ text: text.slice(start, end), firstLine: line.line, lastLine: line.line, reason });
  };
  const charts: Chart[] = [];
  let current: Chart | null = null;
  for (const line of lines) {
    const heading = headingOf(line.raw);
    if (heading?.kind === 'chart') {
      current = { heading: line, title: heading.title, enumerator: heading.enumerator, body: [] };
      charts.push(current);
    } else if (heading?.kind === 'section') {
      current = null;
      keep(line, '章节标题');
    } else if (current !== null) current.body.push(line);
    else if (line === lines[0] && fieldParts(line.raw) === null) {
      result.title = line.raw.trim();
      keep(line, '标题');
    } else {
      keep(line, '流程图之外的文字');
      result.findings.push(flowchartFinding('stray-line', { file, line: line.line }));
    }
  }
  for (const { heading, title, enumerator, body } of charts) {
    // A 流程图 heading with nothing under it heads a section, not a chart.
    if (body.length === 0) {
      keep(heading, '章节标题');
      continue;
    }
    if (enumerator !== null) {
      const at = heading.offset + heading.raw.indexOf(enumerator);
      syntax.push({ kind: 'enumerator', start: at, end: at + enumerator.length });
    }
    const { sheet, findings } = readSheet({ file, text, heading, title, body }, syntax);
    result.processSheets.push(sheet);
    for (const finding of findings) result.findings.push(finding);
  }
  result.residue.sort((a, b) => a.firstLine - b.firstLine);
  syntax.sort((a, b) => a.start - b.start);
  return { result, syntax };
}

/** Reads a flowchart document: one ProcessSheet per chart, the rest kept as file residue. */
export function readFlowchart(file: string, text: string): ReadResult {
  return parseFlowchart(file, text).result;
}

/**
 * The text with what the reader reads as structure blanked out (same length, same lines):
 * what a lossless check compares the reader's output against.
 *
 * @example withoutFlowchartSyntax('1.保密检查流程图\n项目类型：行政检查') // '  保密检查流程图\n     行政检查'
 */
export function withoutFlowchartSyntax(text: string): string {
  let syntax: SyntaxPiece[];
  try {
    syntax = parseFlowchart('', text).syntax;
  } catch (error) {
    if (error instanceof ImportError) return text;
    throw error;
  }
  let out = '';
  let at = 0;
  for (const piece of syntax) {
    out += text.slice(at, piece.start) + ' '.repeat(piece.end - piece.start);
    at = piece.end;
  }
  return out + text.slice(at);
}

/** Text pulled from a PDF of 流程图 (sample 002): heads, lists and boxes broken across lines. */
export const flowchartTextReader: Reader = {
  format: 'flowchart-text',
  label: '流程图文本',
  detect(input: ReaderInput): number {
    return input.text === undefined ? 0 : detectFlowchart(input.text);
  },
  read(input: ReaderInput): ReadResult {
    if (input.text === undefined) throw new ImportError('unsupported-format', input.file, '流程图文本读取器只能读取文本文件');
    return readFlowchart(input.file, input.text);
  },
};
