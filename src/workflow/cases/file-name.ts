import { parsedInput, visibleText } from './party.js';

/**
 * A file's own name: what a path says after its last slash or backslash, so neither an old
 * browser's upload (C:\Users\张三\photo.jpg) nor a client's fileName (../../a.pdf) keeps a folder.
 */
function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * A document's file name, from the API, a form's file or the CLI alike: no folders, nothing
 * hidden, not "." or "..". The API checks it at its edge and the store again for every caller.
 */
export const FileName = visibleText(255, fileNameOf).refine((s) => s !== '.' && s !== '..', '应为文件本身的名称，不能是“.”或“..”');

/** A document's file name as the store records it, or invalid-input saying why in Chinese. */
export function parseFileName(input: unknown): string {
  return parsedInput(FileName, input, '文件名');
}
