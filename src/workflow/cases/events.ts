import type { IsoDate } from '../calendar/index.js';
import { CaseError } from './errors.js';
import type { Party } from './party.js';
import { type CaseState, type Dues, NO_DUES, type StepState } from './state.js';

/** What each kind of case event records. Deadlines are recorded as computed, so replay needs no calendar. */
export interface CaseEventMap {
  opened: {
    on: IsoDate;
    itemRef: string | null;
    processId: string;
    processVersion: number;
    department: string;
    title: string;
    steps: { id: string; name: string; dutyNo?: number }[];
    start: string;
    /** SM3 of the item snapshot stored with the case, so an edited snapshot is detected. */
    snapshotSm3: string;
    /** The applicant or party; absent in cases opened before it was recorded, and when not given. */
    party?: Party;
    /**
     * 128 random bits (base64url) recorded with a party. The event's hash is public and so is
     * everything else it covers, so without them a masked name (张**) could be recovered by
     * hashing guesses until one matched; the public is never shown the salt (disclosedData).
     */
    partySalt?: string;
    dues: Dues;
  };
  advanced: {
    on: IsoDate;
    from: string;
    /** null: the last step is done and the case waits to be closed. */
    to: string | null;
    /** Set when the move was made despite a check: documents missing or a step off the flows. */
    forced?: string;
    offFlow?: boolean;
    missingDocuments?: string[];
    dues: Dues;
  };
  paused: { on: IsoDate; pauseKind: string; note?: string };
  resumed: { on: IsoDate; dues: Dues };
  extended: {
    on: IsoDate;
    amount: number;
    unit?: 'workday' | 'day' | 'month';
    approvedBy?: string;
    note?: string;
    warnings?: string[];
    dues: Dues;
  };
  'document-attached': { on: IsoDate; step: string; name: string; named: boolean; fileName?: string; sha256?: string; bytes?: number };
  closed: { on: IsoDate; outcome?: string; onTime: boolean | null; dues: Dues };
}

export type CaseEventKind = keyof CaseEventMap;
export type CaseEvent = { [K in CaseEventKind]: { kind: K; data: CaseEventMap[K] } }[CaseEventKind];

export const CASE_EVENT_KINDS: readonly CaseEventKind[] = ['opened', 'advanced', 'paused', 'resumed', 'extended', 'document-attached', 'closed'];

/** Chinese names of event kinds, for pages and the CLI. */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  opened: '立案/受理',
  advanced: '进入下一步',
  paused: '暂停计时',
  resumed: '恢复计时',
  extended: '延长期限',
  'document-attached': '附加文书',
  closed: '办结',
  'process-saved': '保存流程定义',
};

/** The later of two ISO dates (strings: Math.max does not apply). */
function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? b : a;
}

function setStep(steps: readonly StepState[], id: string | null, change: (s: StepState) => StepState): StepState[] {
  return steps.map((s) => (s.id === id ? change(s) : s));
}

/**
 * The case after one event: a pure function of the state before and the event, so the
 * stored case can always be rebuilt from its log (and checked against it).
 */
export function applyEvent(state: CaseState | null, caseId: string, seq: number, event: CaseEvent): CaseState {
  if (event.kind === 'opened') {
    if (state) throw new CaseError('invalid-transition', `案件 ${caseId} 已经立案`);
    const d = event.data;
    return {
      id: caseId,
      itemRef: d.itemRef,
      processId: d.processId,
      processVersion: d.processVersion,
      department: d.department,
      title: d.title,
      ...(d.party ? { party: d.party } : {}),
      status: 'open',
      openedOn: d.on,
      currentStep: d.start,
      steps: d.steps.map((s) => ({
        id: s.id,
        name: s.name,
        ...(s.dutyNo !== undefined ? { dutyNo: s.dutyNo } : {}),
        status: s.id === d.start ? 'active' : 'pending',
        ...(s.id === d.start ? { enteredOn: d.on } : {}),
      })),
      pauses: [],
      extensions: [],
      documents: [],
      dues: d.dues ?? NO_DUES,
      lastOn: d.on,
      lastSeq: seq,
    };
  }
  if (!state) throw new CaseError('not-found', `案件 ${caseId} 尚未立案`);
  const base = { ...state, lastSeq: seq, lastOn: laterOf(event.data.on, state.lastOn) };
  switch (event.kind) {
    case 'advanced': {
      const d = event.data;
      let steps = setStep(state.steps, d.from, (s) => ({ ...s, status: 'done', completedOn: d.on }));
      steps = setStep(steps, d.to, ({ completedOn: _done, ...s }) => ({ ...s, status: 'active', enteredOn: d.on }));
      return { ...base, steps, currentStep: d.to, dues: d.dues };
    }
    case 'paused': {
      const d = event.data;
      return { ...base, status: 'paused', pauses: [...state.pauses, { from: d.on, kind: d.pauseKind, ...(d.note ? { note: d.note } : {}) }] };
    }
    case 'resumed': {
      const pauses = state.pauses.map((p, i) => (i === state.pauses.length - 1 ? { ...p, resumedOn: event.data.on } : p));
      return { ...base, status: 'open', pauses, dues: event.data.dues };
    }
    case 'extended': {
      const { on, amount, unit, approvedBy, note, dues } = event.data;
      const extension = { amount, approvedOn: on, ...(unit ? { unit } : {}), ...(approvedBy ? { approvedBy } : {}), ...(note ? { note } : {}) };
      return { ...base, extensions: [...state.extensions, extension], dues };
    }
    case 'document-attached': {
      const { on, step, name, named, fileName, sha256, bytes } = event.data;
      const doc = { name, step, on, named, seq, ...(fileName ? { fileName } : {}), ...(sha256 ? { sha256 } : {}), ...(bytes !== undefined ? { bytes } : {}) };
      return { ...base, documents: [...state.documents, doc] };
    }
    case 'closed': {
      const d = event.data;
      const pauses = state.pauses.map((p) => (p.resumedOn === undefined ? { ...p, resumedOn: d.on } : p));
      const steps = setStep(state.steps, state.currentStep, (s) => ({ ...s, status: 'done', completedOn: d.on }));
      return {
        ...base,
        status: 'closed',
        steps,
        pauses,
        currentStep: null,
        closedOn: d.on,
        ...(d.outcome ? { outcome: d.outcome } : {}),
        onTime: d.onTime,
        dues: d.dues,
      };
    }
  }
}
