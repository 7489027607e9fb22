/**
 * Backpressure, never loss: past a bound on the queue (how many events wait, or how old the oldest is) a
 * delivery is refused with 429 and a Retry-After, instead of the queue growing without limit. Senders keep
 * the events: Segment's analytics-node waits out a 429's Retry-After (up to 300 s) without counting it
 * against its retries, for up to 12 hours; RudderStack's SDK (axios-retry) waits at least the Retry-After
 * but counts the attempt (3 by default). The Retry-After is the time the drain needs, at its recent pace,
 * to bring the queue back under the bound: long enough that senders do not hammer, short enough that they
 * come back as soon as there is room.
 */
import type { QueueStats } from './store.js';

export interface QueueBounds {
  /** Events waiting past which deliveries are refused. */
  maxEvents: number;
  /** Age of the oldest waiting event past which deliveries are refused. */
  maxAgeMs: number;
}

/** About 100-200 MB of disk at a typical 1-2 KB per event; at Attio's pace, several hours of work. */
export const DEFAULT_QUEUE_BOUNDS: QueueBounds = { maxEvents: 100_000, maxAgeMs: 6 * 3_600_000 };

export type Admission = { admit: true } | { admit: false; reason: string; retryAfterSeconds: number };

/** Seconds asked for when the drain's pace is not known (nothing drained lately: Attio may be down). */
const UNKNOWN_PACE_RETRY_AFTER_SECONDS = 60;
/** Segment's SDK caps a Retry-After at 300 s; asking for more would only be cut. */
const MAX_RETRY_AFTER_SECONDS = 300;

export function admission(
  stats: Pick<QueueStats, 'depth' | 'oldestReceivedAt'>,
  bounds: QueueBounds,
  now: number,
  drainedPerSecond: number,
): Admission {
  if (stats.depth >= bounds.maxEvents) {
    // Room for a tenth of the bound, so that senders do not all come back for the last few slots.
    const excess = stats.depth - Math.floor(bounds.maxEvents * 0.9);
    return {
      admit: false,
      reason: `the queue holds ${stats.depth} events (bound ${bounds.maxEvents})`,
      retryAfterSeconds: retryAfter(excess, drainedPerSecond),
    };
  }
  const age = stats.oldestReceivedAt === undefined ? 0 : now - stats.oldestReceivedAt;
  if (age >= bounds.maxAgeMs) {
    return {
      admit: false,
      reason: `the oldest queued event is ${Math.round(age / 1000)} s old (bound ${Math.round(bounds.maxAgeMs / 1000)} s)`,
      retryAfterSeconds: UNKNOWN_PACE_RETRY_AFTER_SECONDS,
    };
  }
  return { admit: true };
}

function retryAfter(events: number, perSecond: number): number {
  if (!(perSecond > 0)) return UNKNOWN_PACE_RETRY_AFTER_SECONDS;
  return Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(events / perSecond)));
}

/** Events drained per second over the last `windowMs`, from counts reported as they happen. */
export class PaceMeter {
  private readonly marks: Array<{ at: number; count: number }> = [];

  constructor(
    private readonly now: () => number,
    private readonly windowMs = 30_000,
  ) {}

  record(count: number): void {
    if (count > 0) this.marks.push({ at: this.now(), count });
    this.trim();
  }

  perSecond(): number {
    this.trim();
    const total = this.marks.reduce((sum, mark) => sum + mark.count, 0);
    return total / (this.windowMs / 1000);
  }

  private trim(): void {
    const since = this.now() - this.windowMs;
    while (this.marks.length > 0 && (this.marks[0] as { at: number }).at < since) this.marks.shift();
  }
}
