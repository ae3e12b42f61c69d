/**
 * JSON text a user wrote (a configuration file, a holiday calendar, an edited process
 * definition), read with a Chinese account of where it is broken: V8's own messages are
 * English ("Expected ',' or '}' after property value in JSON at position 15").
 */
export type JsonText = { ok: true; value: unknown } | { ok: false; message: string };

/** Line and column (from 1) of a UTF-16 offset. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Parses JSON text; a syntax error says where, in Chinese.
 *
 * @example parseJsonText('{"a": 1,}') // { ok: false, message: 'JSON 语法错误：第 1 行第 9 列附近…' }
 */
export function parseJsonText(text: string): JsonText {
  // Notepad's “UTF-8 with BOM” starts the file with a byte order mark, which is not part of the JSON.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    if (json.trim() === '') return { ok: false, message: '文件是空的，不是 JSON' };
    const position = /at position (\d+)/.exec(detail)?.[1];
    if (position === undefined) {
      // V8 names an unexpected token without its place ("Unexpected token ']', "[1,]" is not valid JSON").
      const token = /^Unexpected token '(.+?)', /su.exec(detail)?.[1];
      if (token !== undefined) return { ok: false, message: `JSON 语法错误：有不该出现的“${token}”${SYNTAX_HINT}` };
    }
    if (position === undefined || Number(position) >= json.trimEnd().length) return { ok: false, message: 'JSON 在结尾处不完整：可能缺少 }、] 或引号' };
    const { line, column } = lineAndColumn(json, Number(position));
    return { ok: false, message: `JSON 语法错误：第 ${line} 行第 ${column} 列附近${SYNTAX_HINT}` };
  }
}

const SYNTAX_HINT = '（常见原因：多余或缺少逗号、键名没有用双引号）';
