/**
 * The receiver's durable queue: deliveries are stored (./store.ts) before they are answered, drained to
 * Attio at the workspace's pace (./drain.ts), and refused with a Retry-After past a bound
 * (./backpressure.ts). One receiver per data directory (./lock.ts).
 *
 * Deliveries that arrive together are committed together: each delivery's events are all stored or none
 * are, but one disk flush serves every delivery that was waiting for it. A commit blocks the process for
 * its flush, so the next one waits about as long as the last flush took, collecting the deliveries that
 * arrive meanwhile: an idle receiver commits at once, a burst of a hundred concurrent deliveries costs a
 * handful of flushes instead of a hundred, and each delivery is answered in milliseconds.
 */
import type { ReadinessProblem } from '../readiness.js';
import { admission, DEFAULT_QUEUE_BOUNDS, PaceMeter, type Admission, type QueueBounds } from './backpressure.js';
import { Drainer, type DrainOptions } from './drain.js';
import { lockDataDir, type DataDirLock } from './lock.js';
import { QueueStore, type NewEvent, type QueueStats } from './store.js';

export { DEFAULT_QUEUE_BOUNDS, type Admission, type QueueBounds } from './backpressure.js';
export { DataDirInUseError } from './lock.js';
export {
  QueueStore,
  QueueWriteError,
  type DeadLetter,
  type NewEvent,
  type QueueStats,
  type QueuedEvent,
} from './store.js';
export type { ApplyEvents, DrainedEvent, DrainOutcome } from './drain.js';

export const DEFAULT_DATA_DIR = './.attio-plg';
/** How long a seen key is kept: Attio retries a webhook delivery for about three days. */
const SEEN_KEY_DAYS = 7;
/**
 * Deliveries this close together are a burst, which the drain lets pass before it starts new lanes. An SDK
 * flushing a burst sends its first batch as soon as it is full and the rest once its own pipeline has run
 * them, often 100 ms later: at 50 ms the drain started in that gap and took a quarter of the receiver's CPU
 * while the rest of the burst waited for answers.
 */
const INTAKE_QUIET_MS = 250;
/** The longest a delivery waits for others to share its commit. */
const MAX_COMMIT_WAIT_MS = 20;
/** A group of deliveries older than this is committed by the next delivery to join it, without a turn of the loop. */
const MAX_GROUP_AGE_MS = 10;
/** How often the WAL is checkpointed when deliveries are quiet (see QueueStore.checkpoint). */
const CHECKPOINT_EVERY_MS = 1_000;
/** /ready fails while the oldest queued event is older than this: a burst of an hour's work is fine, more is a sign. */
export const DEFAULT_READY_MAX_AGE_MS = 3_600_000;

export interface EventQueueOptions {
  dataDir: string;
  bounds?: Partial<QueueBounds>;
  now?: () => number;
  /** See StoreOptions.maxPageCount (tests of a full disk). */
  maxPageCount?: number;
  /** A store to use instead of opening one (tests of a failing store). */
  store?: QueueStore;
}

interface Pending {
  events: readonly NewEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** What the receiver's intake needs of the queue. */
export interface Intake {
  /** Whether a delivery may be taken now, or why not and when to come back. */
  admission(): Admission;
  /** Stores a delivery's events; resolves once they are on disk, rejects (QueueWriteError) when they are not. */
  enqueue(events: readonly NewEvent[]): Promise<void>;
  /**
   * Records a delivery's key (e.g. an Attio webhook's Idempotency-Key) on disk: true the first time, false
   * for a replay that was taken before, across restarts. Throws QueueWriteError when it cannot be recorded.
   */
  markSeen(key: string): boolean;
}

export class EventQueue implements Intake {
  readonly store: QueueStore;
  readonly bounds: QueueBounds;
  private readonly now: () => number;
  private readonly pace: PaceMeter;
  private readonly lock: DataDirLock;
  private pending: Pending[] = [];
  private lastCommitMs = 0;
  private lastEnqueueAt = -Infinity;
  /** When the first delivery of the group now waiting for its commit arrived. */
  private pendingSince = 0;
  private drainer: Drainer | undefined;
  private readonly forgetting: NodeJS.Timeout;
  private readonly checkpointing: NodeJS.Timeout;

  /** Takes the data directory's lock: one receiver per data directory (DataDirInUseError otherwise). */
  constructor(options: EventQueueOptions) {
    this.lock = lockDataDir(options.dataDir);
    try {
      this.now = options.now ?? Date.now;
      this.store =
        options.store ??
        new QueueStore({ dataDir: options.dataDir, now: this.now, maxPageCount: options.maxPageCount });
    } catch (error) {
      this.lock.release();
      throw error;
    }
    this.bounds = { ...DEFAULT_QUEUE_BOUNDS, ...options.bounds };
    this.pace = new PaceMeter(this.now);
    this.forgetOldKeys();
    this.forgetting = setInterval(() => this.forgetOldKeys(), 3_600_000);
    this.forgetting.unref();
    this.checkpointing = setInterval(() => this.checkpointWhileQuiet(), CHECKPOINT_EVERY_MS);
    this.checkpointing.unref();
  }

