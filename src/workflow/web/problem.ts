import type { Context } from 'hono';
import { HttpProblem } from '../../problem/index.js';
import { isCalendarError } from '../calendar/index.js';
import { isCaseError } from '../cases/index.js';
import { isPeriodError } from '../periods/index.js';
import { isProcessError } from '../process/index.js';

/** Domain errors as HTTP problems: bad input 400, missing 404, a state that forbids the action 409. */
export function toProblem(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  if (isCaseError(error)) {
    if (error.code === 'not-found') return new HttpProblem('not-found', error.message);
    if (error.code === 'invalid-input' || error.code === 'bad-date') return new HttpProblem('invalid-parameters', error.message);
    if (error.code === 'connect-failed' || error.code === 'migration-failed') return null;
    return new HttpProblem('conflict', error.message);
  }
  if (isProcessError(error)) {
    if (error.code === 'not-found') return new HttpProblem('not-found', error.message);
    return new HttpProblem('invalid-parameters', error.message, error.issues.map((i) => ({ name: i.split('：')[0] ?? '', reason: i })));
  }
  if (isPeriodError(error)) return new HttpProblem('invalid-parameters', error.message);
  // A date the request gave that takes a deadline or cutoff past the calendar's range (9999-12-31);
  // an unreadable or contradictory holiday file is the site's fault and stays a 500.
  if (isCalendarError(error) && (error.code === 'out-of-range' || error.code === 'bad-date' || error.code === 'bad-argument')) {
    return new HttpProblem('invalid-parameters', error.message);
  }
  return null;
}

/** The JSON body, or a 400 when it is not JSON. */
export async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem('invalid-parameters', '请求体不是有效的 JSON');
  }
}
