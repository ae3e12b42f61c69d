import { z } from 'zod';
import { HttpProblem, invalidParams } from './problem.js';

const zhCN = z.locales.zhCN().localeError;

/** zod's Chinese messages, except that an absent parameter is called missing, not mistyped. */
const messages: z.core.$ZodErrorMap = (issue) =>
  issue.code === 'invalid_type' && issue.input === undefined ? '缺少必填参数' : zhCN(issue);

/**
 * A whole number in [min, max] (no upper bound when `max` is absent) coerced from a query
 * string, with one Chinese message for every way it can be wrong ("abc", "1.5", "0"), where
 * zod's own say 期望 数字，实际接收 NaN.
 */
export function wholeNumberParam(min: number, max?: number) {
  const error = max === undefined ? `应为不小于 ${min} 的整数` : `应为 ${min}–${max} 的整数`;
  const atLeast = z.coerce.number({ error }).int({ error }).min(min, { error });
  return max === undefined ? atLeast : atLeast.max(max, { error });
}

/**
 * Validates request input (parameters, query, body) against a zod schema with Chinese
 * messages; a failure is an HttpProblem 400 naming each bad parameter. `root` names an
 * issue about the input as a whole ("(参数)", "(请求体)").
 *
 * @example const query = parseRequest(SearchParams, c.req.query());
 */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, root = '(参数)'): z.output<S> {
  // Without options zod runs its compiled fast path (~0.2 µs against ~2 µs with an error map):
  // the messages are only needed when the input is wrong.
  const valid = schema.safeParse(input);
  if (valid.success) return valid.data;
  const result = schema.safeParse(input, { error: messages });
  if (result.success) return result.data;
  const params = invalidParams(result.error.issues, root);
  const detail = params.map((p) => `${p.name}：${p.reason}`).join('；');
  throw new HttpProblem('invalid-parameters', detail, params);
}
