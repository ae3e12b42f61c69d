import { z } from 'zod';
import { ProcessError } from './errors.js';
import { ProcessDefinition, type ProcessDefinitionInput } from './schema.js';

export type { ProcessDefinition, StepDef } from './schema.js';

const zhCN = z.locales.zhCN().localeError;

/** Chinese lines, one per problem, naming where in the JSON it is. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '定义'}：${issue.message}`);
}

/**
 * Validates a definition (an edited JSON file, an API body) and returns it with defaults
 * filled in; throws a ProcessError listing every problem otherwise.
 */
export function validateDefinition(input: unknown): ProcessDefinition {
  const result = ProcessDefinition.safeParse(input, { error: zhCN });
  if (result.success) return result.data;
  const issues = describeIssues(result.error.issues);
  throw new ProcessError('invalid-definition', `流程定义有误：${issues.join('；')}`, issues);
}

/** The same check without throwing. */
export function checkDefinition(input: unknown): { ok: true; definition: ProcessDefinition } | { ok: false; issues: string[] } {
  const result = ProcessDefinition.safeParse(input, { error: zhCN });
  return result.success ? { ok: true, definition: result.data } : { ok: false, issues: describeIssues(result.error.issues) };
}

export type { ProcessDefinitionInput };
