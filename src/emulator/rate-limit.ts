/** Attio's per-workspace rate limits: fixed one-second windows, reads and writes counted apart. */
export interface RateLimits {
  readsPerSecond: number;
  writesPerSecond: number;
}

export const ATTIO_RATE_LIMITS: RateLimits = { readsPerSecond: 100, writesPerSecond: 25 };

export type RateDecision = { allowed: true } | { allowed: false; retryAt: Date };

export class RateLimiter {
  private window = -1;
  private reads = 0;
  private writes = 0;

  constructor(
    private readonly limits: RateLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request; a throttled request is not counted (it was not processed). */
  take(kind: 'read' | 'write'): RateDecision {
    const now = this.now();
    const window = Math.floor(now / 1000);
    if (window !== this.window) {
      this.window = window;
      this.reads = 0;
      this.writes = 0;
    }
    const limit = kind === 'read' ? this.limits.readsPerSecond : this.limits.writesPerSecond;
    const used = kind === 'read' ? this.reads : this.writes;
    if (used >= limit) return { allowed: false, retryAt: new Date((window + 1) * 1000) };
    if (kind === 'read') this.reads += 1;
    else this.writes += 1;
    return { allowed: true };
  }
}
