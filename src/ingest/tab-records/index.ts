import type { Finding, RawCell } from '../../model/index.js';
import { blankLineBoundary } from '../boundary.js';
import { ImportError } from '../errors.js';
import { mapHeaders } from '../header-map.js';
import type { Reader, ReaderInput, ReaderOptions } from '../reader.js';
import { type RawRecord, type ReadResult, emptyReadResult } from '../record.js';
import { readerFinding } from '../reader-finding.js';
import { type FlatCell, tokenizeFlatCells } from './tokenize.js';

/** The 13 columns these headerless lists publish, in order. */
export const TAB_RECORD_HEADERS = [
  '序号',
  '权力类型',
  '事项名称',
  '子项',
  '实施主体',
  '承办机构',
  '实施依据',
  '责任事项',
  '责任事项依据',
  '追责情形',
  '追责依据',
  '免责情形',
  '备注',
] as const;

const TYPE_CELL = /^(行政[\u4e00-\u9fff]{2}|其他行政权力|其他权力|公共服务)$/;
const SEQ_CELL = /^[0-9０-９]{1,4}$/;
/** Cells after the type cell: 事项名称 … 免责情形, then 备注 when the row closes its group. */
const BODY_WITHOUT_REMARK = TAB_RECORD_HEADERS.length - 3;
const REMARK = '备注';

interface Row {
  seq: FlatCell | null;
  type: FlatCell;
  body: FlatCell[];
}

function isTypeCell(cell: FlatCell): boolean {
  return TYPE_CELL.test(cell.raw.trim());
}

function splitRows(cells: FlatCell[]): { lead: FlatCell[]; rows: Row[] } {
  const typeAt = cells.flatMap((cell, i) => (isTypeCell(cell) ? [i] : []));
  const starts = typeAt.map((t) => {
    const before = cells[t - 1];
    return before && SEQ_CELL.test(before.raw.trim()) ? t - 1 : t;
  });
  const rows = typeAt.map((t, k): Row => {
    const end = starts[k + 1] ?? cells.length;
    const seq = starts[k] === t ? null : (cells[t - 1] ?? null);
    return { seq, type: cells[t] as FlatCell, body: cells.slice(t + 1, end) };
  });
  return { lead: cells.slice(0, starts[0] ?? cells.length), rows };
}

function cellLine(cell: FlatCell, fallback: number): number {
  return cell.lines?.firstLine ?? fallback;
}

/**
 * Headerless tab-flattened tables (samples 000 and 001): one cell per tab, cells running
 * over lines, rows found by their 权力类型 cell, merged 备注 cells shared by their group.
 */
function readTabRecords(input: ReaderInput, options: ReaderOptions): ReadResult {
  const text = input.text ?? '';
  const { lead, rows } = splitRows(tokenizeFlatCells(text));
  if (rows.length === 0) {
    throw new ImportError('bad-structure', input.file, '未找到任何以权力类型（如“行政处罚”）开头的记录行，这不是无表头的制表符清单');
  }
  const result = emptyReadResult();
  result.columns = mapHeaders([...TAB_RECORD_HEADERS], options.map ?? {});
  for (const cell of lead) {
    if (cell.raw.trim() && cell.lines) {
      result.residue.push({ text: cell.raw, ...cell.lines, reason: '首条记录之前的文字' });
    }
  }

  let open: RawRecord[] = [];
  let previousSeq = 0;
  rows.forEach((row, index) => {
    const record = toRecord(row, index, input.file, result.findings);
    const seqText = row.seq?.raw.trim();
    if (seqText) {
      const seq = Number(seqText.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
      const previous = result.records.at(-1);
      if (previous?.impliedSeq !== undefined && seq !== previousSeq + 1) {
        result.findings.push(
          readerFinding('implied-seq-gap', 'warning', { file: input.file, line: record.firstLine, record: index }, {
            implied: previousSeq,
            next: seq,
          }),
        );
      }
      previousSeq = seq;
    } else record.impliedSeq = ++previousSeq;
    open.push(record);
    if (row.body.length > BODY_WITHOUT_REMARK) {
      shareRemark(open);
      open = [];
    }
    result.records.push(record);
  });
  return result;
}

function toRecord(row: Row, index: number, file: string, findings: Finding[]): RawRecord {
  const firstLine = cellLine(row.seq ?? row.type, 1);
  const cells: RawCell[] = [];
  if (row.seq) cells.push({ header: '序号', raw: row.seq.raw.trim(), line: firstLine });
  cells.push({ header: '权力类型', raw: row.type.raw.trim(), line: cellLine(row.type, firstLine) });
  let lastLine = row.type.lines?.lastLine ?? firstLine;
  row.body.forEach((cell, i) => {
    const header = TAB_RECORD_HEADERS[i + 2] ?? `第${i + 3}列`;
    cells.push({ header, raw: cell.raw, line: cellLine(cell, lastLine) });
    lastLine = cell.lines?.lastLine ?? lastLine;
  });
  const record: RawRecord = { record: index, firstLine, lastLine, cells };
  const expectedMin = BODY_WITHOUT_REMARK;
  if (row.body.length < expectedMin) {
    const missing = TAB_RECORD_HEADERS.slice(row.body.length + 2, TAB_RECORD_HEADERS.length - 1);
    findings.push(
      readerFinding('missing-cells', 'warning', { file, line: firstLine, record: index }, { missing: missing.join('、') }),
    );
  } else if (row.body.length > expectedMin + 1) {
    findings.push(
      readerFinding('extra-cells', 'warning', { file, line: firstLine, record: index }, { count: row.body.length - expectedMin - 1 }),
    );
  }
  return record;
}

/** A merged 备注 is published once, in the group's last row; every row of the group carries it. */
function shareRemark(group: RawRecord[]): void {
  const last = group.at(-1);
  const remark = last?.cells.find((cell) => cell.header === REMARK);
  if (!remark?.raw.trim()) return;
  for (const record of group.slice(0, -1)) {
    record.cells.push({ ...remark });
    record.shared = [...(record.shared ?? []), REMARK];
  }
}

function detect(input: ReaderInput): number {
  const text = input.text;
  if (!text) return 0;
  const head = text.slice(0, 20_000);
  const typeCells = head.match(/(^|\t)[ \t]*(行政[\u4e00-\u9fff]{2}|其他行政权力)\r?\n/gm)?.length ?? 0;
  const tabLines = head.match(/^\t/gm)?.length ?? 0;
  const pipes = head.match(/^\|/gm)?.length ?? 0;
  if (typeCells === 0 || pipes > 2 || /(^|\t)(序号|权力分类|权力类型)\t/.test(head)) return 0;
  return tabLines >= 5 ? 0.9 : 0.4;
}

export const tabRecordsReader: Reader = {
  format: 'tab-records',
  label: '无表头制表符清单',
  detect,
  read: readTabRecords,
  nextBoundary: (text, from) => blankLineBoundary(text, from, (line) => /^\t[0-9０-９]{1,4}\r?$/.test(line)),
};
