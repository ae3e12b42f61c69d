import { randomBytes } from 'node:crypto';
import { type Calendar, type IsoDate, isIsoDate } from '../calendar/index.js';
import { computeDeadline, findPauseKind, PAUSE_KINDS } from '../periods/index.js';
import { findStep, nextSteps, type ProcessDefinition } from '../process/index.js';
import { computeDues } from './dues.js';
import { CaseError } from './errors.js';
import { applyEvent, type CaseEvent, type CaseEventMap } from './events.js';
import { parseFileName } from './file-name.js';
import { type Party, parseParty } from './party.js';
import { advanceRefusal, attachRefusal, closeRefusal, extendRefusal, pauseRefusal, type Refusal, resumeRefusal } from './preconditions.js';
import { type CaseState, currentStepOf, NO_DUES, type StepState } from './state.js';

/** What every command knows: the definition, the calendar, and today in Asia/Shanghai. */
export interface CommandContext {
  readonly def: ProcessDefinition;
  readonly calendar: Calendar;
  readonly today: IsoDate;
}

export interface OpenInput {
  readonly itemRef: string | null;
  readonly processId: string;
  readonly processVersion: number;
  readonly department: string;
  readonly title: string;
  readonly snapshotSm3: string;
  /** The day the case was opened (立案, 受理); today by default. */
  readonly on?: IsoDate;
  readonly party?: Party;
}

export interface AdvanceInput {
  /** The step to go to; by default the only step the flows lead to. */
  readonly to?: string;
  readonly on?: IsoDate;
  /** A reason to go on although the step's documents are missing or the step is off the flows. */
  readonly force?: string;
}

export interface PauseCommandInput {
  readonly on?: IsoDate;
  /** A pause kind of the period rules (听证, 检验, 补正 …); 中止 by default. */
  readonly kind?: string;
  readonly note?: string;
}

export interface ExtendInput {
  readonly amount: number;
  readonly unit?: 'workday' | 'day' | 'month';
  readonly on?: IsoDate;
  readonly approvedBy?: string;
  readonly note?: string;
}

export interface AttachInput {
  readonly name: string;
  readonly step?: string;
  readonly on?: IsoDate;
  readonly fileName?: string;
  readonly sha256?: string;
  readonly bytes?: number;
}

export interface CloseInput {
  readonly on?: IsoDate;
  readonly outcome?: string;
}

/** The effective date of an action: given or today, never in the future, never before the case's last event. */
function dateOf(on: IsoDate | undefined, ctx: CommandContext, state: CaseState | null): IsoDate {
  const date = on ?? ctx.today;
  if (!isIsoDate(date)) throw new CaseError('bad-date', `“${date}”不是有效日期，应为 YYYY-MM-DD`);
  if (date > ctx.today) throw new CaseError('bad-date', `日期 ${date} 晚于今天（${ctx.today}），不能预先登记`);
  if (state && date < state.lastOn) throw new CaseError('bad-date', `日期 ${date} 早于本案上一次登记的日期 ${state.lastOn}`);
  return date;
}

/** Throws the command's refusal, if the case's state gives one. */
function refuseIf(refusal: Refusal | null): void {
  if (refusal) throw new CaseError(refusal.code, refusal.reason);
}

/** Fills in the deadlines an event leads to, computed on the state it produces. */
function withDues<K extends 'opened' | 'advanced' | 'resumed' | 'extended' | 'closed'>(
  kind: K,
  data: Omit<CaseEventMap[K], 'dues'>,
  state: CaseState | null,
  caseId: string,
  ctx: CommandContext,
): CaseEvent {
  const draft = { kind, data: { ...data, dues: NO_DUES } } as CaseEvent;
  const next = applyEvent(state, caseId, (state?.lastSeq ?? 0) + 1, draft);
  return { kind, data: { ...data, dues: computeDues(ctx.def, next, ctx.calendar) } } as CaseEvent;
}

