/**
 * Group commit: deliveries that arrive together share one transaction and one disk flush, and each is
 * answered only once that flush is done. The transaction is written at once (it takes microseconds); the
 * flush (fdatasync, milliseconds, longer on a busy disk) runs off the event loop, so the receiver keeps
 * reading and validating the next deliveries meanwhile. One flush at a time: the deliveries arriving during
 * a flush form the next group, so a burst of a hundred concurrent deliveries costs a handful of flushes and
 * an idle receiver flushes at once.
 *
 * A flush the disk refuses answers its group 503: its events may be queued or not (after a failed fdatasync
 * the kernel may have dropped them), so the sender retries, and a redelivery is carried by the workflows'
 * idempotency, as after a restart.
 */
import type { NewEvent, QueueStore } from './store.js';

interface Waiting {
  events: readonly NewEvent[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class GroupCommit {
  private waiting: Waiting[] = [];
  private scheduled = false;
  private flushing = false;

  constructor(
    private readonly store: Pick<QueueStore, 'enqueue' | 'flush'>,
    /** Called after each group is on the disk (the drain may take it). */
    private readonly onStored: () => void = () => {},
  ) {}

  /** Stores a delivery's events with the next group; resolves once they are on the disk, rejects (QueueWriteError) when they are not. */
  add(events: readonly NewEvent[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ events, resolve, reject });
      this.schedule();
    });
  }

  /** Events of deliveries not yet stored. */
  get waitingEvents(): number {
    return this.waiting.reduce((sum, w) => sum + w.events.length, 0);
  }

  /** Whether a group is waiting or being flushed. */
  get busy(): boolean {
    return this.waiting.length > 0 || this.flushing;
  }

  private schedule(): void {
    if (this.scheduled || this.flushing || this.waiting.length === 0) return;
    this.scheduled = true;
    // After the I/O already at hand: deliveries read in the same turn of the event loop join this group.
    setImmediate(() => void this.commit());
  }

  private async commit(): Promise<void> {
    this.scheduled = false;
    const group = this.waiting;
    this.waiting = [];
    this.flushing = true;
    try {
      // Every delivery of the group is stored, or (on a failure) none, and each is answered alike.
      this.store.enqueue(
        group.flatMap((w) => w.events),
        'later',
      );
      await this.store.flush();
    } catch (error) {
      for (const w of group) w.reject(error);
      return;
    } finally {
      this.flushing = false;
      this.schedule();
    }
    for (const w of group) w.resolve();
    this.onStored();
  }
}
