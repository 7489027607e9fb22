/**
 * The drain: takes the queue to Attio, one lane (one person's events) per run, several lanes at once.
 * - A lane's run hands the engine the person's whole queued history in order (up to `laneLimit` events),
 *   so it coalesces as a backfill does: the person read once, written once.
 * - An event leaves the queue only once its run applied it (the settlement is one transaction). A process
 *   killed mid-run leaves the run's events in the queue, and the next process runs them again: every
 *   workflow looks before it writes, so what the first run wrote is found, not written twice.
 * - A passing failure (throttled, Attio unavailable) stays, and its lane waits out a backoff: the lane's
 *   later events wait with it, as the engine holds them, so a person's order holds. An event whose person
 *   Attio does not know yet (its identify is behind it in the queue) waits alone: the lane goes on without
 *   it, and it is tried again once its backoff has passed.
 * - A failure retrying will not fix (the configuration no longer fits the workspace, an event Attio
 *   refuses), a passing one that lasts past `giveUpAfterMs`, or one that keeps coming back for
 *   `maxAttempts` while other events are applied (it is this event's, not an outage: its lane should not
 *   wait a day behind it), moves the event to the dead letters with its reason.
 * Time is read from `now`; the timers only decide when to look again, so tests drive the drain with
 * `pump()` on an injected clock.
 */
import type { EventResult } from '../../../core/engine.js';
import type { Failure } from '../../../core/failures.js';
import type { QueueStore, QueuedEvent, Settlement } from './store.js';

/** Applies one lane's events, in order; results in the same order (EventEngine.processBatch). */
export type ApplyEvents = (events: unknown[]) => Promise<EventResult[]>;

export type DrainOutcome = 'applied' | 'ignored' | 'retry' | 'dead';

export interface DrainedEvent {
  event: QueuedEvent;
  raw: unknown;
  outcome: DrainOutcome;
  /** Why it is retried or dead. */
  failure?: Failure;
}

export interface DrainOptions {
  store: QueueStore;
  apply: ApplyEvents;
  /** Lanes run at once. Default 16: enough to keep Attio's write budget busy while lanes wait on reads. */
  concurrency?: number;
  /** Events of one lane per run. Default 1,000. */
  laneLimit?: number;
  /** Backoff after a passing failure: `baseMs` doubling per attempt, at most `maxMs`. Default 1 s to 5 min. */
  backoff?: { baseMs?: number; maxMs?: number };
  /** A passing failure that lasts this long since the event was queued dead-letters it. Default 24 h. */
  giveUpAfterMs?: number;
  /**
   * Attempts after which a passing failure dead-letters the event when other events were applied in the
   * last 10 minutes (so it is not an outage). Default 12: about 20 minutes of backoff.
   */
  maxAttempts?: number;
  /** How often to look for events that became due (or were put back by another process). Default 1 s. */
  pollMs?: number;
  now?: () => number;
  /**
   * While this is true (deliveries are arriving), no new lane starts, for at most `maxDeferMs` at a time and
   * then not again for as long: answering a burst comes before draining it, since both share one CPU, but a
   * steady stream of deliveries still leaves the drain at least half the time.
   */
  deferWhile?: () => boolean;
  /** Default 1 s. */
  maxDeferMs?: number;
  /** Told after each lane's run is recorded. */
  onSettled?: (events: DrainedEvent[]) => void;
  /** Told when a run's result could not be recorded (the events stay queued and run again). */
  onError?: (error: unknown) => void;
}

export class Drainer {
  private readonly store: QueueStore;
  private readonly apply: ApplyEvents;
  private readonly concurrency: number;
  private readonly laneLimit: number;
  private readonly baseMs: number;
  private readonly maxMs: number;
  private readonly giveUpAfterMs: number;
  private readonly maxAttempts: number;
  private lastAppliedAt: number | undefined;
  private readonly pollMs: number;
  private readonly now: () => number;
  private readonly busy = new Map<string, Promise<void>>();
  private readonly emptyWaiters: Array<() => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private recheck: NodeJS.Timeout | undefined;
  private deferredSince: number | undefined;
  private deferredUntil = -Infinity;
  private pausedUntil = 0;
  private stopping = false;

