/** Splits text into lines, accepting LF, CRLF and CR line ends. */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/);
}
