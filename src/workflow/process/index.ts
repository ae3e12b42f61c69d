/**
 * Process definitions: the steps of exercising a power, their flows, deadlines and
 * documents, derived from an item's 责任事项 or a 流程图 and editable as validated JSON.
 */
export { isProcessError, ProcessError, type ProcessErrorCode } from './errors.js';
export { deriveFromItem, type FromItemOptions, NON_STEP_DUTIES } from './from-duties.js';
export { deriveFromSheet, type FromSheetOptions, READING_ORDER_NOTE } from './from-sheet.js';
export { fallbackLimit, GENERAL_RULE, POWER_TYPE_RULES, ruleForPowerType, toLimitSpec } from './limits.js';
export { definitionsOfList, type DerivedDefinition } from './from-list.js';
export {
  Anchor,
  CountUnit,
  DefinitionSource,
  Flow,
  findStep,
  LimitSpec,
  nextSteps,
  ProcessDefinition,
  type ProcessDefinitionInput,
  StepDeadline,
  StepDef,
  StepId,
} from './schema.js';
export {
  ANCHOR_TAILS,
  anchorPhraseOf,
  findStepDeadline,
  type FoundDeadline,
  PARTY_MARKERS,
  scanStepDeadline,
  type StepDeadlineScan,
  stepNamedBy,
} from './step-deadline.js';
export { checkDefinition, describeIssues, validateDefinition } from './validate.js';
