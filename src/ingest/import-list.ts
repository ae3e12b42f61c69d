import { createHash } from 'node:crypto';
import { open, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { TextDecoder } from 'node:util';
import type {
  FieldName,
  FileResidue,
  Finding,
  PowerItem,
  PowerList,
  ProcessSheet,
  SourceFormat,
} from '../model/index.js';
import { pacer } from '../pace/index.js';
import { toPowerItem } from '../parse/power-item.js';
import { decodeText, detectEncoding, looksLikeText, textDecoder } from './decode.js';
import { ImportError } from './errors.js';
import { type HeaderOverrides, normalizeHeader } from './header-map.js';
import { readerFinding } from './reader-finding.js';
import { detectReader, readerFor } from './readers.js';
import type { Reader } from './reader.js';
import type { Column, RawRecord, ReadResult } from './record.js';
import { shiftPlace, shiftResult } from './shift.js';
import { ParsePool, ParseThreadError } from './parallel/pool.js';
import { LineBytes } from './parallel/line-bytes.js';
import { type ParseDone, ndjsonItemLine } from './parallel/protocol.js';
import { type ListMetaSample, deriveDepartment, deriveRegionLevel } from './list-meta.js';

export interface ImportOptions {
  /** Skip detection and read as this format (`--from`). */
  from?: SourceFormat;
  /** Header corrections (`--map 列名=field`). */
  map?: HeaderOverrides;
  /** Name to record as the source file (defaults to the path's base name). */
  name?: string;
  /** Called as bytes are consumed, for progress bars. */
  onProgress?: (done: number, total: number) => void;
  /** Files above this many bytes are streamed in pieces. */
  streamAbove?: number;
  /**
   * Worker threads importNdjson parses streamed pieces with (default 1: parse in this thread).
   * More threads import faster on an idle multi-core machine, at about 20 MB of memory each.
   */
  jobs?: number;
}

/** Everything of a list but its items, which a stream delivers one by one. */
export type ListHead = Omit<PowerList, 'items'>;

export type ImportEvent = { kind: 'item'; item: PowerItem } | { kind: 'end'; list: ListHead };

/** Files above this size are read in pieces at the reader's safe boundaries. */
const STREAM_ABOVE = 16 * 1024 * 1024;
const CHUNK_CHARS = 1 << 16;
const READ_BYTES = 1 << 20;
/** The first items, from which the department, region and level are derived. */
const DEPARTMENT_SAMPLE = 50;

/**
 * Imports one file into the canonical model, streaming: items come out as they are read,
 * then the list's head (source with sha256, title, columns, residue, findings).
 *
 * @example
 * for await (const event of importStream('data/samples/004_a6a5239ed012e120.txt')) …
 */
export async function* importStream(path: string, options: ImportOptions = {}): AsyncGenerator<ImportEvent> {
  const file = options.name ?? basename(path);
  const size = await statFile(path, file);
  const assembler = new ListAssembler(file, options);
  for await (const result of assembler.results(path, size)) yield* interpret(assembler, result);
  yield { kind: 'end', list: assembler.head() };
}

/** The parse stage: the list takes the read result's head, then every record becomes an item. */
function* interpret(assembler: ListAssembler, result: ReadResult): Generator<ImportEvent> {
  assembler.absorbHead(result);
  const fieldOf = fieldLookup(result.columns);
  for (const record of result.records) {
    const { item, findings } = toPowerItem(record, { file: assembler.file, fieldOf });
    assembler.noteItem(item, findings);
    yield { kind: 'item', item };
  }
}

export function fieldLookup(columns: readonly Column[]): (header: string) => FieldName | null {
  const fields = new Map(columns.map((c) => [c.header, c.field] as const));
  return (header) => fields.get(header) ?? null;
}

export async function statFile(path: string, file: string): Promise<number> {
  const found = await stat(path).catch((cause: unknown) => {
    throw new ImportError('unreadable-file', file, '无法读取文件（不存在或没有权限）', {}, { cause });
  });
  if (found.isDirectory()) throw new ImportError('unreadable-file', file, '这是一个文件夹，不是文件：请列出其中的清单文件（如 文件夹/*.xlsx）');
  const { size } = found;
  if (size === 0) throw new ImportError('empty-file', file, '文件是空的');
  return size;
}

/** Imports a file whole into memory. */
export async function importFile(path: string, options: ImportOptions = {}): Promise<PowerList> {
  return collect(importStream(path, options));
}

/** Imports bytes already in memory (an upload, a test fixture). */
export async function importBytes(file: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<PowerList> {
  if (bytes.length === 0) throw new ImportError('empty-file', file, '文件是空的');
  const assembler = new ListAssembler(file, options);
  async function* events(): AsyncGenerator<ImportEvent> {
    for await (const result of assembler.readWhole(bytes)) yield* interpret(assembler, result);
    yield { kind: 'end', list: assembler.head() };
  }
  return collect(events());
}

async function collect(events: AsyncGenerator<ImportEvent>): Promise<PowerList> {
  const items: PowerItem[] = [];
  // The grammars take a fraction of a millisecond an item, thousands of items a large file:
  // paced, so that reading an upload leaves the site answering (see pacer).
  for await (const event of events) {
    if (event.kind === 'item') items.push(event.item);
    else return { ...event.list, items };
    if (pacer.due) await pacer.pause();
  }
  throw new Error('import stream ended without its list');
}

/** Accumulates a list's head while records stream through the parse stage. */
class ListAssembler {
  private readonly hash = createHash('sha256');
  private bytes = 0;
  private format: SourceFormat | null = null;
  private title: string | null = null;
  private columns: Column[] = [];
  private readonly residue: FileResidue[] = [];
  private readonly findings: Finding[] = [];
  private readonly sheets: ProcessSheet[] = [];
  private readonly departmentSample: ListMetaSample[] = [];
  private lines = 0;
  private records = 0;

  constructor(
    readonly file: string,
    private readonly options: ImportOptions,
  ) {}

  /**
   * The file's read results, whole or piece by piece, each moved to its place in the file;
   * the parse stage hands each to `absorbHead` in file order.
   */
  async *results(path: string, size: number): AsyncGenerator<ReadResult> {
    if (size <= (this.options.streamAbove ?? STREAM_ABOVE) || !(await startsAsText(path))) {
      yield* this.readWhole(new Uint8Array(await readFile(path)));
      this.options.onProgress?.(size, size);
    } else {
      yield* this.readStreamed(path, size);
    }
  }

  async *readWhole(bytes: Uint8Array): AsyncGenerator<ReadResult> {
    // Hashing, decoding and detecting a 10 MB file take up to tens of milliseconds each: the
    // event loop may go round between them.
    await pacer.step();
    this.hash.update(bytes);
    this.bytes += bytes.length;
    await pacer.step();
    const text = looksLikeText(bytes) ? decodeText(bytes, this.file).text : undefined;
    await pacer.step();
    const input = { file: this.file, bytes, ...(text !== undefined ? { text } : {}) };
    const reader = this.pickReader(input);
    await pacer.step();
    yield await reader.read(input, { map: this.options.map ?? {} });
  }

  private async *readStreamed(path: string, size: number): AsyncGenerator<ReadResult> {
    const handle = await open(path);
    try {
      const buffer = new Uint8Array(READ_BYTES);
      let decoder: TextDecoder | null = null;
      let reader: Reader | null = null;
      let pending = '';
      let done = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        const chunk = buffer.subarray(0, bytesRead);
        this.hash.update(chunk);
        this.bytes += bytesRead;
        done += bytesRead;
        if (decoder === null) {
          decoder = pickDecoder(chunk, this.file);
          const head = decoder.decode(chunk, { stream: true });
          pending = head.startsWith('\uFEFF') ? head.slice(1) : head;
          reader = this.pickReader({ file: this.file, bytes: chunk, text: pending });
        } else {
          pending += bytesRead > 0 ? decoder.decode(chunk, { stream: true }) : decoder.decode();
        }
        const active = reader as Reader;
        for (let cut = this.cutAt(active, pending); cut > 0; cut = this.cutAt(active, pending)) {
          yield* this.readPiece(active, pending.slice(0, cut), false);
          pending = pending.slice(cut);
        }
        this.options.onProgress?.(done, size);
        if (bytesRead === 0) break;
      }
      if (pending.trim() && reader) yield* this.readPiece(reader, pending, true);
    } catch (cause) {
      if (cause instanceof ImportError) throw cause;
      if (cause instanceof TypeError) throw new ImportError('bad-encoding', this.file, '文件中途出现无法解码的字节', {}, { cause });
      throw cause;
    } finally {
      await handle.close();
    }
  }

  private cutAt(reader: Reader, pending: string): number {
    if (!reader.nextBoundary) return -1;
    if (pending.length < CHUNK_CHARS * 2) return -1;
    return reader.nextBoundary(pending, CHUNK_CHARS);
  }

  private async *readPiece(reader: Reader, text: string, last: boolean): AsyncGenerator<ReadResult> {
    const input = { file: this.file, bytes: new Uint8Array(), text };
    // A piece without records (a lone repeated header) is an error about the file only when the
    // file has none: the reader says so, with its reason, for the last piece if none came before.
    const partial = !last || this.records > 0;
    let result: ReadResult;
    try {
      result = await reader.read(input, { map: this.options.map ?? {}, partial });
    } catch (error) {
      throw this.placedInFile(error);
    }
    yield shiftResult(result, this.lines, this.records);
    this.lines += countNewlines(text);
    this.records += result.records.length;
  }

  /** A reader's error counts lines and records from the start of its piece; the user needs the file's. */
  private placedInFile(error: unknown): unknown {
    if (!(error instanceof ImportError) || this.lines === 0) return error;
    if (error.place.line === undefined && error.place.record === undefined) return error;
    const place = shiftPlace(error.place, this.lines, this.records);
    return new ImportError(error.code, error.file, error.detail, place, { cause: error, advice: error.advice });
  }

  private pickReader(input: Parameters<Reader['detect']>[0]): Reader {
    const reader = this.options.from ? readerFor(this.options.from, this.file) : detectReader(input);
    this.format = reader.format;
    return reader;
  }

  /** Keeps what a read result says about the list as a whole; its records go on to the parse stage. */
  absorbHead(result: Omit<ReadResult, 'records'>): void {
    if (this.title === null) this.title = result.title;
    if (this.columns.length === 0 && result.columns.length > 0) {
      this.columns = result.columns;
      this.reportUnusedMap(result.columns);
    }
    this.residue.push(...result.residue);
    this.findings.push(...result.findings);
    this.sheets.push(...result.processSheets);
  }

  /** A `--map` correction that names no column of the file is a typo the user should hear about. */
  private reportUnusedMap(columns: readonly Column[]): void {
    const headers = new Set(columns.map((c) => normalizeHeader(c.header)));
    for (const header of Object.keys(this.options.map ?? {})) {
      if (!headers.has(normalizeHeader(header))) {
        this.findings.push(readerFinding('unused-map', 'warning', { file: this.file }, { header }));
      }
    }
  }

  noteItem(item: ListMetaSample, findings: readonly Finding[]): void {
    this.noteFindings(findings);
    if (this.departmentSample.length < DEPARTMENT_SAMPLE) this.departmentSample.push(item);
  }

  noteFindings(findings: readonly Finding[]): void {
    for (const finding of findings) this.findings.push(finding);
  }

  head(): ListHead {
    const department = deriveDepartment(this.title, this.departmentSample);
    const { region, level } = deriveRegionLevel(department, this.departmentSample);
    return {
      schemaVersion: 1,
      title: this.title,
      department,
      region,
      level,
      source: { file: this.file, format: this.format ?? 'json', sha256: this.hash.digest('hex'), bytes: this.bytes },
      columns: this.columns.map((c) => ({ header: c.header, field: c.field })),
      processSheets: this.sheets,
      residue: this.residue,
      findings: this.findings,
    };
  }
}

/** Binary formats (workbooks, documents, PDFs) are read whole whatever their size. */
async function startsAsText(path: string): Promise<boolean> {
  const handle = await open(path);
  try {
    const head = new Uint8Array(8192);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return looksLikeText(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function pickDecoder(head: Uint8Array, file: string): TextDecoder {
  if (!looksLikeText(head)) throw new ImportError('unsupported-format', file, '大文件只支持文本格式的流式导入');
  return textDecoder(detectEncoding(head));
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Records sent to a worker at a time: enough to outweigh the message, few enough to keep memory low. */
const BATCH_RECORDS = 64;

/**
 * Imports a file as NDJSON in UTF-8: one line per item, then the list line; the generator
 * returns the list head. With `jobs` > 1, large files are parsed by a pool of worker threads
 * while this thread reads ahead; lines keep file order either way.
 */
export async function* importNdjson(path: string, options: ImportOptions = {}): AsyncGenerator<Uint8Array, ListHead> {
  const file = options.name ?? basename(path);
  const size = await statFile(path, file);
  const assembler = new ListAssembler(file, options);
  const jobs = options.jobs ?? 1;
  const pool = jobs > 1 && size > (options.streamAbove ?? STREAM_ABOVE) ? new ParsePool(jobs) : null;
  // One job a worker queued behind the one it works on, so none idles while this thread reads.
  const ahead = pool ? pool.size : 0;
  const inFlight: SentBatch[] = [];
  const lines = new LineBytes();
  let batch: Batch = { records: [], heads: [] };
  let batchColumns: Column[] = [];
  let sent = 0;
  const sendBatch = (): void => {
    if (!pool || (batch.records.length === 0 && batch.heads.length === 0)) return;
    // Workers keep the items the head still samples: the file's first ones, as without workers.
    const sample = Math.max(0, DEPARTMENT_SAMPLE - sent);
    const { records, heads } = batch;
    const done = records.length > 0 ? pool.run({ file, columns: batchColumns, records, sample }) : Promise.resolve(NO_ITEMS);
    // Batches queued behind the one being awaited may fail first (a worker died): marked as
    // handled here, their error still reaches `take` when their turn comes, and the import
    // ends with that error instead of the process with an unhandled rejection.
    done.catch(() => {});
    inFlight.push({ heads, done });
    sent += records.length;
    batch = { records: [], heads: [] };
  };
  try {
    for await (const result of assembler.results(path, size)) {
      if (!pool) {
        for (const event of interpret(assembler, result)) if (event.kind === 'item') lines.add(ndjsonItemLine(file, event.item));
        yield lines.take();
      } else {
        // Pieces are cut small for reading; workers get them in batches of whole records.
        if (!sameColumns(result.columns, batchColumns)) sendBatch();
        batchColumns = result.columns;
        const { records, ...head } = result;
        batch.heads.push({ at: batch.records.length, head });
        for (const record of records) batch.records.push(record);
        if (batch.records.length >= BATCH_RECORDS) sendBatch();
      }
      while (inFlight.length > ahead) yield await take(assembler, inFlight.shift() as SentBatch);
    }
    sendBatch();
    while (inFlight.length > 0) yield await take(assembler, inFlight.shift() as SentBatch);
  } finally {
    await pool?.close();
  }
  const head = assembler.head();
  yield Buffer.from(`${JSON.stringify({ type: 'list', ...head })}\n`);
  return head;
}

function sameColumns(a: readonly Column[], b: readonly Column[]): boolean {
  return a.length === b.length && a.every((column, i) => column.header === b[i]?.header && column.field === b[i]?.field);
}

/**
 * Records on their way to a worker, with the heads of the read results they come from:
 * `at` is the first record of each, whose findings follow the head's, as without workers.
 */
interface Batch {
  records: RawRecord[];
  heads: { at: number; head: Omit<ReadResult, 'records'> }[];
}

type SentBatch = Pick<Batch, 'heads'> & { done: Promise<ParseDone> };

const NO_ITEMS: ParseDone = { id: -1, ndjson: new Uint8Array(), findings: [], sample: [] };

async function take(assembler: ListAssembler, batch: SentBatch): Promise<Uint8Array> {
  let done: ParseDone;
  try {
    done = await batch.done;
  } catch (error) {
    if (error instanceof ParseThreadError) throw new ImportError('parse-failed', assembler.file, error.message, {}, { cause: error, advice: { kind: 'single-thread' } });
    throw error;
  }
  const heads = batch.heads.values();
  let head = heads.next();
  const absorbHeadsTo = (record: number): void => {
    for (; !head.done && head.value.at <= record; head = heads.next()) assembler.absorbHead(head.value.head);
  };
  done.findings.forEach((findings, record) => {
    absorbHeadsTo(record);
    assembler.noteFindings(findings);
  });
  absorbHeadsTo(Number.POSITIVE_INFINITY);
  for (const item of done.sample) assembler.noteItem(item, []);
  return done.ndjson;
}
