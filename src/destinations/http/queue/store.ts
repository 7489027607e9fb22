/**
 * The receiver's queue on disk: one SQLite database (better-sqlite3) in the data directory. WAL journal and
 * `synchronous=FULL`, so a committed transaction is on the disk before the call returns: an event the
 * receiver acknowledged survives `kill -9`, and a power cut on a disk that honours flushes.
 *
 * Tables:
 * - `events`: what waits to be applied, in arrival order (`seq`), with the lane (the person it is about),
 *   when it entered the queue, its attempts and when it may next be tried. `waiting` marks an event that
 *   named a person Attio does not know yet: its lane goes on without it (see ./drain.ts).
 * - `dead_letters`: events that failed for a reason retrying will not fix, with that reason, until an
 *   operator puts them back (`attio-plg queue retry`).
 * - `seen_keys`: keys of deliveries already taken (a sender's idempotency key), so that a replayed delivery
 *   can be recognised after a restart.
 *
 * Every call is synchronous: nothing else of the process runs between a write and its commit.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const QUEUE_FILE = 'queue.db';
const SCHEMA_VERSION = 1;
/**
 * Pages the WAL may grow to before a commit copies it into the database file itself (SQLite's default is
 * 1,000, about 4 MB). Such a checkpoint runs inside the commit that crosses the bound, on the receiver's only
 * thread, and a burst crosses it: it held the burst's later deliveries for a checkpoint's length. The receiver
 * checkpoints when deliveries are quiet instead (`checkpoint()`); this bound (about 40 MB) only keeps the WAL
 * in check under load that never pauses.
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** An event on its way in: its lane and the event itself, as JSON. */
export interface NewEvent {
  lane: string;
  payload: string;
}

export interface QueuedEvent {
  seq: number;
  lane: string;
  receivedAt: number;
  payload: string;
  attempts: number;
  nextAttemptAt: number;
  waiting: boolean;
  lastError?: string;
}

export interface DeadLetter {
  seq: number;
  lane: string;
  receivedAt: number;
  payload: string;
  attempts: number;
  reason: string;
  category: string;
  failedAt: number;
}

/** What a lane's run decided for each of its events. */
export interface Settlement {
  /** Applied (or ignored by the tracking plan): they leave the queue. */
  done: number[];
  /** A passing failure: tried again at `nextAttemptAt`. */
  retry: Array<{ seq: number; nextAttemptAt: number; error: string; waiting: boolean }>;
  /** Failed for good: moved to the dead letters with the reason. */
  dead: Array<{ seq: number; reason: string; category: string }>;
}

export interface QueueStats {
  /** Events waiting to be applied. */
  depth: number;
  /** When the oldest of them entered the queue (ms since the epoch), if any. */
  oldestReceivedAt?: number;
  deadLetters: number;
}

/** A write the store could not make: the disk is full, or the file cannot be written. Nothing of it was stored. */
export class QueueWriteError extends Error {
  override readonly name = 'QueueWriteError';
  constructor(
    message: string,
    /** SQLite's code, e.g. SQLITE_FULL. */
    readonly code: string | undefined,
  ) {
    super(message);
  }

  get diskFull(): boolean {
    return this.code === 'SQLITE_FULL';
  }
}

export interface StoreOptions {
  dataDir: string;
  now?: () => number;
  /**
   * A cap on the database's pages (SQLite's max_page_count): writes past it fail as on a full disk. For
   * tests of that answer; unset in production.
   */
  maxPageCount?: number;
}

interface EventRow {
  seq: number;
  lane: string;
  received_at: number;
  payload: string;
  attempts: number;
  next_attempt_at: number;
  waiting: number;
  last_error: string | null;
}