  constructor(private readonly options: DrainOptions) {
    this.store = options.store;
    this.apply = options.apply;
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.laneLimit = Math.max(1, options.laneLimit ?? 1000);
    this.baseMs = options.backoff?.baseMs ?? 1_000;
    this.maxMs = options.backoff?.maxMs ?? 300_000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 24 * 3_600_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 12);
    this.pollMs = options.pollMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** Runs on its own from now on: looks again whenever a lane ends, on `wake()`, and every `pollMs`. */
  start(): void {
    if (this.timer !== undefined || this.stopping) return;
    this.timer = setInterval(() => {
      this.store.refresh();
      this.fill();
    }, this.pollMs);
    this.timer.unref();
    this.fill();
  }

  /** New events were queued. */
  wake(): void {
    if (this.timer !== undefined) this.fill();
  }

  /** Runs every lane that can run now, and those that become runnable as they end; resolves when none is left running. */
  async pump(): Promise<void> {
    for (;;) {
      this.fill();
      if (this.busy.size === 0) return;
      await Promise.race(this.busy.values());
    }
  }

  /** Resolves once no event is queued and no lane is running. */
  whenEmpty(): Promise<void> {
    if (this.isEmpty()) return Promise.resolve();
    return new Promise((resolve) => this.emptyWaiters.push(resolve));
  }

  get running(): number {
    return this.busy.size;
  }