export function openCommand(caseId: string, input: OpenInput, ctx: CommandContext): CaseEvent {
  const on = dateOf(input.on, ctx, null);
  const data: Omit<CaseEventMap['opened'], 'dues'> = {
    on,
    itemRef: input.itemRef,
    processId: input.processId,
    processVersion: input.processVersion,
    department: input.department,
    title: input.title,
    steps: ctx.def.steps.map((s) => ({ id: s.id, name: s.name, ...(s.dutyNo !== undefined ? { dutyNo: s.dutyNo } : {}) })),
    start: ctx.def.start,
    snapshotSm3: input.snapshotSm3,
    // Only when given, so an event without a party hashes as events did before parties were recorded.
    ...(input.party !== undefined ? { party: parseParty(input.party), partySalt: randomBytes(16).toString('base64url') } : {}),
  };
  return withDues('opened', data, null, caseId, ctx);
}

export function advanceCommand(state: CaseState, input: AdvanceInput, ctx: CommandContext): CaseEvent {
  refuseIf(advanceRefusal(state, ctx.def));
  // advanceRefusal refuses a case without a current step.
  const current = currentStepOf(state) as StepState;
  const on = dateOf(input.on, ctx, state);
  const options = nextSteps(ctx.def, current.id);
  let to: string | null;
  let offFlow = false;
  if (input.to !== undefined) {
    const target = findStep(ctx.def, input.to) ?? ctx.def.steps.find((s) => s.name === input.to);
    if (!target) throw new CaseError('invalid-input', `流程中没有步骤“${input.to}”`);
    if (target.id === current.id) throw new CaseError('invalid-input', `案件已处在步骤“${current.name}”`);
    to = target.id;
    offFlow = !options.some((s) => s.id === target.id);
  } else if (options.length === 1) {
    to = (options[0] as { id: string }).id;
  } else if (options.length === 0) {
    to = null;
  } else {
    const names = options.map((s) => `${s.id}（${s.name}）`).join('、');
    throw new CaseError('choose-next-step', `步骤“${current.name}”之后有多个去向，请指定：${names}`, options.map((s) => s.id));
  }
  const problems: string[] = [];
  if (offFlow) problems.push(`流程中没有从“${current.name}”到该步骤的连线`);
  const missing = missingDocuments(state, ctx.def, current.id);
  if (missing.length > 0) problems.push(`步骤“${current.name}”所列文书尚未附加：${missing.map((m) => `《${m}》`).join('、')}`);
  if (problems.length > 0 && !input.force?.trim()) {
    throw new CaseError(missing.length > 0 ? 'missing-documents' : 'invalid-transition', `${problems.join('；')}。如确需继续，请说明理由（--force）`, missing);
  }
  const data: Omit<CaseEventMap['advanced'], 'dues'> = {
    on,
    from: current.id,
    to,
    ...(problems.length > 0 ? { forced: (input.force as string).trim() } : {}),
    ...(offFlow ? { offFlow } : {}),
    ...(missing.length > 0 ? { missingDocuments: missing } : {}),
  };
  return withDues('advanced', data, state, state.id, ctx);
}

/** Documents the step names that no event has attached to it yet. */
export function missingDocuments(state: CaseState, def: ProcessDefinition, stepId: string): string[] {
  const names = findStep(def, stepId)?.documents ?? [];
  return names.filter((name) => !state.documents.some((d) => d.step === stepId && d.name === name));
}

export function pauseCommand(state: CaseState, input: PauseCommandInput, ctx: CommandContext): CaseEvent {
  refuseIf(pauseRefusal(state, ctx.def));
  const kind = input.kind?.trim() || '中止';
  if (!findPauseKind(kind)) {
    throw new CaseError('invalid-input', `未知的暂停事由“${kind}”，可用：${PAUSE_KINDS.map((k) => k.id).join('、')}`);
  }
  const on = dateOf(input.on, ctx, state);
  return { kind: 'paused', data: { on, pauseKind: kind, ...(input.note?.trim() ? { note: input.note.trim() } : {}) } };
}

