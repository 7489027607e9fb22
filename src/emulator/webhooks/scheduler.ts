/**
 * When webhook retries run. Attio retries a failed delivery over about three days; the emulator compresses
 * that schedule, and a test hands it a ManualScheduler so that it decides when the retries happen instead
 * of waiting on the wall clock.
 */

export interface DeliveryScheduler {
  /** Runs `task` once `delayMs` have passed; the returned function cancels it. */
  schedule(delayMs: number, task: () => void): () => void;
}

/** Real timers (the default). They do not keep the process alive; the emulator's close() cancels them. */
export const timerScheduler: DeliveryScheduler = {
  schedule(delayMs, task) {
    const timer = setTimeout(task, delayMs);
    timer.unref();
    return () => clearTimeout(timer);
  },
};

interface ScheduledTask {
  due: number;
  order: number;
  run: () => void;
}

/** A clock that moves only when told: `advance(ms)` runs, in order, every task that falls due. */
export class ManualScheduler implements DeliveryScheduler {
  /** Milliseconds since the scheduler was made. */
  now = 0;
  private tasks: ScheduledTask[] = [];
  private order = 0;

  schedule(delayMs: number, task: () => void): () => void {
    const scheduled: ScheduledTask = { due: this.now + Math.max(0, delayMs), order: this.order++, run: task };
    this.tasks.push(scheduled);
    return () => {
      this.tasks = this.tasks.filter((t) => t !== scheduled);
    };
  }

  /** Tasks waiting to run. */
  get pending(): number {
    return this.tasks.length;
  }

  /** The delay until the next task is due, or undefined when none waits. */
  get nextDelay(): number | undefined {
    const next = this.sorted()[0];
    return next === undefined ? undefined : next.due - this.now;
  }

  /** Moves the clock forward by `ms`, running the tasks that fall due; returns how many ran. */
  advance(ms: number): number {
    const until = this.now + ms;
    let ran = 0;
    for (let next = this.sorted()[0]; next !== undefined && next.due <= until; next = this.sorted()[0]) {
      this.tasks = this.tasks.filter((t) => t !== next);
      this.now = next.due;
      next.run();
      ran++;
    }
    this.now = until;
    return ran;
  }

  /** Jumps to the next due task and runs it (and any due at the same moment); false when none waits. */
  runNext(): boolean {
    const delay = this.nextDelay;
    if (delay === undefined) return false;
    this.advance(delay);
    return true;
  }

  private sorted(): ScheduledTask[] {
    return [...this.tasks].sort((a, b) => a.due - b.due || a.order - b.order);
  }
}
