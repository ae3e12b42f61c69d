import { addDays, type Calendar, type IsoDate } from '../calendar/index.js';
import { computeDeadline, type DeadlineRequest, findPauseKind } from '../periods/index.js';
import type { LimitSpec, ProcessDefinition } from '../process/index.js';
import type { CaseState, Dues, ExtensionRecord, PauseRecord } from './state.js';

type PauseInput = NonNullable<DeadlineRequest['pauses']>[number];

/**
 * A finished pause as the period rules read it: a suspension leaves the days from its start
 * to the day before resuming uncounted; a restart counts afresh from the day it ended (the
 * resume day is then itself not counted). A pause resumed the day it began stopped nothing.
 */
export function toPauseInput(pause: PauseRecord): PauseInput | null {
  if (pause.resumedOn === undefined) return null;
  const restart = findPauseKind(pause.kind)?.effect === 'restart';
  const to = restart ? pause.resumedOn : addDays(pause.resumedOn, -1);
  if (to < pause.from) return null;
  return { from: pause.from, to, kind: pause.kind, ...(pause.note ? { note: pause.note } : {}) };
}

function request(limit: LimitSpec, from: IsoDate, pauses: readonly PauseRecord[], extensions: readonly ExtensionRecord[] = []): DeadlineRequest | null {
  if (limit.amount === undefined) return null;
  const inputs = pauses.map(toPauseInput).filter((p): p is PauseInput => p !== null && p.to >= from);
  return {
    from,
    amount: limit.amount,
    ...(limit.unit ? { unit: limit.unit } : {}),
    ...(limit.rule ? { rule: limit.rule } : {}),
    ...(inputs.length > 0 ? { pauses: inputs } : {}),
    ...(extensions.length > 0
      ? {
          extensions: extensions.map((e) => ({
            amount: e.amount,
            ...(e.unit ? { unit: e.unit } : {}),
            approvedOn: e.approvedOn,
            ...(e.approvedBy ? { approvedBy: e.approvedBy } : {}),
          })),
        }
      : {}),
  };
}

/**
 * Every deadline of a case as it stands: the statutory and promised limits from its
 * opening (with pauses and, for the statutory one, extensions), each step's limit from
 * its anchor, and the earliest still running.
 */
export function computeDues(def: ProcessDefinition, state: CaseState, calendar: Calendar): Dues {
  let provisional = false;
  const due = (req: DeadlineRequest | null): IsoDate | null => {
    if (!req) return null;
    const result = computeDeadline(req, calendar);
    provisional ||= result.provisional;
    return result.due;
  };
  const statutory = def.statutoryLimit ? due(request(def.statutoryLimit, state.openedOn, state.pauses, state.extensions)) : null;
  const promised = def.promisedLimit ? due(request(def.promisedLimit, state.openedOn, state.pauses)) : null;
  const steps: Record<string, IsoDate> = {};
  for (const step of def.steps) {
    const deadline = step.deadline;
    if (!deadline || deadline.amount === undefined) continue;
    const own = state.steps.find((s) => s.id === step.id);
    const anchor = deadline.anchor;
    const from =
      anchor.kind === 'case-opened'
        ? state.openedOn
        : anchor.kind === 'step-entered'
          ? own?.enteredOn
          : state.steps.find((s) => s.id === anchor.step && s.status === 'done')?.completedOn;
    if (!from || own?.status === 'skipped') continue;
    const date = due(request(deadline, from, state.pauses));
    if (date) steps[step.id] = date;
  }
  const running: { date: IsoDate; kind: 'statutory' | 'step' }[] = [];
  if (state.status !== 'closed') {
    if (statutory) running.push({ date: statutory, kind: 'statutory' });
    const current = state.currentStep ? steps[state.currentStep] : undefined;
    if (current) running.push({ date: current, kind: 'step' });
  }
  running.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind === 'statutory' ? -1 : 1));
  const first = running[0];
  return { statutory, promised, steps, effective: first?.date ?? null, effectiveKind: first?.kind ?? null, provisional };
}
