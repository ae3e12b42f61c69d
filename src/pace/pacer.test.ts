import { describe, expect, it } from 'vitest';
import { pacer, runPaced, runToEnd, SLICE_MS, type Steps } from './pacer.js';

/** Work of two steps, the first a whole slice long; a callback queued for the event loop's next turn notes when it runs. */
function* twoSteps(seen: string[]): Steps<number> {
  setImmediate(() => seen.push('turn'));
  const start = performance.now();
  while (performance.now() - start < SLICE_MS) {
    // A slice's worth of work.
  }
  seen.push('step 1');
  yield;
  seen.push('step 2');
  return 2;
}

describe('pacer', () => {
  it('lets the event loop go round between steps once a slice has run its time', async () => {
    const seen: string[] = [];
    expect(await runPaced(twoSteps(seen))).toBe(2);
    expect(seen).toEqual(['step 1', 'turn', 'step 2']);
  });

  it('runs the same steps through without stopping when the answer is wanted now', async () => {
    const seen: string[] = [];
    expect(runToEnd(twoSteps(seen))).toBe(2);
    expect(seen).toEqual(['step 1', 'step 2']);
    await pacer.pause();
    expect(seen).toEqual(['step 1', 'step 2', 'turn']);
  });
});
