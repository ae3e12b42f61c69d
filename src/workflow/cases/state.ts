import type { IsoDate } from '../calendar/index.js';
import type { Party } from './party.js';

export type CaseStatus = 'open' | 'paused' | 'closed';
export type StepStatus = 'pending' | 'active' | 'done' | 'skipped';

export interface AttachedDocument {
  readonly name: string;
  readonly step: string;
  readonly on: IsoDate;
  /** Whether the step's definition names this document. */
  readonly named: boolean;
  readonly fileName?: string;
  readonly sha256?: string;
  readonly bytes?: number;
  /** The event that attached it. */
  readonly seq: number;
}

export interface StepState {
  readonly id: string;
  readonly name: string;
  readonly dutyNo?: number;
  readonly status: StepStatus;
  readonly enteredOn?: IsoDate;
  readonly completedOn?: IsoDate;
}

export interface PauseRecord {
  readonly from: IsoDate;
  /** The day the case resumed; absent while it is paused. */
  readonly resumedOn?: IsoDate;
  readonly kind: string;
  readonly note?: string;
}

export interface ExtensionRecord {
  readonly amount: number;
  readonly unit?: 'workday' | 'day' | 'month';
  readonly approvedOn: IsoDate;
  readonly approvedBy?: string;
  readonly note?: string;
}

/** The deadlines computed after an event, carried in the event so replay needs no calendar. */
export interface Dues {
  readonly statutory: IsoDate | null;
  readonly promised: IsoDate | null;
  /** Each step's due date, when its clock has started and it has a computable limit. */
  readonly steps: Readonly<Record<string, IsoDate>>;
  /** The earliest due date still running: what overdue and at-risk queries compare. */
  readonly effective: IsoDate | null;
  readonly effectiveKind: 'statutory' | 'step' | null;
  /** Years without holiday data were crossed: the dates are provisional. */
  readonly provisional: boolean;
}

export interface CaseState {
  readonly id: string;
  readonly itemRef: string | null;
  readonly processId: string;
  readonly processVersion: number;
  readonly department: string;
  readonly title: string;
  /** The applicant (申请人) or party (当事人), in full: public views mask it (maskParty). */
  readonly party?: Party;
  readonly status: CaseStatus;
  readonly openedOn: IsoDate;
  readonly currentStep: string | null;
  readonly steps: readonly StepState[];
  readonly pauses: readonly PauseRecord[];
  readonly extensions: readonly ExtensionRecord[];
  readonly documents: readonly AttachedDocument[];
  readonly dues: Dues;
  /** The latest effective date of any event: later events may not be dated before it. */
  readonly lastOn: IsoDate;
  readonly closedOn?: IsoDate;
  readonly outcome?: string;
  /** Closed by the statutory due date; null when there was none. */
  readonly onTime?: boolean | null;
  readonly lastSeq: number;
}

export const NO_DUES: Dues = { statutory: null, promised: null, steps: {}, effective: null, effectiveKind: null, provisional: false };

export function currentStepOf(state: CaseState): StepState | undefined {
  return state.steps.find((s) => s.id === state.currentStep);
}

export function openPause(state: CaseState): PauseRecord | undefined {
  const last = state.pauses.at(-1);
  return last && last.resumedOn === undefined ? last : undefined;
}