interface DeadRow {
  seq: number;
  lane: string;
  received_at: number;
  payload: string;
  attempts: number;
  reason: string;
  category: string;
  failed_at: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  lane TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  waiting INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS events_by_lane ON events (lane, seq);
CREATE INDEX IF NOT EXISTS events_by_next_attempt ON events (next_attempt_at);
CREATE INDEX IF NOT EXISTS events_by_received ON events (received_at);
CREATE TABLE IF NOT EXISTS dead_letters (
  seq INTEGER PRIMARY KEY,
  lane TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  payload TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  reason TEXT NOT NULL,
  category TEXT NOT NULL,
  failed_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS seen_keys (
  key TEXT PRIMARY KEY,
  seen_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS seen_keys_by_time ON seen_keys (seen_at);
`;

export class QueueStore {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  /** Prepared once: every delivery's admission reads it. */
  private readonly oldest: Database.Statement;
  private readonly now: () => number;
  private queued: number;
  private closed = false;

  constructor(options: StoreOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.path = join(options.dataDir, QUEUE_FILE);
    this.now = options.now ?? Date.now;
    // A CLI command waits for the receiver's write in progress (and the other way round) rather than failing.
    this.db = new Database(this.path, { timeout: 5_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`${this.path} was written by a newer attio-plg (queue schema ${version}); upgrade attio-plg`);
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    if (options.maxPageCount !== undefined) this.db.pragma(`max_page_count = ${options.maxPageCount}`);
    this.insert = this.db.prepare('INSERT INTO events (lane, received_at, payload) VALUES (?, ?, ?)');
    this.oldest = this.db.prepare('SELECT MIN(received_at) FROM events').pluck();
    this.queued = this.countEvents();
  }

  /** Stores events in one transaction: all of them, or (on a QueueWriteError) none. */
  enqueue(events: readonly NewEvent[]): void {
    if (events.length === 0) return;
    const receivedAt = this.now();
    this.write(() => {
      for (const event of events) this.insert.run(event.lane, receivedAt, event.payload);
    });
    this.queued += events.length;
  }

  /**
   * Up to `wanted` lanes that can run now, oldest first: some event of theirs is due, none of their
   * events is waiting out a backoff (a lane's order holds), and none is in `busy` (already running).
   */
  runnableLanes(wanted: number, busy: ReadonlySet<string>): string[] {
    if (wanted <= 0) return [];
    const rows = this.db
      .prepare(
        `SELECT lane FROM events
         WHERE next_attempt_at <= @now
           AND lane NOT IN (SELECT value FROM json_each(@busy))
           AND lane NOT IN (SELECT lane FROM events WHERE next_attempt_at > @now AND waiting = 0)
         ORDER BY seq LIMIT @window`,
      )
      .pluck()
      .all({ now: this.now(), busy: JSON.stringify([...busy]), window: wanted * 20 }) as string[];
    return [...new Set(rows)].slice(0, wanted);
  }

  /**
   * A lane's events to run now, in order: those waiting for their person after the rest (their person's
   * later events may be what creates it), waiting ones not yet due left out. Undefined when the lane cannot
   * run now.
   */
  laneEvents(lane: string, limit: number): QueuedEvent[] | undefined {
    const now = this.now();
    const rows = this.db
      .prepare('SELECT * FROM events WHERE lane = ? ORDER BY waiting, seq LIMIT ?')
      .all(lane, limit) as EventRow[];
    if (rows.some((row) => row.waiting === 0 && row.next_attempt_at > now)) return undefined;
    const events = rows.filter((row) => row.next_attempt_at <= now).map(eventOf);
    return events.length > 0 ? events : undefined;
  }

  /** Records a lane's run in one transaction. */
  settle(settlement: Settlement): void {
    const remove = this.db.prepare('DELETE FROM events WHERE seq = ?');
    const retry = this.db.prepare(
      'UPDATE events SET attempts = attempts + 1, next_attempt_at = ?, waiting = ?, last_error = ? WHERE seq = ?',
    );
    const bury = this.db.prepare(
      `INSERT OR REPLACE INTO dead_letters (seq, lane, received_at, payload, attempts, reason, category, failed_at)
       SELECT seq, lane, received_at, payload, attempts + 1, ?, ?, ? FROM events WHERE seq = ?`,
    );
    const failedAt = this.now();
    let removed = 0;
    this.write(() => {
      for (const seq of settlement.done) removed += remove.run(seq).changes;
      for (const r of settlement.retry) retry.run(r.nextAttemptAt, r.waiting ? 1 : 0, r.error, r.seq);
      for (const d of settlement.dead) {
        bury.run(d.reason, d.category, failedAt, d.seq);
        removed += remove.run(d.seq).changes;
      }
    });
    this.queued -= removed;
  }

  /** When the next event not yet due may be tried (ms since the epoch), if one is waiting out a backoff. */
  nextAttemptAt(): number | undefined {
    return (
      (this.db.prepare('SELECT MIN(next_attempt_at) FROM events WHERE next_attempt_at > ?').pluck().get(this.now()) as
        | number
        | null) ?? undefined
    );
  }

  /** Events waiting out a backoff after a passing failure. */
  backingOff(): number {
    return this.db.prepare('SELECT COUNT(*) FROM events WHERE next_attempt_at > ?').pluck().get(this.now()) as number;
  }

  /** Events waiting, as counted here while they come and go. */
  get depth(): number {
    return this.queued;
  }

  /** Depth is counted here as events come and go; `refresh` recounts it (another process may have added some). */
  backlog(): Omit<QueueStats, 'deadLetters'> {
    const oldest = this.oldest.get() as number | null;
    return { depth: this.queued, ...(oldest === null ? {} : { oldestReceivedAt: oldest }) };
  }

  /** Counted from the file (and the count here refreshed), so it includes what another process added. */
  stats(): QueueStats {
    this.refresh();
    return {
      ...this.backlog(),
      deadLetters: this.db.prepare('SELECT COUNT(*) FROM dead_letters').pluck().get() as number,
    };
  }

  /** Recounts the queue from the file (after `attio-plg queue retry` from another process). */
  refresh(): void {
    this.queued = this.countEvents();
  }

  deadLetters(limit = 100): DeadLetter[] {
    const rows = this.db.prepare('SELECT * FROM dead_letters ORDER BY seq LIMIT ?').all(limit) as DeadRow[];
    return rows.map((row) => ({
      seq: row.seq,
      lane: row.lane,
      receivedAt: row.received_at,
      payload: row.payload,
      attempts: row.attempts,
      reason: row.reason,
      category: row.category,
      failedAt: row.failed_at,
    }));
  }

  /**
   * Puts dead letters back in the queue (all of them, or those with the given seqs) to be tried again, in
   * their original order and as if just received. Returns how many.
   */
  retryDeadLetters(seqs: readonly number[] | 'all'): number {
    const where = seqs === 'all' ? '' : 'WHERE seq IN (SELECT value FROM json_each(@seqs))';
    const params = { now: this.now(), seqs: JSON.stringify(seqs === 'all' ? [] : seqs) };
    let moved = 0;
    this.write(() => {
      moved = this.db
        .prepare(
          `INSERT INTO events (seq, lane, received_at, payload) SELECT seq, lane, @now, payload FROM dead_letters ${where}`,
        )
        .run(params).changes;
      this.db.prepare(`DELETE FROM dead_letters ${where}`).run(seqs === 'all' ? {} : { seqs: params.seqs });
    });
    this.queued += moved;
    return moved;
  }

  /**
   * Records a key (e.g. a webhook delivery's Idempotency-Key) durably. True the first time it is seen, false
   * for a key seen before: that delivery was already taken and can be answered without doing it again.
   */
  markSeen(key: string): boolean {
    let first = false;
    const insert = this.db.prepare('INSERT OR IGNORE INTO seen_keys (key, seen_at) VALUES (?, ?)');
    this.write(() => {
      first = insert.run(key, this.now()).changes === 1;
    });
    return first;
  }

  /** Forgets keys seen before `time` (a sender stops replaying after a few days). Returns how many. */
  forgetSeenBefore(time: number): number {
    let forgotten = 0;
    this.write(() => {
      forgotten = this.db.prepare('DELETE FROM seen_keys WHERE seen_at < ?').run(time).changes;
    });
    return forgotten;
  }

  /**
   * Copies what the WAL holds into the database file, without waiting for another process's reader (SQLite's
   * PASSIVE checkpoint; nothing to do costs nothing). Durability does not depend on it: a commit is on disk
   * in the WAL. Call it while deliveries are quiet.
   */
  checkpoint(): void {
    if (this.closed) return;
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  private countEvents(): number {
    return this.db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number;
  }

  /** One transaction; SQLite's failure to write becomes a QueueWriteError (and the transaction is rolled back). */
  private write(work: () => void): void {
    try {
      this.db.transaction(work)();
    } catch (error) {
      if (error instanceof Database.SqliteError)
        throw new QueueWriteError(`the queue could not be written (${error.code}): ${error.message}`, error.code);
      throw error;
    }
  }
}

function eventOf(row: EventRow): QueuedEvent {
  return {
    seq: row.seq,
    lane: row.lane,
    receivedAt: row.received_at,
    payload: row.payload,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    waiting: row.waiting === 1,
    ...(row.last_error === null ? {} : { lastError: row.last_error }),
  };
}
