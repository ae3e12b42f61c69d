import { ImportError } from '../errors.js';
import { readGrid } from '../grid/index.js';
import type { HeaderOverrides } from '../header-map.js';
import type { Reader, ReaderInput } from '../reader.js';
import type { ReadResult } from '../record.js';
import { toBlocks } from './blocks.js';
import { parseHtml } from './document.js';

export { parseHtml, cellText, type HtmlTable, type Paragraph } from './document.js';
export { toBlocks } from './blocks.js';

/**
 * Reads the list tables of an HTML page. Text is taken from the markup (tags end lines or
 * vanish, entities decode); no markup reaches a cell. Each <tr> is one row, at its line.
 */
export function readHtml(file: string, html: string, map: HeaderOverrides = {}): ReadResult {
  const parts = parseHtml(html);
  if (!parts.some((part) => part.kind === 'table')) {
    throw new ImportError('bad-structure', file, '网页中没有表格（<table>），找不到清单');
  }
  return readGrid(file, toBlocks(parts), map);
}

function detect(input: ReaderInput): number {
  const head = input.text?.slice(0, 200_000);
  if (!head) return 0;
  if (/<table[\s>]/i.test(head) && /<t[dh][\s>]/i.test(head)) return 0.95;
  return /^\s*(<!doctype html|<html[\s>])/i.test(head) ? 0.5 : 0;
}

/** Web pages (.html, .htm, saved pages) with the list in <table> elements. */
export const htmlReader: Reader = {
  format: 'html',
  label: 'HTML 网页表格',
  detect,
  read: (input, options) => readHtml(input.file, input.text ?? '', options.map ?? {}),
};
