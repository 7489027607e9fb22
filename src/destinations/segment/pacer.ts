/**
 * Spaces requests evenly at a budget (Attio's 25 writes/s: one every 41 ms), so that the calls of one
 * process never throttle themselves: evenly spaced requests never crowd one of Attio's one-second windows,
 * and a margin of 2.5% keeps a few milliseconds of network jitter from pushing a 26th into one. A turn is
 * booked before it is waited for; one further away than a caller will wait is not booked at all, so an
 * over-full process answers "retry later" instead of holding a call open.
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** The share of the budget kept free for jitter. */
export const PACING_MARGIN = 0.025;

export interface PacerClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: PacerClock = {
  now: Date.now,
  sleep: (ms) => sleep(ms),
};

export class Pacer {
  private readonly spacingMs: number;
  private nextAt = Number.NEGATIVE_INFINITY;

  constructor(
    perSecond: number,
    private readonly clock: PacerClock = realClock,
  ) {
    this.spacingMs = 1000 / (perSecond * (1 - PACING_MARGIN));
  }

  /** Books the next turn: the wait until it, or undefined (nothing booked) when that is more than `maxWaitMs`. */
  book(maxWaitMs: number): number | undefined {
    const now = this.clock.now();
    const at = Math.max(now, this.nextAt);
    const wait = at - now;
    if (wait > maxWaitMs) return undefined;
    this.nextAt = at + this.spacingMs;
    return wait;
  }

  /** Waits for this request's turn; false (without a turn) when it is more than `maxWaitMs` away. */
  async take(maxWaitMs: number): Promise<boolean> {
    const wait = this.book(maxWaitMs);
    if (wait === undefined) return false;
    if (wait > 0) await this.clock.sleep(wait);
    return true;
  }

  /** How long until the next free turn. */
  backlogMs(): number {
    return Math.max(0, this.nextAt - this.clock.now());
  }
}
