import { z } from 'zod';
import type * as audit from '../audit-log/index.js';
import type * as cases from '../cases/index.js';
import { ItemSnapshot, PARTY_KINDS, PartyInput } from '../cases/index.js';
import { CountUnit, ProcessDefinition } from '../process/index.js';
import type * as supervision from '../supervision/index.js';
import { SITUATION_WORDS } from '../supervision/index.js';
import type { CaseEventRecord } from './api.js';
import { CaseId, ProcessIdParam } from './params.js';

/**
 * The workflow API's JSON answers as zod schemas: the site's OpenAPI document is generated
 * from them (endpoints.ts names each answer's schema), the API's handlers are typed by them
 * (api.ts), and a compile-time check below ties each to the store's type it describes.
 */

const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe('日期（YYYY-MM-DD）');
const instant = z.string().describe('时刻（ISO 8601，东八区，如 2025-06-03T09:30:00+08:00）');
const sm3 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('SM3 摘要（64 位十六进制）');
const sha256 = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .describe('所附文件内容的 SHA-256（64 位十六进制）');
const count = z.number().int().nonnegative();
const caseId = CaseId.shape.id.describe('案件编号，如 2025-00001');
const processId = ProcessIdParam.shape.id.describe('流程定义编号，如 P1');
const processVersion = z.number().int().positive().describe('流程定义的版本号，从 1 起');
const itemRef = z.string().nullable().describe('清单事项编号（或流程图的键）；没有为 null');
const stepId = z.string().describe('环节（步骤）编号');
const unit = CountUnit.describe('workday 工作日，day 自然日，month 月');

export const Party = PartyInput.describe('申请人或当事人（完整信息，仅管理令牌或已登录用户可见）');
export const MaskedParty = z
  .object({
    name: z.string().describe('遮蔽后的名称，如 张**、北京**有限公司'),
    kind: z.enum(PARTY_KINDS),
    masked: z.literal(true),
  })
  .describe('申请人或当事人（公开可见的遮蔽信息，无联系方式）');
const party = z.union([Party, MaskedParty]).optional().describe('申请人或当事人：有管理令牌或已登录时为完整信息，否则为遮蔽后的名称；立案时未登记则没有');

export const Dues = z
  .object({
    statutory: date.nullable().describe('法定期限届满日；无法定时限为 null'),
    promised: date.nullable().describe('承诺期限届满日；无承诺时限为 null'),
    steps: z.record(z.string(), date).describe('已开始计时且时限可计算的各环节的届满日，按环节编号'),
    effective: date.nullable().describe('仍在计时的最早届满日：逾期、临期按它判断'),
    effectiveKind: z.enum(['statutory', 'step']).nullable().describe('最早届满日来自法定期限（statutory）还是环节期限（step）'),
    provisional: z.boolean().describe('跨越了尚无节假日数据的年份：日期为暂定'),
  })
  .describe('按工作日历计算的各项期限');

export const CaseSummary = z.object({
  id: caseId,
  title: z.string(),
  department: z.string().describe('承办部门'),
  status: z.enum(['open', 'paused', 'closed']).describe('open 办理中，paused 中止计时，closed 已办结'),
  itemRef,
  processId,
  processVersion,
  currentStep: stepId.nullable().describe('当前环节编号；办结后为 null'),
  currentStepName: z.string().nullable(),
  openedOn: date.describe('立案日期'),
  dueDate: date.nullable().describe('仍在计时的最早届满日'),
  dueKind: z.enum(['statutory', 'step']).nullable(),
  statutoryDue: date.nullable().describe('法定期限届满日'),
  promisedDue: date.nullable().describe('承诺期限届满日'),
  pausedSince: date.nullable().describe('中止计时的起始日；未中止为 null'),
  closedOn: date.nullable(),
  onTime: z.boolean().nullable().describe('是否在法定期限内办结；未办结或无法定时限为 null'),
  party,
});

