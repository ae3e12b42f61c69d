import { z } from 'zod';
import { IsoDateString } from '../calendar/index.js';
import { FileName, PartyInput } from '../cases/index.js';
import { wholeNumberParam } from '../../problem/index.js';

const optionalText = z.string().trim().min(1).max(500).optional();
const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const CaseListParams = z.strictObject({
  status: z.preprocess(emptyToUndefined, z.enum(['open', 'paused', 'closed']).optional()),
  department: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  filter: z.preprocess(emptyToUndefined, z.enum(['overdue', 'at-risk', 'promised-overdue']).optional()),
  today: z.preprocess(emptyToUndefined, IsoDateString.optional()),
  limit: z.preprocess(emptyToUndefined, wholeNumberParam(1, 1000).optional()),
  offset: z.preprocess(emptyToUndefined, wholeNumberParam(0).optional()),
});

export const CaseId = z.strictObject({ id: z.string().regex(/^\d{4}-\d{5,}$/, '案件编号应形如 2025-00001') });
export const ProcessIdParam = z.strictObject({ id: z.string().regex(/^P\d+$/, '流程编号应形如 P1') });
export const VersionQuery = z.strictObject({ version: wholeNumberParam(1).optional() });
export const TodayQuery = z.strictObject({ today: IsoDateString.optional() });
/** The case page: as of a day, and which action a form just did (the redirect's confirmation). */
export const CasePageQuery = TodayQuery.extend({
  done: z.enum(['open', 'advance', 'documents', 'pause', 'resume', 'extend', 'close']).optional(),
});

/**
 * An item of the list store: a positive integer as a decimal string, the rule of the list
 * API's `Id` (src/server/api/params.ts), restated because the workflow does not import the
 * server. A malformed id is bad input (400), not an item that is missing (404).
 */
export const ItemId = z.string().regex(/^[1-9][0-9]{0,14}$/, '事项编号应为正整数');

/** The 立案 page of an item. */
export const NewCaseQuery = z.strictObject({ itemId: ItemId });

export const OpenBody = z
  .strictObject({
    itemId: ItemId.optional(),
    processId: z.string().regex(/^P\d+$/).optional(),
    department: optionalText,
    on: IsoDateString.optional(),
    /** The applicant (申请人) or party (当事人): public answers show the name masked, never the contact. */
    party: PartyInput.describe('申请人或当事人：不带管理令牌的读取只见遮盖后的名称（如 张**、北京**有限公司），不见联系方式').optional(),
  })
  .refine((b) => (b.itemId === undefined) !== (b.processId === undefined), { message: '请给出 itemId 或 processId 之一' });

export const AdvanceBody = z.strictObject({ to: z.string().min(1).max(100).optional(), on: IsoDateString.optional(), force: optionalText });
export const PauseBody = z.strictObject({ kind: z.string().min(1).max(20).optional(), on: IsoDateString.optional(), note: optionalText });
export const OnBody = z.strictObject({ on: IsoDateString.optional() });
export const ExtendBody = z.strictObject({
  amount: z.number().int().positive().max(3650),
  unit: z.enum(['workday', 'day', 'month']).optional(),
  on: IsoDateString.optional(),
  approvedBy: optionalText,
  note: optionalText,
});
export const CloseBody = z.strictObject({ on: IsoDateString.optional(), outcome: optionalText });

/** The largest document a case records the content facts of: a form's file, or the API's contentBase64 decoded. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** How long the base64 of a MAX_DOCUMENT_BYTES file is (with its padding): the longest contentBase64 may be. */
export const MAX_DOCUMENT_BASE64 = 4 * Math.ceil(MAX_DOCUMENT_BYTES / 3);

/**
 * The longest JSON write the site reads (besides room for the other fields): twice the
 * base64, because JSON may escape "/" as "\/" (PHP's json_encode does by default), which can
 * grow a MAX_DOCUMENT_BYTES file's base64 that far; a body past it is refused unread.
 */
export const MAX_DOCUMENT_JSON = 2 * MAX_DOCUMENT_BASE64;

const TOO_LARGE = `文件不能超过 ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB`;

export const AttachBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  step: z.string().min(1).max(100).optional(),
  on: IsoDateString.optional(),
  /** Kept without any folder a path names; refused with control or invisible characters. */
  fileName: FileName.optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  bytes: z.number().int().nonnegative().optional(),
  /** The file itself, base64; its SHA-256 and size are computed here. */
  contentBase64: z
    .string()
    .max(MAX_DOCUMENT_BASE64, { error: TOO_LARGE, abort: true })
    // The length admits a file up to two bytes over (base64 comes in groups of three bytes); the padding tells.
    .refine((s) => Buffer.byteLength(s, 'base64') <= MAX_DOCUMENT_BYTES, TOO_LARGE)
    .describe(`文件内容，base64（不换行）；文件不超过 ${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB，服务器只记录其 SHA-256 和大小`)
    .optional(),
});
