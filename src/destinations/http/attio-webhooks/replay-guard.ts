/**
 * Drops Attio's redeliveries. Attio sends each message with an `Idempotency-Key` that stays the same across
 * its retries (about ten, over three days) and redeliveries, so a key seen once means the message was seen.
 * A guard claims a key when the delivery is accepted; should what it carried fail to be taken on (the
 * receiver answers non-2xx), the claim is released so that Attio's retry is processed.
 *
 * The receiver keeps its guard durably, across restarts (a store beside its queue); this in-memory one is
 * for tests and a receiver that runs without a store.
 */

export interface ReplayGuard {
  /** Claims `key`: true the first time, false for a message seen before. A durable guard has stored it when this resolves. */
  claim(key: string): Promise<boolean>;
  /** Forgets a claim whose delivery was not taken on, so that Attio's retry of it is processed. */
  release(key: string): Promise<void>;
}

/** Longer than Attio's retries take (about three days), so no retry outlives the memory of its message. */
export const REPLAY_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;

export interface MemoryReplayGuardOptions {
  /** How long a key is remembered; default REPLAY_WINDOW_MS. */
  windowMs?: number;
  /** The clock; default Date.now (tests inject one). */
  now?: () => number;
}

export class MemoryReplayGuard implements ReplayGuard {
  /** Key -> when it was claimed; insertion order is claim order, so the oldest come first. */
  private readonly claimed = new Map<string, number>();
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: MemoryReplayGuardOptions = {}) {
    this.windowMs = options.windowMs ?? REPLAY_WINDOW_MS;
    this.now = options.now ?? Date.now;
  }

  async claim(key: string): Promise<boolean> {
    const now = this.now();
    this.forgetBefore(now - this.windowMs);
    if (this.claimed.has(key)) return false;
    this.claimed.set(key, now);
    return true;
  }

  async release(key: string): Promise<void> {
    this.claimed.delete(key);
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.claimed.size;
  }

  private forgetBefore(cutoff: number): void {
    for (const [key, at] of this.claimed) {
      if (at >= cutoff) return;
      this.claimed.delete(key);
    }
  }
}
