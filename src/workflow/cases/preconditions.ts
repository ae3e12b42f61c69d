import type { ProcessDefinition } from '../process/index.js';
import { type CaseState, currentStepOf, openPause } from './state.js';

/** Why a case cannot take a command in its present state, whatever the input: the code its CaseError carries and the Chinese reason. */
export interface Refusal {
  readonly code: 'closed' | 'invalid-transition';
  readonly reason: string;
}

/**
 * What a command requires of the case before it looks at its input: null when the case's
 * state allows it. The commands throw these; the portal offers a command's form only when
 * it gives null, so what is offered and what is accepted cannot drift apart.
 */
export type Precondition = (state: CaseState, def: ProcessDefinition) => Refusal | null;

const closed = (state: CaseState, action: string): Refusal | null =>
  state.status === 'closed' ? { code: 'closed', reason: `案件 ${state.id} 已办结，不能${action}` } : null;

const transition = (reason: string): Refusal => ({ code: 'invalid-transition', reason });

export const advanceRefusal: Precondition = (state) =>
  closed(state, '推进') ??
  (state.status === 'paused' ? transition(`案件 ${state.id} 正在暂停计时，请先恢复`) : null) ??
  (currentStepOf(state) ? null : transition(`案件 ${state.id} 的步骤已全部完成，请办结`));

export const pauseRefusal: Precondition = (state) => closed(state, '暂停') ?? (state.status === 'paused' ? transition(`案件 ${state.id} 已在暂停计时`) : null);

export const resumeRefusal: Precondition = (state) => closed(state, '恢复') ?? (openPause(state) ? null : transition(`案件 ${state.id} 没有在暂停计时`));

export const extendRefusal: Precondition = (state, def) =>
  closed(state, '延长期限') ?? (def.statutoryLimit?.amount === undefined ? transition('本流程没有可计算的法定时限，无从延长') : null);

export const attachRefusal: Precondition = (state) => closed(state, '附加文书');

export const closeRefusal: Precondition = (state) => closed(state, '再次办结');
