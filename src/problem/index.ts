/**
 * HTTP problems (RFC 9457) shared by the portal and API (src/server) and the workflow's
 * endpoints (src/workflow/web): the error type routes throw, the problem+json answer and
 * zod validation of request input with Chinese messages. A leaf: it imports nothing of
 * quanze, so neither side depends on the other.
 */
export { HttpProblem, type InvalidParam, invalidParams, methodNotAllowed, notFound, PROBLEM_CONTENT_TYPE, PROBLEMS, type Problem, type ProblemType, problemUri } from './problem.js';
export { problemResponse } from './respond.js';
export { parseRequest, wholeNumberParam } from './validate.js';