export const CasePage = z.object({
  items: z.array(CaseSummary),
  total: count.describe('符合条件的案件数；totalExact 为 false 时是下限'),
  totalExact: z.boolean().describe('为 false 时符合条件的案件超过统计上限，total 是下限'),
  limit: z.number().int().positive(),
  offset: count,
  today: date.describe('按哪一天判断逾期与临期'),
  cutoff: date.describe('临期的最后一天（today 之后若干个工作日）'),
});

const StepState = z.object({
  id: stepId,
  name: z.string(),
  dutyNo: z.number().int().positive().optional().describe('该环节来自的责任事项序号'),
  status: z.enum(['pending', 'active', 'done', 'skipped']).describe('pending 未开始，active 办理中，done 已完成，skipped 已跳过'),
  enteredOn: date.optional(),
  completedOn: date.optional(),
});

const PauseRecord = z.object({
  from: date,
  resumedOn: date.optional().describe('恢复计时的日期；仍在中止中则没有'),
  kind: z.string().describe('中止事由，如 补正、听证、检验检测'),
  note: z.string().optional(),
});

const ExtensionRecord = z.object({
  amount: z.number().int().positive(),
  unit: unit.optional(),
  approvedOn: date,
  approvedBy: z.string().optional(),
  note: z.string().optional(),
});

const AttachedDocument = z.object({
  name: z.string(),
  step: stepId,
  on: date,
  named: z.boolean().describe('是否为该环节所列的文书'),
  fileName: z.string().optional(),
  sha256: sha256.optional(),
  bytes: count.optional().describe('所附文件的字节数'),
  seq: z.number().int().positive().describe('登记该文书的事件序号'),
});

export const CaseState = z
  .object({
    id: caseId,
    itemRef,
    processId,
    processVersion,
    department: z.string(),
    title: z.string(),
    party,
    status: z.enum(['open', 'paused', 'closed']),
    openedOn: date,
    currentStep: stepId.nullable(),
    steps: z.array(StepState),
    pauses: z.array(PauseRecord).describe('中止计时记录，从早到晚'),
    extensions: z.array(ExtensionRecord).describe('经批准的延期，从早到晚'),
    documents: z.array(AttachedDocument).describe('已登记的文书'),
    dues: Dues,
    lastOn: date.describe('已记录事件中最晚的日期：之后的操作不能早于它'),
    closedOn: date.optional(),
    outcome: z.string().optional().describe('办结结果'),
    onTime: z.boolean().nullable().optional().describe('是否在法定期限内办结；无法定时限为 null；未办结则没有'),
    lastSeq: z.number().int().positive().describe('该案件最后一条事件的序号'),
  })
  .describe('由事件记录重放得到的案件状态');

export const ProcessSummary = z.object({
  id: processId,
  version: processVersion,
  itemRef,
  name: z.string(),
  createdAt: instant,
});

export const ProcessSummaries = z.array(ProcessSummary).describe('已保存的流程定义，各取最新版本，按编号排列');

export const StoredProcess = ProcessSummary.extend({ definition: ProcessDefinition }).describe('保存的流程定义（某一版本）');

export const SaveOutcome = z.object({
  process: StoredProcess,
  status: z.enum(['created', 'new-version', 'unchanged']).describe('created 新定义，new-version 新版本，unchanged 与最新版本相同、未改动'),
});

export const CaseView = z.object({
  summary: CaseSummary,
  state: CaseState,
  snapshot: ItemSnapshot,
  process: StoredProcess,
  warnings: z.array(z.string()).describe('期限规则对这次操作的提示（如延期超过上限）'),
});

