/**
 * Close the loop's state on disk: one SQLite database (better-sqlite3) beside the receiver's queue, in its
 * own file so that the two never share a transaction or a schema version. Every write is committed before
 * the call returns (WAL, `synchronous=FULL`), which is what lets the receiver answer Attio 2xx as soon as a
 * delivery is stored.
 *
 * Tables:
 * - `attio_deliveries`: every verified Attio delivery by its `Idempotency-Key` (the primary key: a replay is
 *   an insert that changes nothing, across restarts), its body, and where its processing stands. Processed
 *   deliveries stay (without their body) for a week, longer than Attio retries, so their keys stay known.
 * - `product_events`: the outbox, one row per product event and sink, keyed by (sink, message id): an
 *   event worked out twice (a crash between the two steps) is stored once. A row leaves once its sink took it.
 * - `reported`: changes already reported (a deal's stage value, a task's completion), written in the
 *   transaction that stores their events: the same change read again after a later event is not news.
 * - `facts`: what was learnt about the workspace, e.g. the connector's own actor.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export const LOOP_FILE = 'close-the-loop.db';

export interface StoredDelivery {
  key: string;
  body: string;
  attempts: number;
}

export interface OutboxRow {
  id: number;
  sink: string;
  messageId: string;
  payload: string;
  attempts: number;
}

export interface NewOutboxRow {
  sink: string;
  messageId: string;
  payload: string;
}

export interface LoopStats {
  /** Deliveries stored and not processed yet. */
  pendingDeliveries: number;
  /** Deliveries that failed every attempt. */
  failedDeliveries: number;
  /** Product events waiting for their sink. */
  pendingEvents: number;
  /** Product events a sink refused every attempt. */
  failedEvents: number;
}

export class LoopStore {
  private readonly db: Database.Database;

  constructor(
    dataDir: string,
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, LOOP_FILE));
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(`
CREATE TABLE IF NOT EXISTS attio_deliveries (
  key TEXT PRIMARY KEY,
  body TEXT,
  received_at INTEGER NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT
);
CREATE INDEX IF NOT EXISTS attio_deliveries_due ON attio_deliveries (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS product_events (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sink TEXT NOT NULL,
  message_id TEXT NOT NULL,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending',
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  UNIQUE (sink, message_id)
);
CREATE INDEX IF NOT EXISTS product_events_due ON product_events (state, next_attempt_at);
CREATE TABLE IF NOT EXISTS reported (key TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS facts (name TEXT PRIMARY KEY, value TEXT NOT NULL);
`);
  }

  /** Stores a verified delivery: true the first time its key is seen, false for a replay (nothing changes). */
  storeDelivery(key: string, body: string): boolean {
    const now = this.now();
    return (
      this.db
        .prepare('INSERT OR IGNORE INTO attio_deliveries (key, body, received_at, next_attempt_at) VALUES (?, ?, ?, ?)')
        .run(key, body, now, now).changes === 1
    );
  }

  /** Forgets a delivery that was stored but not acknowledged, so that Attio's retry of it is taken. */
  forgetDelivery(key: string): void {
    this.db.prepare("DELETE FROM attio_deliveries WHERE key = ? AND state = 'pending' AND attempts = 0").run(key);
  }

  dueDeliveries(limit = 50): StoredDelivery[] {
    return this.db
      .prepare(
        "SELECT key, body, attempts FROM attio_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY received_at, key LIMIT ?",
      )
      .all(this.now(), limit) as StoredDelivery[];
  }

  /** The delivery is processed: its product events enter the outbox, and what they report is marked, in one transaction. */
  deliveryProcessed(key: string, events: readonly NewOutboxRow[], reported: readonly string[] = []): void {
    const now = this.now();
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO product_events (sink, message_id, payload, next_attempt_at) VALUES (?, ?, ?, ?)',
    );
    const mark = this.db.prepare('INSERT OR IGNORE INTO reported (key) VALUES (?)');
    this.db.transaction(() => {
      for (const event of events) insert.run(event.sink, event.messageId, event.payload, now);
      for (const change of reported) mark.run(change);
      this.db
        .prepare("UPDATE attio_deliveries SET state = 'done', body = NULL, last_error = NULL WHERE key = ?")
        .run(key);
    })();
  }

  /** Processing failed: tried again at `nextAttemptAt`, or given up (`failed`) when that is undefined. */
  deliveryFailed(key: string, error: string, nextAttemptAt: number | undefined): void {
    this.db
      .prepare(
        'UPDATE attio_deliveries SET attempts = attempts + 1, last_error = ?, state = ?, next_attempt_at = ? WHERE key = ?',
      )
      .run(error, nextAttemptAt === undefined ? 'failed' : 'pending', nextAttemptAt ?? this.now(), key);
  }

  dueEvents(limit = 50): OutboxRow[] {
    return this.db
      .prepare(
        "SELECT id, sink, message_id AS messageId, payload, attempts FROM product_events WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY id LIMIT ?",
      )
      .all(this.now(), limit) as OutboxRow[];
  }

  eventSent(id: number): void {
    this.db.prepare('DELETE FROM product_events WHERE id = ?').run(id);
  }

  eventFailed(id: number, error: string, nextAttemptAt: number | undefined): void {
    this.db
      .prepare(
        'UPDATE product_events SET attempts = attempts + 1, last_error = ?, state = ?, next_attempt_at = ? WHERE id = ?',
      )
      .run(error, nextAttemptAt === undefined ? 'failed' : 'pending', nextAttemptAt ?? this.now(), id);
  }

  /** When the next pending delivery or event is due, if any. */
  nextDueAt(): number | undefined {
    const next = this.db
      .prepare(
        "SELECT MIN(at) FROM (SELECT MIN(next_attempt_at) AS at FROM attio_deliveries WHERE state = 'pending' UNION ALL SELECT MIN(next_attempt_at) FROM product_events WHERE state = 'pending')",
      )
      .pluck()
      .get() as number | null;
    return next ?? undefined;
  }

  /** Whether a change (e.g. `stage:<deal>:<active_from>`) was reported already. */
  isReported(change: string): boolean {
    return this.db.prepare('SELECT 1 FROM reported WHERE key = ?').get(change) !== undefined;
  }

  /** Forgets a report, so that the change happening again is news (a task reopened). */
  unreport(change: string): void {
    this.db.prepare('DELETE FROM reported WHERE key = ?').run(change);
  }

  fact(name: string): string | undefined {
    return (
      (this.db.prepare('SELECT value FROM facts WHERE name = ?').pluck().get(name) as string | undefined) ?? undefined
    );
  }

  setFact(name: string, value: string): void {
    this.db
      .prepare('INSERT INTO facts (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value')
      .run(name, value);
  }

  /** Forgets processed deliveries received before `time` (Attio stops retrying after about three days). */
  forgetProcessedBefore(time: number): number {
    return this.db.prepare("DELETE FROM attio_deliveries WHERE state = 'done' AND received_at < ?").run(time).changes;
  }

  stats(): LoopStats {
    const count = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    return {
      pendingDeliveries: count("SELECT COUNT(*) FROM attio_deliveries WHERE state = 'pending'"),
      failedDeliveries: count("SELECT COUNT(*) FROM attio_deliveries WHERE state = 'failed'"),
      pendingEvents: count("SELECT COUNT(*) FROM product_events WHERE state = 'pending'"),
      failedEvents: count("SELECT COUNT(*) FROM product_events WHERE state = 'failed'"),
    };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
