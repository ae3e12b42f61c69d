import { describe, expect, it } from 'vitest';
import { sampleText } from '../../../test/helpers/samples.js';
import type { ReadResult } from '../record.js';
import { SYNTAX_SHAPES, parseFlowchart, withoutFlowchartSyntax } from './index.js';
import { charDifference as difference, keptPieces } from './testing.js';

const text = sampleText('flowchart');
const { result, syntax } = parseFlowchart('002', text);

describe('the flowchart reader is lossless on 002', () => {
  it('holds every non-whitespace character of the input exactly once, apart from the structure it read', () => {
    expect(difference(withoutFlowchartSyntax(text), keptPieces(result).join('\n'))).toEqual([]);
  });

  it('reads as structure only labels, colons, list numbers and entry terminators', () => {
    for (const piece of syntax) expect(text.slice(piece.start, piece.end)).toMatch(SYNTAX_SHAPES[piece.kind]);
    const byKind = (kind: string) => syntax.filter((p) => p.kind === kind).map((p) => text.slice(p.start, p.end));
    // Found here without the reader: label tokens, numbers alone on a line, chart heading numbers.
    const labels = [...text.matchAll(/(项目类别|项目类型|办理地点|法定时限|法定期限|承诺时限|承诺期限|优化时限|承办部门|责任处室|申请条件|提交材料)\s*：/g)];
    expect(byKind('label')).toEqual(labels.map((m) => m[0]));
    expect(byKind('colon')).toEqual(['：', '：', '：']);
    const numbers = [...text.matchAll(/^(\d+\.)(?=\s*$|\S*流程图)/gm)].map((m) => m[1]);
    expect(byKind('enumerator')).toEqual(numbers);
    expect(numbers).toHaveLength(11);
    // One per 申请条件 / 提交材料 entry: 4 + 5, each list closed by 。.
    expect(byKind('terminator')).toEqual(['；', '；', '；', '。', '；', '；', '；', '；', '。']);
  });

  it('puts every non-blank line in exactly one sheet or in the file residue', () => {
    const owners = new Map<number, string[]>();
    const own = (first: number, last: number, who: string) => {
      for (let line = first; line <= last; line++) owners.set(line, [...(owners.get(line) ?? []), who]);
    };
    for (const [i, s] of result.processSheets.entries()) own(s.lines.firstLine, s.lines.lastLine, `sheet ${i}`);
    for (const r of result.residue) own(r.firstLine, r.lastLine, 'residue');
    text.split('\n').forEach((line, i) => {
      if (line.trim() !== '') expect(owners.get(i + 1), `line ${i + 1}`).toHaveLength(1);
    });
  });

  it('the check notices a dropped step, a dropped entry and a repeated piece', () => {
    const sheet = result.processSheets[0];
    if (!sheet) throw new Error('sample changed');
    const variants: ReadResult[] = [
      { ...result, processSheets: [{ ...sheet, steps: sheet.steps.slice(1) }, ...result.processSheets.slice(1)] },
      { ...result, processSheets: [{ ...sheet, conditions: sheet.conditions.slice(0, -1) }, ...result.processSheets.slice(1)] },
      { ...result, processSheets: [{ ...sheet, materials: [...sheet.materials, '企业法人营业执照'] }, ...result.processSheets.slice(1)] },
    ];
    for (const damaged of variants) expect(difference(withoutFlowchartSyntax(text), keptPieces(damaged).join('\n'))).not.toEqual([]);
  });
});
