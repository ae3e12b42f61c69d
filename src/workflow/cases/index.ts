/**
 * Cases: a power exercised once, moving through its process's steps with deadlines from the
 * working-day calendar, paused, extended and closed; stored with a hash-chained event log.
 */
export { type Clock, fixedClock, isInstant, shanghaiInstant, systemClock, todayOf } from './clock.js';
export type { AdvanceInput, AttachInput, CloseInput, ExtendInput, PauseCommandInput } from './commands.js';
export { missingDocuments } from './commands.js';
export { isPostgresUrl, redactUrl, type WorkflowDialect } from './db/connect.js';
export type { ProcessSummary, SaveOutcome, StoredProcess } from './db/processes.js';
export { type CaseFilter, type CaseSummary, type DepartmentCounts, isOverdue, type MonthOnTime } from './db/queries.js';
export type { SignOutLog } from './db/sign-outs.js';
export { computeDues, toPauseInput } from './dues.js';
export { CaseError, type CaseErrorCode, isCaseError } from './errors.js';
export { applyEvent, CASE_EVENT_KINDS, type CaseEvent, type CaseEventKind, type CaseEventMap, EVENT_LABELS } from './events.js';
export { FileName } from './file-name.js';
export { type MaskedParty, maskParty, maskPartyName, PARTY_KIND_CHOICES, PARTY_KIND_LABELS, PARTY_KINDS, type Party, type PartyKind, PartyInput, partyLabel, visibleText } from './party.js';
export { type OpenForOptions, openCaseForFileItem, openCaseForItem, openCaseForSheet, sourceKey } from './open-for.js';
export {
  advanceRefusal,
  attachRefusal,
  closeRefusal,
  extendRefusal,
  type Precondition,
  pauseRefusal,
  type Refusal,
  resumeRefusal,
} from './preconditions.js';
export { type ItemRecord, ItemSnapshot, snapshotOfDefinition, snapshotOfItem } from './snapshot.js';
export type { AttachedDocument, CaseState, CaseStatus, Dues, ExtensionRecord, PauseRecord, StepState, StepStatus } from './state.js';
export { currentStepOf, openPause } from './state.js';
export {
  type CasePage,
  type CaseQuery,
  type CaseStats,
  type CaseStore,
  type CaseStoreOptions,
  type CaseView,
  COUNT_CAP,
  type OpenCaseInput,
  openCaseStore,
} from './store.js';
export { seedSyntheticCases, type SyntheticOptions } from './synthetic.js';
export { caseListText, caseText, dueText } from './text.js';
export type { VerifyReport } from './verify.js';
