export { CITATIONS, type Citation, type CitationId, formatCitation, formatCitations } from './citations.js';
export {
  computeDeadline,
  type DeadlineExtension,
  type DeadlinePart,
  type DeadlinePause,
  type DeadlineResult,
  listPeriodRules,
} from './compute-deadline.js';
export type { PauseStatus } from './count.js';
export { isPeriodError, PeriodError, type PeriodErrorCode } from './errors.js';
export { DEFAULT_PAUSE_KIND, findPauseKind, PAUSE_KINDS, type PauseEffect, type PauseKind } from './pause-kinds.js';
export { DeadlineRequest, ExtensionInput, PauseInput, PeriodUnitSchema } from './request.js';
export {
  COUNTING_BASIS,
  DEFAULT_MONTH_RULE_ID,
  DEFAULT_RULE_ID,
  type ExtensionLimit,
  findPeriodRule,
  PERIOD_RULES,
  type PeriodRule,
  type PeriodRuleId,
  type PeriodUnit,
  type UnitPolicy,
} from './rules.js';
export { type CountedUnit, countedUnit, UNIT_WORDS, type UnitReason } from './unit-policy.js';
