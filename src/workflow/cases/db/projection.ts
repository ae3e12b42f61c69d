import type { Selectable } from 'kysely';
import { type CaseState, currentStepOf, openPause } from '../state.js';
import type { Trx } from './log.js';
import type { CaseTable } from './tables.js';

/** The case row's columns for a state (everything but the snapshot and opening instant). */
export function caseColumns(state: CaseState, at: string) {
  const pause = openPause(state);
  return {
    item_ref: state.itemRef,
    process_id: state.processId,
    process_version: state.processVersion,
    department: state.department,
    title: state.title,
    status: state.status,
    opened_on: state.openedOn,
    current_step: state.currentStep,
    current_step_name: currentStepOf(state)?.name ?? null,
    due_date: state.dues.effective,
    due_kind: state.dues.effectiveKind,
    statutory_due: state.dues.statutory,
    promised_due: state.dues.promised,
    paused_since: state.status === 'paused' && pause ? pause.from : null,
    closed_on: state.closedOn ?? null,
    on_time: state.onTime === undefined || state.onTime === null ? null : state.onTime ? 1 : 0,
    party_name: state.party?.name ?? null,
    party_kind: state.party?.kind ?? null,
    party_contact: state.party?.contact ?? null,
    last_seq: state.lastSeq,
    updated_at: at,
    state: JSON.stringify(state),
  };
}

/** Writes a case's projection rows: the case, its steps, and a document the event attached. */
export async function writeCase(trx: Trx, state: CaseState, at: string, opening?: { snapshot: string }): Promise<void> {
  const columns = caseColumns(state, at);
  if (opening) {
    await trx
      .insertInto('case')
      .values({ id: state.id, opened_at: at, snapshot: opening.snapshot, ...columns })
      .execute();
  } else {
    await trx.updateTable('case').set(columns).where('id', '=', state.id).execute();
  }
  await trx.deleteFrom('case_step').where('case_id', '=', state.id).execute();
  await trx
    .insertInto('case_step')
    .values(
      state.steps.map((step, position) => ({
        case_id: state.id,
        step_id: step.id,
        position,
        name: step.name,
        status: step.status,
        entered_on: step.enteredOn ?? null,
        completed_on: step.completedOn ?? null,
        due_date: state.dues.steps[step.id] ?? null,
      })),
    )
    .execute();
  const doc = state.documents.at(-1);
  if (doc && doc.seq === state.lastSeq) {
    await trx
      .insertInto('case_document')
      .values({
        case_id: state.id,
        event_seq: doc.seq,
        step_id: doc.step,
        name: doc.name,
        file_name: doc.fileName ?? null,
        sha256: doc.sha256 ?? null,
        bytes: doc.bytes ?? null,
        attached_on: doc.on,
      })
      .execute();
  }
}

export type CaseRow = Selectable<CaseTable>;
