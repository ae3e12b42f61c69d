import { beforeAll, describe, expect, it } from 'vitest';
import type { PowerList } from '../../src/model/index.js';
import type { Calendar } from '../../src/workflow/calendar/index.js';
import { type CaseStore, type CaseView, currentStepOf, isCaseError, openCaseForFileItem, openCaseForSheet, openCaseStore } from '../../src/workflow/cases/index.js';
import { nextSteps } from '../../src/workflow/process/index.js';
import { CASE_ACTIONS, type CaseActionName } from '../../src/workflow/web/actions.js';
import { caseActions } from '../../src/workflow/web/views/actions.js';
import { BAOMI, FLOWCHART, movableClock, sample, testCalendar } from './helpers.js';

let calendar: Calendar;
let flowchart: PowerList;
let baomi: PowerList;
beforeAll(async () => {
  calendar = await testCalendar();
  flowchart = await sample(FLOWCHART);
  baomi = await sample(BAOMI);
});

/** Where a case comes from: the 002 flowchart (45 working days, 法定时限) or the 001 item 4 (行政强制, no computable limit). */
const SOURCES = {
  licence: (cases: CaseStore) => openCaseForSheet(cases, flowchart, 0),
  noLimit: (cases: CaseStore) => openCaseForFileItem(cases, baomi, 4),
};

type Step = (cases: CaseStore, id: string) => Promise<CaseView>;
const advance: Step = (cases, id) => cases.advance(id, { force: '测试' });
const pause: Step = (cases, id) => cases.pause(id);
const resume: Step = (cases, id) => cases.resume(id);
const close: Step = (cases, id) => cases.close(id);
const finishSteps: Step = async (cases, id) => {
  let view = (await cases.getCase(id)) as CaseView;
  while (view.state.currentStep !== null) view = await advance(cases, id);
  return view;
};

/** Each reachable state of a case, and the actions the portal should offer in it. */
const STATES: readonly { name: string; source: keyof typeof SOURCES; steps: readonly Step[]; offered: readonly CaseActionName[] }[] = [
  { name: 'just opened', source: 'licence', steps: [], offered: ['advance', 'documents', 'pause', 'extend', 'close'] },
  { name: 'at its second step', source: 'licence', steps: [advance], offered: ['advance', 'documents', 'pause', 'extend', 'close'] },
  { name: 'with every step done', source: 'licence', steps: [finishSteps], offered: ['documents', 'pause', 'extend', 'close'] },
  { name: 'paused', source: 'licence', steps: [pause], offered: ['documents', 'resume', 'extend', 'close'] },
  { name: 'paused with every step done', source: 'licence', steps: [finishSteps, pause], offered: ['documents', 'resume', 'extend', 'close'] },
  { name: 'resumed', source: 'licence', steps: [pause, resume], offered: ['advance', 'documents', 'pause', 'extend', 'close'] },
  { name: 'closed', source: 'licence', steps: [close], offered: [] },
  { name: 'closed while paused', source: 'licence', steps: [pause, close], offered: [] },
  { name: 'without a computable limit, just opened', source: 'noLimit', steps: [], offered: ['advance', 'documents', 'pause', 'close'] },
  { name: 'without a computable limit, paused', source: 'noLimit', steps: [pause], offered: ['documents', 'resume', 'close'] },
  { name: 'without a computable limit, with every step done', source: 'noLimit', steps: [finishSteps], offered: ['documents', 'pause', 'close'] },
  { name: 'without a computable limit, closed', source: 'noLimit', steps: [close], offered: [] },
];

/** A body each action's form could post that its command takes, when the case's state allows the action. */
function bodyFor(name: CaseActionName, view: CaseView): Record<string, unknown> {
  const current = currentStepOf(view.state);
  const options = current ? nextSteps(view.process.definition, current.id) : [];
  const bodies: Record<CaseActionName, Record<string, unknown>> = {
    advance: { force: '测试', ...(options.length > 1 ? { to: options[0]?.id } : {}) },
    documents: { name: '测试文书' },
    pause: {},
    resume: {},
    extend: { amount: 5 },
    close: {},
  };
  return bodies[name];
}

/** A fresh store holding one case brought to the state. */
async function caseIn(state: (typeof STATES)[number]): Promise<{ cases: CaseStore; view: CaseView }> {
  const cases = await openCaseStore(':memory:', { calendar, clock: movableClock('2025-09-26') });
  let view = await SOURCES[state.source](cases);
  for (const step of state.steps) view = await step(cases, view.state.id);
  return { cases, view: (await cases.getCase(view.state.id)) as CaseView };
}

describe('the case page offers exactly the actions whose command succeeds', () => {
  it.each(STATES)('$name', async (state) => {
    const { cases, view } = await caseIn(state);
    const forms = caseActions(view, { formToken: 't' }, '2025-09-26').value;
    await cases.disconnect();
    const offered = [...forms.matchAll(/<form [^>]*action="\/cases\/[^/"]+\/([a-z]+)"/g)].map((m) => m[1]);
    expect(offered).toEqual(state.offered);

    const succeeded: CaseActionName[] = [];
    for (const name of Object.keys(CASE_ACTIONS) as CaseActionName[]) {
      // Each action on its own copy of the case, so one action's event does not change the next one's state.
      const copy = await caseIn(state);
      const action = CASE_ACTIONS[name];
      try {
        await action.run(copy.cases, copy.view.state.id, action.endpoint.body.parse(bodyFor(name, copy.view)) as never);
        succeeded.push(name);
      } catch (error) {
        if (!isCaseError(error) || (error.code !== 'closed' && error.code !== 'invalid-transition')) throw error;
        expect(error.message).toBe(action.refusal(copy.view.state, copy.view.process.definition)?.reason);
      } finally {
        await copy.cases.disconnect();
      }
    }
    expect(succeeded).toEqual(state.offered);
  });
});