export function resumeCommand(state: CaseState, input: { on?: IsoDate }, ctx: CommandContext): CaseEvent {
  refuseIf(resumeRefusal(state, ctx.def));
  return withDues('resumed', { on: dateOf(input.on, ctx, state) }, state, state.id, ctx);
}

export function extendCommand(state: CaseState, input: ExtendInput, ctx: CommandContext): CaseEvent {
  refuseIf(extendRefusal(state, ctx.def));
  if (!Number.isInteger(input.amount) || input.amount <= 0) throw new CaseError('invalid-input', '延长的期限应为正整数');
  const on = dateOf(input.on, ctx, state);
  const data: Omit<CaseEventMap['extended'], 'dues'> = {
    on,
    amount: input.amount,
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.approvedBy?.trim() ? { approvedBy: input.approvedBy.trim() } : {}),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  };
  const event = withDues('extended', data, state, state.id, ctx);
  const warnings = extensionWarnings(state, input, on, ctx);
  return warnings.length > 0 ? ({ ...event, data: { ...event.data, warnings } } as CaseEvent) : event;
}

/** What the period rules say about the extension (over the statutory maximum, no legal basis …). */
function extensionWarnings(state: CaseState, input: ExtendInput, on: IsoDate, ctx: CommandContext): string[] {
  const limit = ctx.def.statutoryLimit;
  if (limit?.amount === undefined) return [];
  const all = [...state.extensions, { amount: input.amount, approvedOn: on, ...(input.unit ? { unit: input.unit } : {}) }];
  return [
    ...computeDeadline(
      {
        from: state.openedOn,
        amount: limit.amount,
        ...(limit.unit ? { unit: limit.unit } : {}),
        ...(limit.rule ? { rule: limit.rule } : {}),
        extensions: all.map((e) => ({ amount: e.amount, approvedOn: e.approvedOn, ...(e.unit ? { unit: e.unit } : {}) })),
      },
      ctx.calendar,
    ).warnings,
  ];
}

export function attachCommand(state: CaseState, input: AttachInput, ctx: CommandContext): CaseEvent {
  refuseIf(attachRefusal(state, ctx.def));
  const name = input.name.trim().replace(/^《(.*)》$/, '$1');
  if (!name) throw new CaseError('invalid-input', '文书名称不能为空');
  const stepId = input.step ?? state.currentStep ?? state.steps.filter((s) => s.status === 'done').at(-1)?.id;
  const step = stepId ? state.steps.find((s) => s.id === stepId || s.name === stepId) : undefined;
  if (!step) throw new CaseError('invalid-input', `案件中没有步骤“${input.step ?? ''}”`);
  if (input.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(input.sha256)) throw new CaseError('invalid-input', '文件摘要应为 64 位十六进制');
  // Checked here as the API checks it, for the callers that do not come through the API.
  const fileName = input.fileName === undefined ? undefined : parseFileName(input.fileName);
  const named = (findStep(ctx.def, step.id)?.documents ?? []).includes(name);
  const on = dateOf(input.on, ctx, state);
  return {
    kind: 'document-attached',
    data: {
      on,
      step: step.id,
      name,
      named,
      ...(fileName !== undefined ? { fileName } : {}),
      ...(input.sha256 ? { sha256: input.sha256 } : {}),
      ...(input.bytes !== undefined ? { bytes: input.bytes } : {}),
    },
  };
}

export function closeCommand(state: CaseState, input: CloseInput, ctx: CommandContext): CaseEvent {
  refuseIf(closeRefusal(state, ctx.def));
  const on = dateOf(input.on, ctx, state);
  const draft = withDues('closed', { on, ...(input.outcome?.trim() ? { outcome: input.outcome.trim() } : {}), onTime: null }, state, state.id, ctx);
  const statutory = (draft.data as CaseEventMap['closed']).dues.statutory;
  return { ...draft, data: { ...draft.data, onTime: statutory === null ? null : on <= statutory } } as CaseEvent;
}
