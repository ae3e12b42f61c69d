import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../ingest/index.js';
import { addDays, type Calendar, loadCalendar } from '../calendar/index.js';
import { deriveFromItem, deriveFromSheet, type ProcessDefinition } from '../process/index.js';
import * as commands from './commands.js';
import { toPauseInput } from './dues.js';
import { isCaseError } from './errors.js';
import { applyEvent, type CaseEvent } from './events.js';
import type { CaseState } from './state.js';

const sample = (file: string) => fileURLToPath(new URL(`../../../data/samples/${file}`, import.meta.url));
let calendar: Calendar;
let penalty: ProcessDefinition;
let licence: ProcessDefinition;
beforeAll(async () => {
  calendar = await loadCalendar(fileURLToPath(new URL('../../../data/calendar/', import.meta.url)));
  penalty = deriveFromItem((await importFile(sample('000_02bf2a8e6665d46e.txt'))).items[0] as never);
  licence = deriveFromSheet((await importFile(sample('002_0a622c9ed900c315.txt'))).processSheets[0] as never, { index: 0 });
});

describe('toPauseInput', () => {
  it.each([
    // A suspension leaves its days uncounted up to the day before resuming.
    [{ from: '2025-10-09', resumedOn: '2025-10-15', kind: '听证' }, { from: '2025-10-09', to: '2025-10-14', kind: '听证' }],
    // A restart (补正) counts afresh from the day the materials were complete.
    [{ from: '2025-10-09', resumedOn: '2025-10-15', kind: '补正' }, { from: '2025-10-09', to: '2025-10-15', kind: '补正' }],
    // Resumed the day it began: nothing to leave out.
    [{ from: '2025-10-09', resumedOn: '2025-10-09', kind: '中止' }, null],
    // Still running: not yet part of any computation.
    [{ from: '2025-10-09', kind: '中止' }, null],
  ])('%j → %j', (pause, expected) => {
    expect(toPauseInput(pause)).toEqual(expected);
  });
});

type Action = { kind: 'advance' | 'pause' | 'resume' | 'extend' | 'attach' | 'close'; gap: number; n: number };

const actions = fc.array(
  fc.record({ kind: fc.constantFrom('advance', 'advance', 'advance', 'pause', 'resume', 'extend', 'attach', 'close'), gap: fc.integer({ min: 0, max: 20 }), n: fc.nat(50) }) as fc.Arbitrary<Action>,
  { maxLength: 25 },
);

/** Runs actions as the store would, skipping those the case's state refuses; returns every event. */
function play(def: ProcessDefinition, start: string, list: readonly Action[]) {
  let today = start;
  const ctx = () => ({ def, calendar, today });
  const events: CaseEvent[] = [commands.openCommand('2025-00001', { itemRef: null, processId: 'P1', processVersion: 1, department: '部门', title: def.name, snapshotSm3: 'x' }, ctx())];
  let state = applyEvent(null, '2025-00001', 1, events[0] as CaseEvent);
  const refused: string[] = [];
  for (const a of list) {
    today = addDays(today, a.gap);
    try {
      const c = ctx();
      const event =
        a.kind === 'advance'
          ? commands.advanceCommand(state, { force: a.n % 2 === 0 ? '测试' : '' }, c)
          : a.kind === 'pause'
            ? commands.pauseCommand(state, { kind: ['听证', '补正', '中止'][a.n % 3] as string }, c)
            : a.kind === 'resume'
              ? commands.resumeCommand(state, {}, c)
              : a.kind === 'extend'
                ? commands.extendCommand(state, { amount: 1 + (a.n % 10) }, c)
                : a.kind === 'attach'
                  ? commands.attachCommand(state, { name: def.steps.flatMap((s) => s.documents)[0] ?? '文书' }, c)
                  : commands.closeCommand(state, {}, c);
      events.push(event);
      state = applyEvent(state, '2025-00001', events.length, event);
    } catch (error) {
      if (!isCaseError(error)) throw error;
      refused.push(error.code);
    }
  }
  return { state, events, refused };
}

function invariants(state: CaseState): void {
  const active = state.steps.filter((s) => s.status === 'active');
  if (state.status === 'closed') {
    expect(state.currentStep).toBeNull();
    expect(state.dues.effective).toBeNull();
    expect(state.pauses.every((p) => p.resumedOn !== undefined)).toBe(true);
  } else {
    expect(active.map((s) => s.id)).toEqual(state.currentStep ? [state.currentStep] : []);
  }
  if (state.status === 'paused') expect(state.pauses.at(-1)?.resumedOn).toBeUndefined();
  const running = [state.status !== 'closed' ? state.dues.statutory : null, state.currentStep ? (state.dues.steps[state.currentStep] ?? null) : null].filter((d): d is string => d !== null).sort();
  expect(state.dues.effective).toBe(running[0] ?? null);
  // No pause and no extension ever brings the statutory deadline forward.
  const plain = state.dues.statutory;
  if (plain) expect(plain >= state.openedOn).toBe(true);
}

describe('case commands and the event reducer (properties)', () => {
  it('keep every invariant whatever is tried, and a replay of the stored events rebuilds the same case', () => {
    for (const def of [penalty, licence]) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 2000 }), actions, (offset, list) => {
          const { state, events } = play(def, addDays('2020-01-01', offset), list);
          invariants(state);
          let replayed: CaseState | null = null;
          events.forEach((e, i) => {
            replayed = applyEvent(replayed, '2025-00001', i + 1, JSON.parse(JSON.stringify(e)) as CaseEvent);
          });
          expect(replayed).toEqual(JSON.parse(JSON.stringify(state)));
          const dates = events.map((e) => e.data.on);
          expect([...dates].sort()).toEqual(dates);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('a longer pause never makes the statutory deadline earlier', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 30 }), (offset, before, length) => {
        const start = addDays('2020-06-01', offset);
        const run = (days: number) =>
          play(penalty, start, [
            { kind: 'pause', gap: before, n: 0 },
            { kind: 'resume', gap: days, n: 0 },
          ]).state.dues.statutory as string;
        return run(length + 1) >= run(length);
      }),
      { numRuns: 80 },
    );
  });

  it('refuses what the state forbids, with the reason as a code', () => {
    const { refused } = play(penalty, '2025-03-03', [
      { kind: 'resume', gap: 0, n: 0 },
      { kind: 'pause', gap: 1, n: 0 },
      { kind: 'pause', gap: 0, n: 0 },
      { kind: 'advance', gap: 0, n: 0 },
      { kind: 'resume', gap: 2, n: 0 },
      { kind: 'close', gap: 0, n: 0 },
      { kind: 'close', gap: 0, n: 0 },
      { kind: 'attach', gap: 0, n: 0 },
    ]);
    expect(refused).toEqual(['invalid-transition', 'invalid-transition', 'invalid-transition', 'closed', 'closed']);
  });
});
