/**
 * Counts failed attempts per client (sign-in with a wrong token) in a fixed window: after
 * `limit` failures the client waits until the window ends, right token or not, so the
 * token cannot be guessed faster than `limit` a window. Kept in memory, bounded in keys.
 *
 * @example
 * const throttle = new FailureThrottle();
 * if (throttle.retryAfter(ip) > 0) return tooMany();
 * if (!ok) throttle.fail(ip); else throttle.clear(ip);
 */
export class FailureThrottle {
  private readonly failures = new Map<string, { count: number; until: number }>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Seconds `key` must wait before trying again; 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    const left = entry.until - this.now();
    if (left <= 0) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count >= this.limit ? Math.ceil(left / 1000) : 0;
  }

  fail(key: string): void {
    const t = this.now();
    const entry = this.failures.get(key);
    if (entry && entry.until > t) {
      entry.count++;
      return;
    }
    if (this.failures.size >= this.maxKeys) this.prune(t);
    this.failures.set(key, { count: 1, until: t + this.windowMs });
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private prune(t: number): void {
    for (const [key, entry] of this.failures) if (entry.until <= t) this.failures.delete(key);
    // Still full: drop the oldest keys (a Map iterates in insertion order) rather than grow.
    for (const key of this.failures.keys()) {
      if (this.failures.size < this.maxKeys) break;
      this.failures.delete(key);
    }
  }
}
