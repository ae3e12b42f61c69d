import cliProgress from 'cli-progress';
import type { Io } from './io.js';

/** A progress bar on stderr when it is a terminal; silent otherwise (pipes, tests, CI). */
export function progressBar(io: Io, label: string): { update(done: number, total: number): void; stop(): void } {
  const stream = io.stderr as NodeJS.WriteStream;
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total}`, stream, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
