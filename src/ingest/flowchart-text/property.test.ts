import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAMPLES, type SampleName, sampleText } from '../../../test/helpers/samples.js';
import { FileResidue, ProcessSheet } from '../../model/index.js';
import { ImportError } from '../errors.js';
import { SYNTAX_SHAPES, detectFlowchart, parseFlowchart, withoutFlowchartSyntax } from './index.js';
import { charDifference, keptPieces } from './testing.js';

const sample = sampleText('flowchart');
const sampleLines = sample.split('\n');

/** What must hold for any text: a result or an ImportError, valid, lossless, quick. */
function checkAnyText(text: string): 'read' | 'rejected' {
  const started = performance.now();
  let parsed: ReturnType<typeof parseFlowchart>;
  try {
    parsed = parseFlowchart('x.txt', text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return 'rejected';
  }
  expect(performance.now() - started).toBeLessThan(2000);
  const { result, syntax } = parsed;
  for (const sheet of result.processSheets) expect(ProcessSheet.safeParse(sheet).error).toBeUndefined();
  for (const residue of result.residue) expect(FileResidue.safeParse(residue).error).toBeUndefined();
  expect(result.records).toEqual([]);
  for (const piece of syntax) expect(text.slice(piece.start, piece.end)).toMatch(SYNTAX_SHAPES[piece.kind]);
  for (const [i, piece] of syntax.entries()) expect(piece.start).toBeGreaterThanOrEqual(syntax[i - 1]?.end ?? 0);
  expect(charDifference(withoutFlowchartSyntax(text), keptPieces(result).join('\n'))).toEqual([]);
  // Sheets and file residue share out the lines: no line twice.
  const spans = [...result.processSheets.map((s) => s.lines), ...result.residue].sort((a, b) => a.firstLine - b.firstLine);
  for (const [i, span] of spans.entries()) expect(span.firstLine).toBeGreaterThan(spans[i - 1]?.lastLine ?? 0);
  const detect = detectFlowchart(text);
  expect(detect).toBeGreaterThanOrEqual(0);
  expect(detect).toBeLessThanOrEqual(1);
  return 'read';
}

/** Pieces a flowchart text is made of, to build texts that reach deep into the reader. */
const FRAGMENTS = [
  ...sampleLines.filter((l) => l.trim() !== ''),
  '\n',
  '\n\n',
  '\n\n\n\n\n\n',
  ' ',
  '1.',
  '2.',
  '１．',
  '《',
  '》',
  '（',
  '）',
  '；',
  '。',
  '：',
  '20',
  '个工作',
  '日内',
  '1-2个工作日',
  '三个月',
  '申请条件：',
  '提交材料：',
  '服务电话：',
  '法定时限：',
  '流程图',
  '是',
  '局',
  '\t',
  '\r\n',
  '𠀀',
];
const line = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('1.保密检查流程图', '2.行政许可审批流程图（初审）', '行政处罚流程图', '（一）行政审批流程图') },
  { weight: 1, arbitrary: fc.constantFrom('申请条件：', '提交材料 ：', '申请条件：1.有独立的法人资格；2.有人员。', '1.', '2.', '3.') },
  { weight: 6, arbitrary: fc.constantFrom(...sampleLines.filter((l) => l.trim() !== '')) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')) },
);
const flowchartish = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n\n\n\n')), { minLength: 3, maxLength: 80, size: 'medium' })
  .map((lines) => lines.map(([text, end]) => text + end).join(''));

describe('flowchart reader on any text', () => {
  it('random strings: a result or an ImportError, never anything else', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => void checkAnyText(text)), { numRuns: 300 });
  });

  it('texts made of flowchart pieces keep every character', () => {
    fc.assert(fc.property(flowchartish, (text) => void checkAnyText(text)), { numRuns: 400 });
    // The generator reaches the reader's depths: sheets with lists, steps and residue.
    const reads = fc.sample(flowchartish, { numRuns: 300, seed: 7 }).flatMap((text) => {
      try {
        return parseFlowchart('x', text).result.processSheets;
      } catch {
        return [];
      }
    });
    expect(reads.filter((s) => s.steps.length > 0).length).toBeGreaterThan(20);
    expect(reads.filter((s) => s.conditions.length + s.materials.length > 0).length).toBeGreaterThan(5);
    expect(reads.filter((s) => s.residue.length > 0).length).toBeGreaterThan(20);
  });

  it('any run of the sample’s lines, cut anywhere', () => {
    const lines = fc.tuple(fc.nat(sampleLines.length), fc.nat(sampleLines.length)).map(([a, b]) => sampleLines.slice(Math.min(a, b), Math.max(a, b)).join('\n'));
    fc.assert(fc.property(lines, (text) => void checkAnyText(text)), { numRuns: 300 });
    const chars = fc.tuple(fc.nat(sample.length), fc.nat(sample.length)).map(([a, b]) => sample.slice(Math.min(a, b), Math.max(a, b)));
    fc.assert(fc.property(chars, (text) => void checkAnyText(text)), { numRuns: 300 });
  });

  it('the sample’s lines shuffled or dropped', () => {
    const shuffled = fc.shuffledSubarray(sampleLines).map((ls) => ls.join('\n'));
    fc.assert(fc.property(shuffled, (text) => void checkAnyText(text)), { numRuns: 200 });
  });

  it('the sample with CRLF line ends reads the same sheets', () => {
    expect(checkAnyText(sample.replace(/\n/g, '\r\n'))).toBe('read');
    const crlf = parseFlowchart('x', sample.replace(/\n/g, '\r\n')).result;
    const lf = parseFlowchart('x', sample).result;
    expect(crlf.processSheets.map((s) => s.steps.map((t) => t.name))).toEqual(lf.processSheets.map((s) => s.steps.map((t) => t.name)));
  });

  it('a huge text stays quick: long lines, long digit runs, many boxes', () => {
    const huge = [
      sample,
      '1'.repeat(200_000),
      `${'自'.repeat(50_000)}20个工作日内`,
      ...Array.from({ length: 3000 }, (_, i) => `\n\n发 《 文书${i}\n\n》\n\n${i}\n\n个工作日内发证`),
    ].join('\n');
    const started = performance.now();
    checkAnyText(huge);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it.each(Object.keys(SAMPLES).filter((n) => n !== 'flowchart') as SampleName[])('sample %s is not a flowchart', (name) => {
    const text = sampleText(name);
    expect(detectFlowchart(text)).toBe(0);
    expect(checkAnyText(text)).toBe('rejected');
  });
});
