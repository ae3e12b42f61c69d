import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

/**
 * Where a finding points: as precise as the producer knows. A file of several parts numbers
 * its lines per part, so `sheet` (a worksheet's name) or `page` (a PDF page) says which.
 */
export const Place = z.object({
  file: z.string().optional(),
  sheet: z.string().optional(),
  page: z.number().int().positive().optional(),
  line: z.number().int().positive().optional(),
  record: z.number().int().nonnegative().optional(),
  item: z.string().optional(),
  field: z.string().optional(),
});
export type Place = z.infer<typeof Place>;

/**
 * A finding is data: a rule or reader id, a message id, its parameters and a Chinese
 * message rendered from them. Formatters (text, JSON, SARIF) work from the data.
 */
export const Finding = z.object({
  ruleId: z.string(),
  messageId: z.string(),
  severity: Severity,
  message: z.string(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).default({}),
  place: Place,
  /** Another place the finding relates to (the first occurrence of a duplicate, say). */
  cause: Place.optional(),
});
export type Finding = z.infer<typeof Finding>;

/**
 * A place as a user reads it, in the CLI's spelling: “文件 清单.xlsx 工作表“许可” 第5行”.
 * Parts the place lacks are left out; `file: false` leaves out the file when the text
 * around it already names it; `spaced` writes “第 5 行”, as the portal does.
 */
export function placeText(place: Place, options: { file?: boolean; spaced?: boolean } = {}): string {
  const nth = (n: number, unit: string) => (options.spaced ? `第 ${n} ${unit}` : `第${n}${unit}`);
  return [
    options.file !== false && place.file ? `文件 ${place.file}` : '',
    place.sheet !== undefined ? `工作表“${place.sheet}”` : '',
    place.page !== undefined ? nth(place.page, '页') : '',
    place.line !== undefined ? nth(place.line, '行') : '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** Fills "{name}" placeholders of a Chinese message template from a finding's data. */
export function renderMessage(template: string, data: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(data[key] ?? ''));
}

/** Builds a finding from a message map owned by its producer (reader, grammar or rule). */
export function makeFinding<Id extends string>(
  ruleId: string,
  messages: Readonly<Record<Id, string>>,
  messageId: Id,
  severity: Severity,
  place: Place,
  data: Readonly<Record<string, string | number>> = {},
): Finding {
  return { ruleId, messageId, severity, message: renderMessage(messages[messageId], data), data: { ...data }, place };
}
