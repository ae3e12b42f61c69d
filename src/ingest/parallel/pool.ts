import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseDone, ParseJob } from './protocol.js';

/** The worker script: a compiled build's worker.js, or an entry that loads the sources through tsx. */
function workerUrl(): URL {
  return new URL(import.meta.url.endsWith('.js') ? './worker.js' : './worker-entry.mjs', import.meta.url);
}

/** A fixed set of parse workers; jobs are answered in the order they were given. */
export class ParsePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (done: ParseDone) => void; reject: (error: Error) => void }>();
  private next = 0;

  constructor(size = Math.max(1, availableParallelism())) {
    const url = workerUrl();
    this.workers = Array.from({ length: size }, () => {
      // A small old generation makes each worker collect early: pieces are independent, so
      // nothing needs to live long, and the whole import stays within its memory budget.
      const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
      worker.on('message', (done: ParseDone) => {
        this.waiting.get(done.id)?.resolve(done);
        this.waiting.delete(done.id);
      });
      worker.on('error', (error) => this.failAll(error));
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  run(job: Omit<ParseJob, 'id'>): Promise<ParseDone> {
    const id = this.next++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies ParseJob);
    });
  }

  private failAll(error: Error): void {
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
