import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { threadScript } from '../thread-script.js';
import type { ParseDone, ParseJob } from './protocol.js';

/** Why a parse thread stopped answering, in the words a user can act on. */
export class ParseThreadError extends Error {
  override readonly name = 'ParseThreadError';
}

function threadFailure(error: Error): ParseThreadError {
  const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY';
  const detail = outOfMemory ? '解析线程内存不足' : `解析线程出错：${error.message}`;
  return new ParseThreadError(detail, { cause: error });
}

/**
 * A fixed set of parse workers; jobs are answered in the order they were given. When a
 * worker fails (an error, running out of its capped heap, exiting unasked) every job still
 * waiting is rejected with a ParseThreadError, and so is every later one: nothing waits for
 * an answer that cannot come.
 */
export class ParsePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (done: ParseDone) => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: ParseThreadError | null = null;
  private closing = false;

  constructor(size = Math.max(1, availableParallelism())) {
    const url = threadScript(import.meta.url, 'worker');
    this.workers = Array.from({ length: size }, () => {
      // A small old generation makes each worker collect early: pieces are independent, so
      // nothing needs to live long, and the whole import stays within its memory budget.
      const worker = new Worker(url, { resourceLimits: { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 8 } });
      worker.on('message', (done: ParseDone) => {
        this.waiting.get(done.id)?.resolve(done);
        this.waiting.delete(done.id);
      });
      worker.on('error', (error) => this.failAll(threadFailure(error)));
      worker.on('exit', (code) => {
        if (!this.closing) this.failAll(threadFailure(new Error(`线程意外退出（退出码 ${code}）`)));
      });
      return worker;
    });
  }

  get size(): number {
    return this.workers.length;
  }

  run(job: Omit<ParseJob, 'id'>): Promise<ParseDone> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const worker = this.workers[id % this.workers.length] as Worker;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } satisfies ParseJob);
    });
  }

  private failAll(error: ParseThreadError): void {
    this.failure ??= error;
    for (const { reject } of this.waiting.values()) reject(this.failure);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