const eventData = {
  opened: z.object({
    on: date,
    itemRef,
    processId,
    processVersion,
    department: z.string(),
    title: z.string(),
    steps: z.array(z.object({ id: stepId, name: z.string(), dutyNo: z.number().int().positive().optional() })),
    start: stepId,
    snapshotSm3: sm3.describe('立案时事项快照的 SM3 摘要'),
    party,
    partySalt: z.string().optional().describe('与当事人一同记录的随机盐（base64url），仅管理令牌或已登录时给出'),
    dues: Dues,
  }),
  advanced: z.object({
    on: date,
    from: stepId,
    to: stepId.nullable().describe('进入的环节；null 表示全部环节已完成、待办结'),
    forced: z.string().optional().describe('未通过检查而强制进入的理由'),
    offFlow: z.boolean().optional().describe('进入的环节不在流程连线上'),
    missingDocuments: z.array(z.string()).optional(),
    dues: Dues,
  }),
  paused: z.object({ on: date, pauseKind: z.string(), note: z.string().optional() }),
  resumed: z.object({ on: date, dues: Dues }),
  extended: z.object({
    on: date,
    amount: z.number().int().positive(),
    unit: unit.optional(),
    approvedBy: z.string().optional(),
    note: z.string().optional(),
    warnings: z.array(z.string()).optional(),
    dues: Dues,
  }),
  'document-attached': z.object({
    on: date,
    step: stepId,
    name: z.string(),
    named: z.boolean(),
    fileName: z.string().optional(),
    sha256: sha256.optional(),
    bytes: count.optional(),
  }),
  closed: z.object({ on: date, outcome: z.string().optional(), onTime: z.boolean().nullable(), dues: Dues }),
} as const;

const KIND_WORDS: Readonly<Record<keyof typeof eventData, string>> = {
  opened: '立案',
  advanced: '进入下一环节',
  paused: '中止计时',
  resumed: '恢复计时',
  extended: '延长期限',
  'document-attached': '登记文书',
  closed: '办结',
};

function event<K extends keyof typeof eventData>(kind: K) {
  return z.object({
    seq: z.number().int().positive().describe('在全部事件记录中的序号'),
    at: instant.describe('记录时刻'),
    kind: z.literal(kind).describe(KIND_WORDS[kind]),
    data: eventData[kind],
    prevHash: sm3.describe('前一条事件的 SM3 摘要（第一条为 64 个 0）'),
    hash: sm3.describe('本条事件的 SM3 摘要'),
  });
}

export const CaseEvent = z
  .discriminatedUnion('kind', [
    event('opened'),
    event('advanced'),
    event('paused'),
    event('resumed'),
    event('extended'),
    event('document-attached'),
    event('closed'),
  ])
  .describe('案件的一条事件（哈希链上的一环）；公开读者看到的当事人已遮蔽，且不含 partySalt');

export const CaseEvents = z.array(CaseEvent).describe('事件记录，从早到晚');

export const CaseDetail = CaseView.extend({ events: CaseEvents });

const ApplicableSituation = z.object({
  label: z.string(),
  text: z.string(),
  pursuer: z.string().optional(),
  match: z.enum(Object.keys(SITUATION_WORDS) as [supervision.SituationMatch, ...supervision.SituationMatch[]]).describe('deadline 关于期限，procedure 关于程序，catch-all 兜底条款'),
});

export const WatchedCase = CaseSummary.extend({
  workdays: count.describe('逾期的工作日数（逾期案件）或距届满的工作日数（临期案件）'),
  dutyNo: z.number().int().positive().nullable().describe('当前环节来自的责任事项序号'),
  situations: z.array(ApplicableSituation).describe('该环节逾期时适用的追责情形'),
  itemName: z.string(),
});

const DepartmentCounts = z.object({ department: z.string(), open: count, paused: count, closed: count, overdue: count, atRisk: count });

