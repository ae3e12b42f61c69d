import { type Dict, Name, ObjectReader, type PdfObject, Ref, latin1 } from './syntax.js';

/** A stream as pdf.js would read it: the object it belongs to, its dictionary, where its data lies. */
export interface PdfStream {
  num: number;
  gen: number;
  /** Null when no object header before the "stream" keyword reads as its dictionary. */
  dict: Dict | null;
  start: number;
  end: number;
}

export interface PdfScan {
  streams: PdfStream[];
  /** The trailer dictionaries and the dictionaries of cross-reference streams, which stand for them. */
  trailers: Dict[];
  /** The object a reference names (the last definition in the file); undefined when it is not in the file's top level. */
  resolve(value: PdfObject | undefined): PdfObject | undefined;
  /** True when reading the dictionaries took far more than a real file's do (see ObjectReader): nothing here can be trusted. */
  tangled: boolean;
}

/** What may stand before and after a keyword: anything but a regular character. */
const EDGE_BEFORE = '(?<![^\\0\\t\\n\\f\\r ()<>\\[\\]{}/%])';
const EDGE_AFTER = '(?![^\\0\\t\\n\\f\\r ()<>\\[\\]{}/%])';
const keyword = (word: string) => new RegExp(`${EDGE_BEFORE}${word}${EDGE_AFTER}`, 'g');
const HEADER = new RegExp(`${EDGE_BEFORE}(\\d+)[\\0\\t\\n\\f\\r ]+(\\d+)[\\0\\t\\n\\f\\r ]+obj${EDGE_AFTER}`, 'g');

/** How many object headers back a "stream" keyword's dictionary is looked for (one unless a header hides inside a string). */
const HEADER_TRIES = 4;

/**
 * Finds every stream in a PDF's bytes, reading the file as pdf.js reads an object: "num gen
 * obj", a dictionary, "stream", the data. Every "stream" keyword is looked at, also one
 * inside another stream's data, since pdf.js reads whatever object the cross-reference
 * table points at; the table itself is not trusted.
 */
export function scanPdf(bytes: Uint8Array): PdfScan {
  const text = latin1(bytes, 0, bytes.length);
  // A real file's dictionaries are read about once; four times over is for a crafted one.
  const reader = new ObjectReader(bytes, 4 * bytes.length + 1024 * 1024);
  const headers: { num: number; gen: number; body: number }[] = [];
  const byRef = new Map<string, number>();
  for (const match of text.matchAll(HEADER)) {
    const num = Number(match[1]);
    const gen = Number(match[2]);
    byRef.set(`${num} ${gen}`, headers.length);
    headers.push({ num, gen, body: match.index + match[0].length });
  }
  // What follows each header, read once however many streams and references ask.
  const objects = new Map<number, ReturnType<ObjectReader['object']>>();
  const objectAt = (index: number) => {
    if (!objects.has(index)) objects.set(index, reader.object(headers[index]!.body));
    return objects.get(index) ?? null;
  };
  const resolve = (value: PdfObject | undefined): PdfObject | undefined => {
    if (!(value instanceof Ref)) return value;
    const index = byRef.get(`${value.num} ${value.gen}`);
    const found = index === undefined ? undefined : objectAt(index)?.value;
    return found instanceof Ref ? undefined : found;
  };

  const streams: PdfStream[] = [];
  const trailers: Dict[] = [];
  const lines = new Following(text, /\r\n?|\n/g);
  const ends = new Following(text, /endstream/g);
  let header = 0;
  for (const match of text.matchAll(keyword('stream'))) {
    const at = match.index;
    while (header < headers.length && headers[header]!.body <= at) header++;
    let found: PdfStream | null = null;
    for (let h = header - 1; h >= Math.max(0, header - HEADER_TRIES) && !found; h--) {
      const parsed = objectAt(h);
      if (parsed?.value instanceof Map && parsed.next === at) found = { num: headers[h]!.num, gen: headers[h]!.gen, dict: parsed.value, start: 0, end: 0 };
    }
    const nearest = headers[header - 1];
    const stream = found ?? { num: nearest?.num ?? 0, gen: nearest?.gen ?? 0, dict: null, start: 0, end: 0 };
    // pdf.js skips to the next line after "stream": past the first CR, LF or CR LF.
    const line = lines.from(at + 'stream'.length);
    stream.start = line ? line.index + line[0].length : bytes.length;
    stream.end = dataEnd(reader, stream, ends, resolve);
    streams.push(stream);
    if (stream.dict && isName(resolve(stream.dict.get('Type')), 'XRef')) trailers.push(stream.dict);
  }
  for (const match of text.matchAll(keyword('trailer'))) {
    const parsed = reader.object(match.index + 'trailer'.length);
    if (parsed?.value instanceof Map) trailers.push(parsed.value);
  }
  return {
    streams,
    trailers,
    resolve,
    get tangled() {
      return reader.tangled;
    },
  };
}

/** The first match of a pattern at or after a position, for positions that only grow: the whole scan reads the text once. */
class Following {
  private match: RegExpExecArray | null = null;
  private done = false;
  constructor(
    private readonly text: string,
    private readonly pattern: RegExp,
  ) {}

  from(pos: number): RegExpExecArray | null {
    while (!this.done && (this.match === null || this.match.index < pos)) {
      this.pattern.lastIndex = pos;
      this.match = this.pattern.exec(this.text);
      if (this.match === null) this.done = true;
    }
    return this.match !== null && this.match.index >= pos ? this.match : null;
  }
}

export const isName = (value: PdfObject | undefined, name: string): boolean => value instanceof Name && value.name === name;

/**
 * Where pdf.js ends a stream's data: after /Length bytes when "endstream" follows there,
 * otherwise at the first "endstream". A /Length that refers to an object this scan cannot
 * see (one inside an object stream) could be anything: then the data runs to the end of the
 * file, which only makes the decoders read more than pdf.js would, never less.
 */
function dataEnd(reader: ObjectReader, stream: PdfStream, ends: Following, resolve: PdfScan['resolve']): number {
  const declared = stream.dict?.get('Length');
  const length = resolve(declared);
  const end = typeof length === 'number' && Number.isInteger(length) && length >= 0 ? stream.start + length : -1;
  if (end >= 0 && end <= reader.bytes.length && reader.keywordAt(end) === 'endstream') return end;
  if (declared instanceof Ref && length === undefined) return reader.bytes.length;
  return ends.from(stream.start)?.index ?? reader.bytes.length;
}
