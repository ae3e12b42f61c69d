import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * How long paced work runs before it lets the event loop go round. Long enough that the
 * turns cost nothing measurable (a turn is a few microseconds when nothing waits), short
 * enough that a request arriving meanwhile is answered with no delay anyone notices.
 */
export const SLICE_MS = 20;

let sliceStart = performance.now();

/**
 * Paces long work on the main thread (publishing a 10 MB list is seconds of CPU): the work
 * asks `due` at points where stopping is safe and, when it is, awaits `pause()`, in which
 * timers, I/O and other requests run. Work done in a request handler must not hold the event
 * loop: every other visitor of the site would wait for it. One clock for the thread, so that
 * work paced in stages (reading, storing, auditing) or side by side (two uploads) keeps every
 * stretch between two turns short, not each stage's own.
 *
 * @example for (const item of items) { work(item); if (pacer.due) await pacer.pause(); }
 */
export const pacer = {
  /** True once the thread has run SLICE_MS since paced work last let the event loop go round. */
  get due(): boolean {
    return performance.now() - sliceStart >= SLICE_MS;
  },

  /** Lets the event loop go round once (setImmediate: after pending I/O), then starts a new slice. */
  async pause(): Promise<void> {
    await nextTurn();
    sliceStart = performance.now();
  },

  /** `pause()` when due. */
  async step(): Promise<void> {
    if (pacer.due) await pacer.pause();
  },
};

/**
 * Work written once for both ways of running it: a generator that does its work between
 * bare `yield`s, each one a point where it may stop, and returns its result.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps through without stopping, for callers that want the answer now (a command line check of a file). */
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs steps, pausing at their yields whenever the slice has run its time. */
export async function runPaced<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (pacer.due) await pacer.pause();
  }
}
