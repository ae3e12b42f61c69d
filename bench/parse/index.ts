import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { RawRecord } from '../../src/ingest/index.js';
import type { FieldName } from '../../src/model/index.js';
import { tabRecordsReader } from '../../src/ingest/tab-records/index.js';
import { parseAccountability } from '../../src/parse/accountability.js';
import { cleanCell, looksTruncated } from '../../src/parse/cell-text.js';
import { parseDutyBasis } from '../../src/parse/duty-basis.js';
import { parseDuties } from '../../src/parse/duties.js';
import { parseLocalCode } from '../../src/parse/local-code.js';
import { toPowerItem } from '../../src/parse/power-item.js';
import { parseProvisions } from '../../src/parse/provisions.js';
import { parseTimeLimit } from '../../src/parse/time-limit.js';
import { largeList } from '../large-list.js';
import { fmt, printTable } from '../measure.js';

/** Fields toPowerItem checks for a cut-off (mirrors PROSE_FIELDS there). */
const PROSE: readonly FieldName[] = ['basis', 'duties', 'dutyBasis', 'accountability', 'accountabilityBasis'];

interface Stage {
  name: string;
  inputs: readonly string[];
  run: (text: string) => unknown;
}

/**
 * Best of `rounds` timed passes after one warm-up pass, so JIT tiers and GC noise settle.
 * Timed in CPU time of this process (user + system), which a busy machine skews far less
 * than wall time; collector threads count too, so it errs on the slow side.
 */
function bestSeconds(rounds: number, pass: () => void): number {
  pass();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < rounds; r++) {
    const started = process.cpuUsage();
    pass();
    const spent = process.cpuUsage(started);
    best = Math.min(best, (spent.user + spent.system) / 1e6);
  }
  return best;
}

function megabytes(texts: readonly string[]): number {
  let bytes = 0;
  for (const t of texts) bytes += Buffer.byteLength(t);
  return bytes / 1e6;
}

/** The cells of every record by field, raw and cleaned, as toPowerItem hands them to the grammars. */
function cellsByField(records: readonly RawRecord[], fieldOf: (header: string) => FieldName | null) {
  const raw: string[] = [];
  const clean = new Map<FieldName, string[]>();
  for (const record of records) {
    for (const cell of record.cells) {
      raw.push(cell.raw);
      const field = fieldOf(cell.header);
      if (field === null) continue;
      const list = clean.get(field) ?? [];
      list.push(cleanCell(cell.raw).text);
      clean.set(field, list);
    }
  }
  const of = (...fields: FieldName[]) => fields.flatMap((f) => clean.get(f) ?? []);
  return { raw, of };
}

/**
 * bench/parse: throughput of each cell grammar over every cell of a large list (MB of the
 * text each grammar is given), then of toPowerItem over every record (MB of the file).
 * QUANZE_BENCH_PARSE_MB sets the generated list's size; a path argument reads that file.
 */
export async function run(): Promise<void> {
  const given = process.argv[1]?.endsWith('parse/index.ts') ? process.argv[2] : undefined;
  const path = given ?? (await largeList(Number(process.env.QUANZE_BENCH_PARSE_MB ?? 20) * 1e6));
  const rounds = Number(process.env.QUANZE_BENCH_PARSE_ROUNDS ?? 3);
  const file = basename(path);
  const text = readFileSync(path, 'utf8');
  const read = await tabRecordsReader.read({ file, bytes: new Uint8Array(), text }, {});
  const fields = new Map(read.columns.map((c) => [c.header, c.field] as const));
  const fieldOf = (header: string) => fields.get(header) ?? null;
  const { raw, of } = cellsByField(read.records, fieldOf);

  const stages: Stage[] = [
    { name: 'cleanCell', inputs: raw, run: cleanCell },
    { name: 'looksTruncated', inputs: of(...PROSE).filter((t) => t.length > 20), run: looksTruncated },
    { name: 'parseProvisions', inputs: of('basis', 'accountabilityBasis'), run: parseProvisions },
    { name: 'parseDuties', inputs: of('duties'), run: parseDuties },
    { name: 'parseDutyBasis', inputs: of('dutyBasis'), run: parseDutyBasis },
    { name: 'parseAccountability', inputs: of('accountability'), run: parseAccountability },
    { name: 'parseLocalCode', inputs: of('localCode', 'subLocalCode'), run: parseLocalCode },
    { name: 'parseTimeLimit', inputs: of('statutoryLimit', 'promisedLimit'), run: parseTimeLimit },
  ];
  const rows: Record<string, string>[] = [];
  let sink = 0;
  for (const stage of stages) {
    if (stage.inputs.length === 0) continue;
    const seconds = bestSeconds(rounds, () => {
      for (const t of stage.inputs) if (stage.run(t)) sink++;
    });
    const mb = megabytes(stage.inputs);
    rows.push({ 语法: stage.name, 单元格数: String(stage.inputs.length), MB: fmt(mb), 'CPU 秒': fmt(seconds, 3), 'MB/s': fmt(mb / seconds) });
  }
  const fileMb = statSync(path).size / 1e6;
  const seconds = bestSeconds(rounds, () => {
    for (const record of read.records) sink += toPowerItem(record, { file, fieldOf }).findings.length;
  });
  rows.push({ 语法: 'toPowerItem（全部）', 单元格数: String(raw.length), MB: fmt(fileMb), 'CPU 秒': fmt(seconds, 3), 'MB/s': fmt(fileMb / seconds) });
  printTable(`bench/parse：${fmt(fileMb)} MB ${file}，${read.records.length} 条记录（取 ${rounds} 轮最快）`, rows);
  if (sink < 0) console.log(sink);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
