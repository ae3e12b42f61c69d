import type { SourceFormat } from '../model/index.js';
import type { HeaderOverrides } from './header-map.js';
import type { ReadResult } from './record.js';

/** What a reader is given: the file's name and bytes, its text when it decodes as text. */
export interface ReaderInput {
  file: string;
  bytes: Uint8Array;
  /** Decoded text (UTF-8 or GB18030, BOM removed) for text formats; undefined for binary ones. */
  text?: string;
}

export interface ReaderOptions {
  map?: HeaderOverrides;
  /**
   * The text is a piece of a file read in pieces (see `nextBoundary`) whose records may stand
   * in other pieces: holding none is then not an error, and the piece's text is kept as residue.
   */
  partial?: boolean;
}

/**
 * One reader per format. `detect` scores how likely the input is this format (0 = no,
 * 1 = certain) by content, not only by extension; the best score wins, `--from` overrides.
 */
export interface Reader {
  format: SourceFormat;
  /** Chinese name shown in messages, e.g. "Markdown 表格". */
  label: string;
  detect(input: ReaderInput): number;
  read(input: ReaderInput, options: ReaderOptions): ReadResult | Promise<ReadResult>;
  /**
   * For text formats that can be read in pieces: the first offset at or after `from` where
   * the text can be cut so that both sides read on their own (-1 when there is none yet).
   * Large files are streamed through this; readers without it are read whole.
   */
  nextBoundary?(text: string, from: number): number;
}
