/**
 * quanze's audit: rules (one file each), the runner that applies them with a configuration,
 * and formatters for their findings.
 */
export { CONFIG_FILE, ConfigError, parseConfig, parseRuleFlag, planRules, QuanzeConfig, type RuleRun, type RuleSetting } from './config.js';
export { formatJson, formatSarif, formatStylish, FORMATTERS, type FormatterName } from './formatters/index.js';
export { describeRule, type GroupedFindings, groupFindings, type RuleDescription } from './describe.js';
export { lawContext } from './law-context.js';
export { fieldLabel, itemLabel, placeOf } from './place.js';
export { type AnyRule, defineRule, type LawContext, type Report, type ResolvedCell, type Rule, type RuleContext, type RuleMeta } from './rule.js';
export { RULES, type RuleId } from './rules/index.js';
export { type AuditOptions, auditList, type CheckResult, checkList, RULE_FAILURE, SUPERSEDED_READER_FINDINGS } from './runner.js';
export { lower, lowest, SEVERITY_LABELS, severityRank, UNVERIFIED_NOTE } from './severity.js';
export { countBySeverity, type SeverityCounts } from './formatters/counts.js';
export { auditStore, auditVersion, type StoredCheck } from './stored.js';