  /**
   * Starts no new lane and waits for the runs in flight to be recorded, at most `graceMs`. What they had
   * not finished by then stays in the queue for the next start. Resolves true when all finished.
   */
  async stop(graceMs = 20_000): Promise<boolean> {
    this.stopping = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    clearTimeout(this.recheck);
    this.timer = undefined;
    if (this.busy.size === 0) return true;
    let deadline: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.allSettled(this.busy.values()).then(() => true),
      new Promise<boolean>((resolve) => {
        deadline = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(deadline);
    return finished;
  }

  private fill(): void {
    if (this.stopping || !this.store.isOpen || this.now() < this.pausedUntil) return;
    const free = this.concurrency - this.busy.size;
    if (free <= 0 || this.deferring()) return;
    for (const lane of this.store.runnableLanes(free, new Set(this.busy.keys()))) {
      const events = this.store.laneEvents(lane, this.laneLimit);
      if (events === undefined) continue;
      const run = this.runLane(events).finally(() => {
        this.busy.delete(lane);
        this.fill();
        if (this.isEmpty()) for (const resolve of this.emptyWaiters.splice(0)) resolve();
      });
      this.busy.set(lane, run);
    }
  }

  /** Whether to let intake go first now; if so, looks again shortly. Measured on the process's own clock. */
  private deferring(): boolean {
    const now = performance.now();
    const maxDeferMs = this.options.maxDeferMs ?? 1_000;
    if (this.options.deferWhile?.() !== true || now - this.deferredUntil < maxDeferMs) {
      if (this.deferredSince !== undefined) this.deferredUntil = now;
      this.deferredSince = undefined;
      return false;
    }
    this.deferredSince ??= now;
    if (now - this.deferredSince >= maxDeferMs) {
      this.deferredSince = undefined;
      this.deferredUntil = now;
      return false;
    }
    if (this.recheck === undefined) {
      this.recheck = setTimeout(() => {
        this.recheck = undefined;
        this.fill();
      }, 20);
      this.recheck.unref();
    }
    return true;
  }

  private isEmpty(): boolean {
    return this.busy.size === 0 && this.store.isOpen && this.store.depth === 0;
  }

  private async runLane(events: QueuedEvent[]): Promise<void> {
    const raws = events.map((event) => JSON.parse(event.payload) as unknown);
    let results: EventResult[];
    try {
      results = await this.apply(raws);
    } catch (error) {
      const failure: Failure = {
        category: 'internal',
        message: error instanceof Error ? error.message : String(error),
        retryable: true,
      };
      results = events.map(() => ({ status: 'failed', outcomes: [], failure }));
    }
    if (results.some((r) => r.status === 'applied')) this.lastAppliedAt = this.now();
    const drained = this.classify(events, raws, results);
    if (!this.store.isOpen) return;
    try {
      this.store.settle(settlementOf(drained));
    } catch (error) {
      // Nothing of the run was recorded: its events run again, once the store can be written (a full disk).
      this.pausedUntil = this.now() + 5_000;
      this.options.onError?.(error);
      return;
    }
    this.options.onSettled?.(drained);
  }

  /**
   * Each event's outcome. The first passing failure in the lane is the cause the engine held the rest back
   * for: it waits out the backoff, and the events behind it wait with it — except when the cause is a person
   * not known yet, whose identify may be among those behind it, or a cause that goes to the dead letters:
   * then they go on at once, without it.
   */
  private classify(events: QueuedEvent[], raws: unknown[], results: EventResult[]): DrainedEvent[] {
    const now = this.now();
    let cause: { releasesRest: boolean; nextAttemptAt: number } | undefined;
    return events.map((event, index): DrainedEvent => {
      const raw = raws[index];
      const result = results[index] ?? {
        status: 'failed',
        outcomes: [],
        failure: { category: 'internal', message: 'no result for the event', retryable: true },
      };
      if (result.status === 'applied' || result.status === 'ignored') return { event, raw, outcome: result.status };
      const failure: Failure = result.failure ?? {
        category: 'internal',
        message: result.status,
        retryable: result.status === 'failed',
      };
      if (result.status === 'rejected')
        return { event, raw, outcome: 'dead', failure: { ...failure, retryable: false } };
      if (!failure.retryable) return { event, raw, outcome: 'dead', failure };
      if (now - event.receivedAt >= this.giveUpAfterMs) {
        return {
          event,
          raw,
          outcome: 'dead',
          failure: {
            ...failure,
            retryable: false,
            message: `still failing ${Math.round(this.giveUpAfterMs / 3_600_000)} h after it was queued: ${failure.message}`,
          },
        };
      }
      if (cause === undefined && event.attempts + 1 >= this.maxAttempts && this.othersGoThrough(failure, now)) {
        // Out of the way: the events held behind it go on at once.
        cause = { releasesRest: true, nextAttemptAt: now };
        return {
          event,
          raw,
          outcome: 'dead',
          failure: {
            ...failure,
            retryable: false,
            message: `failed ${event.attempts + 1} times while other events were applied: ${failure.message}`,
          },
        };
      }
      if (cause === undefined) {
        const wait = Math.max(this.backoffMs(event.attempts + 1), failure.retryAfterMs ?? 0);
        const waiting = failure.category === 'unknown-person';
        cause = { releasesRest: waiting, nextAttemptAt: now + wait };
        return { event: { ...event, nextAttemptAt: cause.nextAttemptAt, waiting }, raw, outcome: 'retry', failure };
      }
      return {
        event: { ...event, nextAttemptAt: cause.releasesRest ? now : cause.nextAttemptAt, waiting: false },
        raw,
        outcome: 'retry',
        failure,
      };
    });
  }

  /**
   * Whether a passing failure is the event's own: other events were applied lately. A throttle is never an
   * event's own, and a person not known yet has the core's own window to turn up in.
   */
  private othersGoThrough(failure: Failure, now: number): boolean {
    if (failure.category === 'throttled' || failure.category === 'unknown-person') return false;
    return this.lastAppliedAt !== undefined && now - this.lastAppliedAt < 10 * 60_000;
  }

  private backoffMs(attempt: number): number {
    return Math.min(this.maxMs, this.baseMs * 2 ** Math.min(30, attempt - 1));
  }
}

function settlementOf(drained: readonly DrainedEvent[]): Settlement {
  const settlement: Settlement = { done: [], retry: [], dead: [] };
  for (const { event, outcome, failure } of drained) {
    if (outcome === 'applied' || outcome === 'ignored') settlement.done.push(event.seq);
    else if (outcome === 'retry')
      settlement.retry.push({
        seq: event.seq,
        nextAttemptAt: event.nextAttemptAt,
        error: failure?.message ?? 'failed',
        waiting: event.waiting,
      });
    else
      settlement.dead.push({
        seq: event.seq,
        reason: failure?.message ?? 'failed',
        category: failure?.category ?? 'internal',
      });
  }
  return settlement;
}
