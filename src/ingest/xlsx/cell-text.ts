import type { CellValue } from 'exceljs';

/** Excel's escape for characters XML cannot hold (_x000D_ for a carriage return). */
const XML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/**
 * The text of a cell value as the user sees it in the sheet: numbers without float noise
 * (a 序号 stored as 1 or as "1" reads the same), dates as YYYY-MM-DD, rich text joined,
 * formulas by their result, hyperlinks by their text.
 */
export function cellValueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return unescapeXml(value);
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return unescapeXml(value.richText.map((run) => run.text).join(''));
  if ('error' in value) return String(value.error);
  if ('formula' in value || 'sharedFormula' in value) return cellValueText((value.result ?? null) as CellValue);
  if ('text' in value) {
    const text = value.text as unknown;
    return typeof text === 'string' ? unescapeXml(text) : cellValueText(text as CellValue);
  }
  return '';
}

function unescapeXml(text: string): string {
  return text.includes('_x') ? text.replace(XML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : text;
}

export function numberText(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
  return String(Number(value.toPrecision(15)));
}

function dateText(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
