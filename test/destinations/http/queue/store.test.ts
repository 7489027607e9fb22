/** The queue's store on disk: what it keeps, in which order, across a reopen; its lock and its full-disk error. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EventQueue,
  QueueStore,
  QueueWriteError,
  DataDirInUseError,
} from '../../../../src/destinations/http/queue/index.js';
import { QUEUE_FILE } from '../../../../src/destinations/http/queue/store.js';

const dirs: string[] = [];
const opened: Array<QueueStore | EventQueue> = [];
afterEach(() => {
  for (const o of opened.splice(0)) o.close();
});
const dataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'attio-plg-queue-'));
  dirs.push(dir);
  return dir;
};
function open(dir = dataDir(), clock = { t: 1_000_000 }, maxPageCount?: number) {
  const store = new QueueStore({ dataDir: dir, now: () => clock.t, maxPageCount });
  opened.push(store);
  return { store, dir, clock };
}
const event = (lane: string, n: number) => ({ lane, payload: JSON.stringify({ n }) });
const ns = (events: Array<{ payload: string }> | undefined) =>
  events?.map((e) => (JSON.parse(e.payload) as { n: number }).n);

describe('the queue store', () => {
  it('keeps events in arrival order by lane, and they survive closing and reopening', () => {
    const { store, dir } = open();
    store.enqueue([event('ada', 1), event('bob', 2), event('ada', 3)]);
    store.enqueue([event('cy', 4)]);
    store.close();
    const { store: again } = open(dir);
    expect(again.stats()).toEqual({ depth: 4, oldestReceivedAt: 1_000_000, deadLetters: 0 });
    expect(again.runnableLanes(10, new Set())).toEqual(['ada', 'bob', 'cy']);
    expect(again.runnableLanes(10, new Set(['ada']))).toEqual(['bob', 'cy']);
    expect(ns(again.laneEvents('ada', 100))).toEqual([1, 3]);
  });

  it('an event leaves only when settled done; a retried one blocks its lane until due; a dead one keeps its reason', () => {
    const { store, clock } = open();
    store.enqueue([event('ada', 1), event('ada', 2), event('bob', 3), event('cy', 4)]);
    const [a1, a2] = store.laneEvents('ada', 100) ?? [];
    const [b3] = store.laneEvents('bob', 100) ?? [];
    store.settle({
      done: [],
      retry: [
        { seq: a1!.seq, nextAttemptAt: clock.t + 5_000, error: 'throttled', waiting: false },
        { seq: a2!.seq, nextAttemptAt: clock.t + 5_000, error: 'held back', waiting: false },
      ],
      dead: [{ seq: b3!.seq, reason: 'pqlStage: no such stage', category: 'config' }],
    });
    expect(store.runnableLanes(10, new Set())).toEqual(['cy']);
    expect(store.laneEvents('ada', 100)).toBeUndefined();
    expect(store.nextAttemptAt()).toBe(clock.t + 5_000);
    // A new event of a lane that waits out a backoff waits with it.
    store.enqueue([event('ada', 5)]);
    expect(store.runnableLanes(10, new Set())).toEqual(['cy']);
    clock.t += 5_000;
    expect(store.runnableLanes(10, new Set())).toEqual(['ada', 'cy']);
    expect(
      store
        .laneEvents('ada', 100)
        ?.map((e) => [(JSON.parse(e.payload) as { n: number }).n, e.attempts, e.lastError ?? null]),
    ).toEqual([
      [1, 1, 'throttled'],
      [2, 1, 'held back'],
      [5, 0, null],
    ]);
    expect(store.deadLetters()).toEqual([
      expect.objectContaining({
        seq: b3!.seq,
        lane: 'bob',
        reason: 'pqlStage: no such stage',
        category: 'config',
        attempts: 1,
      }),
    ]);
    expect(store.stats()).toMatchObject({ depth: 4, deadLetters: 1 });
  });

  it('an event waiting for its person does not block its lane, and runs after the lane’s other events once due', () => {
    const { store, clock } = open();
    store.enqueue([event('ada', 1), event('ada', 2)]);
    const [track] = store.laneEvents('ada', 100) ?? [];
    store.settle({
      done: [],
      retry: [{ seq: track!.seq, nextAttemptAt: clock.t + 60_000, error: 'no Attio user yet', waiting: true }],
      dead: [],
    });
    expect(ns(store.laneEvents('ada', 100))).toEqual([2]);
    store.enqueue([event('ada', 3)]);
    clock.t += 60_000;
    expect(ns(store.laneEvents('ada', 100))).toEqual([2, 3, 1]);
  });

  it('`retryDeadLetters` puts dead letters back in their original order, as just received', () => {
    const { store, clock } = open();
    store.enqueue([event('ada', 1), event('bob', 2), event('ada', 3)]);
    const all = [...(store.laneEvents('ada', 100) ?? []), ...(store.laneEvents('bob', 100) ?? [])];
    store.settle({ done: [], retry: [], dead: all.map((e) => ({ seq: e.seq, reason: 'r', category: 'config' })) });
    expect(store.stats()).toEqual({ depth: 0, deadLetters: 3 });
    clock.t += 10_000;
    expect(store.retryDeadLetters([all[2]!.seq])).toBe(1);
    expect(store.stats()).toEqual({ depth: 1, oldestReceivedAt: clock.t, deadLetters: 2 });
    expect(store.retryDeadLetters('all')).toBe(2);
    expect(ns(store.laneEvents('ada', 100))).toEqual([1, 3]);
    expect(store.laneEvents('ada', 100)?.every((e) => e.attempts === 0)).toBe(true);
  });

  it('markSeen is true the first time a key is seen, false after, across a reopen; old keys can be forgotten', () => {
    const { store, dir, clock } = open();
    expect(store.markSeen('attio:delivery-1')).toBe(true);
    expect(store.markSeen('attio:delivery-1')).toBe(false);
    store.close();
    const { store: again } = open(dir, clock);
    expect(again.markSeen('attio:delivery-1')).toBe(false);
    clock.t += 1_000;
    expect(again.markSeen('attio:delivery-2')).toBe(true);
    expect(again.forgetSeenBefore(clock.t)).toBe(1);
    expect(again.markSeen('attio:delivery-1')).toBe(true);
  });

  it('a full disk fails the write as a QueueWriteError, and none of its events are stored', () => {
    const { store } = open(undefined, undefined, 40);
    const big = (n: number) => ({ lane: `p${n}`, payload: JSON.stringify({ n, padding: 'x'.repeat(4000) }) });
    let stored = 0;
    let failure: unknown;
    for (let n = 0; n < 200 && failure === undefined; n += 5) {
      try {
        store.enqueue([big(n), big(n + 1), big(n + 2), big(n + 3), big(n + 4)]);
        stored += 5;
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toBeInstanceOf(QueueWriteError);
    expect((failure as QueueWriteError).diskFull).toBe(true);
    expect(store.stats().depth).toBe(stored);
    store.refresh();
    expect(store.stats().depth).toBe(stored);
  });
});

describe('one receiver per data directory', () => {
  it('a second queue on the same directory is refused, in this process or another; the lock goes with the process', () => {
    const dir = dataDir();
    const first = new EventQueue({ dataDir: dir });
    opened.push(first);
    expect(() => new EventQueue({ dataDir: dir })).toThrow(DataDirInUseError);
    const lockModule = fileURLToPath(new URL('../../../../node_modules/better-sqlite3/lib/index.js', import.meta.url));
    const tryLock = `const D = require(${JSON.stringify(lockModule)}); const db = new D(${JSON.stringify(join(dir, 'receiver.lock'))}, { timeout: 0 });
      try { db.pragma('locking_mode = EXCLUSIVE'); db.exec('BEGIN EXCLUSIVE; COMMIT;'); console.log('locked'); } catch (e) { console.log(e.code); }`;
    expect(spawnSync(process.execPath, ['-e', tryLock], { encoding: 'utf8' }).stdout.trim()).toBe('SQLITE_BUSY');
    first.close();
    opened.splice(opened.indexOf(first), 1);
    expect(spawnSync(process.execPath, ['-e', tryLock], { encoding: 'utf8' }).stdout.trim()).toBe('locked');
    const second = new EventQueue({ dataDir: dir });
    opened.push(second);
    expect(second.stats().depth).toBe(0);
  });

  it('the receiver’s queue records seen keys durably: a replayed delivery key is known after a restart, and keys older than a week are forgotten at start', () => {
    const dir = dataDir();
    const clock = { t: Date.UTC(2024, 10, 1) };
    const first = new EventQueue({ dataDir: dir, now: () => clock.t });
    expect(first.markSeen('attio-webhook:idem-1')).toBe(true);
    expect(first.markSeen('attio-webhook:idem-1')).toBe(false);
    first.close();
    clock.t += 6 * 86_400_000;
    const second = new EventQueue({ dataDir: dir, now: () => clock.t });
    expect(second.markSeen('attio-webhook:idem-1')).toBe(false);
    second.close();
    clock.t += 2 * 86_400_000;
    const third = new EventQueue({ dataDir: dir, now: () => clock.t });
    opened.push(third);
    expect(third.markSeen('attio-webhook:idem-1')).toBe(true);
  });
});

describe('checkpoints', () => {
  const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);
  // About 6 MB of events: past SQLite's default of 1,000 WAL pages, where a commit would checkpoint itself.
  const burst = (from: number) =>
    Array.from({ length: 30 }, (_, d) =>
      Array.from({ length: 50 }, (_, i) => ({
        lane: `lane-${(from + d * 50 + i) % 97}`,
        payload: JSON.stringify({ n: from + d * 50 + i, padding: 'x'.repeat(4000) }),
      })),
    );

  it('a burst’s commits leave the database file alone; the WAL is copied into it by checkpoint()', () => {
    const { store, dir } = open();
    const file = join(dir, QUEUE_FILE);
    const before = sizeOf(file);
    for (const delivery of burst(0)) store.enqueue(delivery);
    expect(sizeOf(`${file}-wal`)).toBeGreaterThan(4 * 1024 * 1024);
    expect(sizeOf(file)).toBe(before);
    store.checkpoint();
    expect(sizeOf(file)).toBeGreaterThan(before + 5 * 1024 * 1024);
    expect(store.depth).toBe(1500);
  });

  it('the receiver’s queue checkpoints only once deliveries have been quiet for a while', async () => {
    const dir = dataDir();
    const queue = new EventQueue({ dataDir: dir });
    opened.push(queue);
    const file = join(dir, QUEUE_FILE);
    const before = sizeOf(file);
    for (const delivery of burst(0)) await queue.enqueue(delivery);
    expect(queue.checkpointWhileQuiet()).toBe(false);
    expect(sizeOf(file)).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(queue.checkpointWhileQuiet()).toBe(true);
    expect(sizeOf(file)).toBeGreaterThan(before + 5 * 1024 * 1024);
  });
});
