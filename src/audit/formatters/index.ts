import type { AnyRule } from '../rule.js';
import type { CheckResult } from '../runner.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export { formatJson, formatSarif, formatStylish };

/** The formatters `quanze check --format` offers, by name. */
export const FORMATTERS = {
  stylish: (results: readonly CheckResult[]) => formatStylish(results),
  json: (results: readonly CheckResult[]) => formatJson(results),
  sarif: (results: readonly CheckResult[], rules: readonly AnyRule[]) => formatSarif(results, rules),
} as const;

export type FormatterName = keyof typeof FORMATTERS;
