export { decodeText, type TextEncoding } from './decode.js';
export { type ImportAdvice, ImportError, isImportError, type ImportErrorCode } from './errors.js';
export { HEADER_SYNONYMS, mapHeader, mapHeaders, normalizeHeader, type HeaderOverrides } from './header-map.js';
export { importBytes, importFile, importNdjson, importStream, type ImportEvent, type ImportOptions, type ListHead } from './import-list.js';
export { FORMATS, READERS, detectReader, readerFor } from './readers.js';
export type { Reader, ReaderInput, ReaderOptions } from './reader.js';
export type { Column, RawRecord, ReadResult } from './record.js';
export { TAB_RECORD_HEADERS } from './tab-records/index.js';
export { summarizeList, type ListSummary } from './summary.js';