  admission(): Admission {
    // Deliveries waiting for their commit count too: a burst's deliveries arrive before any of them is stored.
    const backlog = this.store.backlog();
    const pending = this.pending.reduce((sum, p) => sum + p.events.length, 0);
    return admission({ ...backlog, depth: backlog.depth + pending }, this.bounds, this.now(), this.pace.perSecond());
  }

  enqueue(events: readonly NewEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const now = performance.now();
    this.lastEnqueueAt = now;
    return new Promise((resolve, reject) => {
      if (this.pending.push({ events, resolve, reject }) > 1) {
        // A burst's deliveries are mapped one after another before the loop turns: the group that has
        // waited long enough is committed now, so its deliveries are answered while the rest are mapped.
        if (now - this.pendingSince >= MAX_GROUP_AGE_MS) this.commit();
        return;
      }
      this.pendingSince = now;
      const wait = Math.min(MAX_COMMIT_WAIT_MS, Math.floor(this.lastCommitMs));
      if (wait < 1) setImmediate(() => this.commit());
      else setTimeout(() => this.commit(), wait);
    });
  }

  /**
   * Records a key durably; true the first time (see QueueStore.markSeen). Keys are kept for a week, longer
   * than a sender replays a delivery.
   */
  markSeen(key: string): boolean {
    return this.store.markSeen(key);
  }

  stats(): QueueStats {
    return this.store.stats();
  }

  /** What keeps the receiver from being ready: its oldest event older than `maxAgeMs`. */
  lagProblems(maxAgeMs: number): ReadinessProblem[] {
    const { oldestReceivedAt, depth } = this.store.backlog();
    const age = oldestReceivedAt === undefined ? 0 : this.now() - oldestReceivedAt;
    if (age <= maxAgeMs) return [];
    return [
      {
        kind: 'queue-lagging',
        subject: 'queue',
        problem: `the oldest of ${depth} queued events is ${Math.round(age / 1000)} s old (bound ${Math.round(maxAgeMs / 1000)} s): the drain is not keeping up`,
        fix: 'see the log and `attio-plg queue status`: Attio may be failing, throttling or refusing the token; the queue drains once Attio takes writes again',
      },
    ];
  }

  /** Events drained per second lately. */
  drainedPerSecond(): number {
    return this.pace.perSecond();
  }

  /** Starts draining the queue with `apply`; the drain counts its pace here for the Retry-After. */
  startDrain(options: Omit<DrainOptions, 'store' | 'now'>): Drainer {
    const drainer = new Drainer({
      // A burst is answered before it is drained: no new lane while deliveries keep arriving.
      deferWhile: () => this.intakeBusy(),
      ...options,
      store: this.store,
      now: this.now,
      onSettled: (drained) => {
        this.pace.record(drained.filter((d) => d.outcome !== 'retry').length);
        options.onSettled?.(drained);
      },
    });
    this.drainer = drainer;
    drainer.start();
    return drainer;
  }

  /** Closes the store and releases the data directory; stop the drain first. */
  close(): void {
    clearInterval(this.forgetting);
    clearInterval(this.checkpointing);
    this.store.close();
    this.lock.release();
  }

  /** Checkpoints the WAL between bursts, so that no commit of a burst has to (see QueueStore.checkpoint). */
  checkpointWhileQuiet(): boolean {
    if (this.intakeBusy()) return false;
    try {
      this.store.checkpoint();
    } catch {
      // A full disk or a busy file: the next quiet second tries again; the WAL keeps every commit meanwhile.
    }
    return true;
  }

  /** Deliveries are waiting for their commit, or one arrived less than INTAKE_QUIET_MS ago: a burst is on. */
  private intakeBusy(): boolean {
    return this.pending.length > 0 || performance.now() - this.lastEnqueueAt < INTAKE_QUIET_MS;
  }

  private forgetOldKeys(): void {
    try {
      this.store.forgetSeenBefore(this.now() - SEEN_KEY_DAYS * 86_400_000);
    } catch {
      // A full disk: the keys are forgotten at the next hour's attempt.
    }
  }

  private commit(): void {
    const group = this.pending;
    if (group.length === 0) return;
    this.pending = [];
    const started = performance.now();
    try {
      this.store.enqueue(group.flatMap((p) => p.events));
    } catch (error) {
      for (const p of group) p.reject(error);
      return;
    } finally {
      this.lastCommitMs = performance.now() - started;
    }
    for (const p of group) p.resolve();
    this.drainer?.wake();
  }
}