export const Supervision = z.object({
  stats: z.object({
    today: date,
    atRiskDays: count.describe('届满前多少个工作日内算临期'),
    cutoff: date,
    departments: z.array(DepartmentCounts).describe('各部门按状态、逾期与临期计数'),
    totals: DepartmentCounts.omit({ department: true }).extend({ promisedOverdue: count.describe('超过承诺期限仍在办理的案件数') }),
    months: z
      .array(z.object({ month: z.string().describe('办结月份 YYYY-MM'), closed: count, onTime: count, late: count, noDeadline: count.describe('无法定时限、不计入按期率的办结数') }))
      .describe('各月按期办结情况，从早到晚'),
  }),
  overdue: z.array(WatchedCase).describe('逾期案件（最多 50 件，最急的在前）'),
  atRisk: z.array(WatchedCase).describe('临期案件（最多 50 件，最急的在前）'),
  overdueTotal: count,
  atRiskTotal: count,
});

export const VerifyReport = z.object({
  ok: z.boolean().describe('哈希链完整，且每个案件、流程定义都与记录一致'),
  events: count.describe('校验通过的事件数'),
  headHash: sm3.describe('最后一条完好事件的摘要：另行保存可发现日后的截断'),
  headSeq: count,
  firstBreak: z
    .object({
      kind: z.enum(['edited', 'removed', 'reordered', 'inserted', 'truncated']).describe('edited 被修改，removed 被删除，reordered 被调换，inserted 被插入，truncated 被截断'),
      seq: z.number().int().positive(),
      caseId: z.string().nullable(),
      message: z.string(),
    })
    .optional()
    .describe('第一处断链；链完整则没有'),
  mismatches: z.array(z.string()).describe('与事件记录不符的案件或流程定义（仅在链完整时检查）'),
  cases: count,
  processes: count,
});

/** Schemas that get a name under components/schemas, in this order. */
export const WORKFLOW_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  CaseSummary,
  CasePage,
  CaseState,
  CaseView,
  CaseDetail,
  CaseEvent,
  CaseEvents,
  Dues,
  Party,
  MaskedParty,
  ItemSnapshot,
  ProcessSummary,
  ProcessSummaries,
  StoredProcess,
  SaveOutcome,
  ProcessDefinition,
  WatchedCase,
  Supervision,
  VerifyReport,
};

/** What may be sent as an answer of `S`: the store's types promise not to change their arrays, which JSON does not care about. */
export type Sendable<S extends z.ZodType> = Frozen<z.output<S>>;
type Frozen<T> = T extends readonly (infer U)[] ? readonly Frozen<U>[] : T extends object ? { readonly [K in keyof T]: Frozen<T[K]> } : T;

/** A type as its JSON carries it: `readonly` is a promise of the code, not a property of the data. */
type Plain<T> = T extends readonly (infer U)[] ? Plain<U>[] : T extends object ? { -readonly [K in keyof T]: Plain<T[K]> } : T;
type Same<A, B> = [Plain<A>] extends [Plain<B>] ? ([Plain<B>] extends [Plain<A>] ? true : false) : false;

/** Compile-time proof that the schemas describe exactly what the case store, supervision and the audit check return. */
export const SCHEMAS_MATCH_WORKFLOW: [
  Same<z.output<typeof CasePage>, cases.CasePage>,
  Same<z.output<typeof CaseView>, cases.CaseView>,
  Same<z.output<typeof CaseDetail>, cases.CaseView & { events: CaseEventRecord[] }>,
  Same<z.output<typeof CaseEvents>, CaseEventRecord[]>,
  Same<z.output<typeof ProcessSummaries>, cases.ProcessSummary[]>,
  Same<z.output<typeof StoredProcess>, cases.StoredProcess>,
  Same<z.output<typeof SaveOutcome>, cases.SaveOutcome>,
  Same<z.output<typeof Supervision>, supervision.Supervision>,
  Same<z.output<typeof VerifyReport>, cases.VerifyReport>,
  Same<z.output<typeof VerifyReport>['firstBreak'], audit.ChainBreak | undefined>,
] = [true, true, true, true, true, true, true, true, true, true];
