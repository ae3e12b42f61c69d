import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { HttpProblem } from '../../problem/index.js';
import {
  advanceRefusal,
  attachRefusal,
  type CaseStore,
  type CaseView,
  closeRefusal,
  extendRefusal,
  openCaseForItem,
  type Precondition,
  pauseRefusal,
  resumeRefusal,
} from '../cases/index.js';
import { WORKFLOW_ENDPOINTS as E } from './endpoints.js';
import type { WorkflowAppOptions } from './index.js';

/**
 * What the API and the portal's forms both call to act on a case: one function per
 * action, over the endpoint's zod schema, so a form and a JSON request are validated alike
 * and write the same events.
 */
interface CaseAction<B extends z.ZodType> {
  /** The endpoint whose body schema validates the action's input. */
  readonly endpoint: { readonly body: B };
  /** What the action is called on buttons and in messages. */
  readonly label: string;
  /** The confirmation shown once it is done. */
  readonly done: string;
  /** What its command requires of the case's state: the form is offered only when it is met, and the store refuses otherwise (409). */
  readonly refusal: Precondition;
  run(cases: CaseStore, id: string, body: z.output<B>): Promise<CaseView>;
}

const action = <B extends z.ZodType>(a: CaseAction<B>) => a;

export { MAX_DOCUMENT_BYTES } from './params.js';

/** What a case records of a document's content, whether it came as base64 in JSON or as a form's file: its SHA-256 and size. */
export function contentFacts(content: Uint8Array): { sha256: string; bytes: number } {
  return { sha256: createHash('sha256').update(content).digest('hex'), bytes: content.length };
}

export const CASE_ACTIONS = {
  advance: action({
    endpoint: E.advance,
    label: '办结当前环节',
    done: '已办结当前环节。',
    refusal: advanceRefusal,
    run: (cases, id, body) => cases.advance(id, body),
  }),
  documents: action({
    endpoint: E.attach,
    label: '登记文书',
    done: '已登记文书。',
    refusal: attachRefusal,
    run: (cases, id, { contentBase64, ...body }) => {
      if (contentBase64 === undefined) return cases.attach(id, body);
      return cases.attach(id, { ...body, ...contentFacts(Buffer.from(contentBase64, 'base64')) });
    },
  }),
  pause: action({
    endpoint: E.pause,
    label: '暂停计时',
    done: '已暂停计时。',
    refusal: pauseRefusal,
    run: (cases, id, body) => cases.pause(id, body),
  }),
  resume: action({
    endpoint: E.resume,
    label: '恢复计时',
    done: '已恢复计时。',
    refusal: resumeRefusal,
    run: (cases, id, body) => cases.resume(id, body),
  }),
  extend: action({
    endpoint: E.extend,
    label: '延长期限',
    done: '已延长期限。',
    refusal: extendRefusal,
    run: (cases, id, body) => cases.extend(id, body),
  }),
  close: action({
    endpoint: E.close,
    label: '办结案件',
    done: '案件已办结。',
    refusal: closeRefusal,
    run: (cases, id, body) => cases.close(id, body),
  }),
};

export type CaseActionName = keyof typeof CASE_ACTIONS;

export function isCaseActionName(name: string): name is CaseActionName {
  return Object.hasOwn(CASE_ACTIONS, name);
}

/** The actions the case's state allows now, in the order of CASE_ACTIONS: those whose command's precondition is met. */
export function offeredActions(view: CaseView): CaseActionName[] {
  return (Object.keys(CASE_ACTIONS) as CaseActionName[]).filter((name) => CASE_ACTIONS[name].refusal(view.state, view.process.definition) === null);
}

/**
 * 立案 from a validated open body: by the list store's item (its stored definition, or one
 * derived from its 责任事项) or by a saved definition.
 */
export async function openCase(options: WorkflowAppOptions, body: z.output<typeof E.openCase.body>): Promise<CaseView> {
  const extra = { ...(body.on ? { on: body.on } : {}), ...(body.department ? { department: body.department } : {}), ...(body.party ? { party: body.party } : {}) };
  if (body.itemId === undefined) return options.cases.openCase({ processId: body.processId as string, ...extra });
  if (!options.lists) throw new HttpProblem('invalid-parameters', '未接入清单库，只能按 processId 立案');
  const record = await options.lists.getItem(body.itemId);
  if (!record) throw new HttpProblem('not-found', `清单库中没有编号为 ${body.itemId} 的事项`);
  return openCaseForItem(options.cases, record, extra);
}
