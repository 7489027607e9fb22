/**
 * Group commit: deliveries arriving together share one transaction and one flush, and none is answered
 * before that flush is done; a failure answers every delivery of its group alike.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../../../src/destinations/http/queue/group-commit.js';
import { QueueStore, QueueWriteError, type NewEvent } from '../../../../src/destinations/http/queue/store.js';

/** A real store whose flushes wait until the test lets them end (or fail), recording what it was asked. */
class GatedStore extends QueueStore {
  readonly writes: Array<{ events: number; flush: string }> = [];
  readonly flushes: Array<{ end: () => void; fail: (error: unknown) => void }> = [];

  override enqueue(events: readonly NewEvent[], flush: 'now' | 'later' = 'now'): void {
    super.enqueue(events, flush);
    this.writes.push({ events: events.length, flush });
  }

  override flush(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.flushes.push({ end: () => void super.flush().then(resolve, reject), fail: reject });
    });
  }
}

const stores: QueueStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
});
function gated(options: { maxPageCount?: number } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'attio-plg-group-commit-'));
  const store = new GatedStore({ dataDir, ...options });
  stores.push(store);
  let stored = 0;
  const commits = new GroupCommit(store, () => stored++);
  return { store, commits, dataDir, stored: () => stored };
}
const delivery = (person: string, count = 2): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ lane: person, payload: JSON.stringify({ person, n }) }));
/** Each promise's state, as the receiver would see it: answered, refused, or still waiting. */
function watch(promises: Array<Promise<void>>) {
  const states: string[] = promises.map(() => 'waiting');
  promises.forEach((p, i) =>
    p.then(
      () => (states[i] = 'stored'),
      (error: unknown) => (states[i] = error instanceof Error ? error.message : 'failed'),
    ),
  );
  return states;
}

describe('group commit', () => {
  it('deliveries arriving together share one transaction and one flush; none is answered before the flush ends', async () => {
    const { store, commits, dataDir, stored } = gated();
    const states = watch(['ada', 'bob', 'cy', 'dee', 'eve'].map((person) => commits.add(delivery(person))));
    await nextTurn();
    await nextTurn();
    expect(store.writes).toEqual([{ events: 10, flush: 'later' }]);
    expect(store.flushes).toHaveLength(1);
    // Written (another connection reads them), but not yet flushed: nobody is answered.
    const reader = new QueueStore({ dataDir });
    stores.push(reader);
    expect(reader.stats().depth).toBe(10);
    expect(states).toEqual(['waiting', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(stored()).toBe(0);
    store.flushes[0]?.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(states).toEqual(['stored', 'stored', 'stored', 'stored', 'stored']);
    expect(stored()).toBe(1);
  });

  it('deliveries arriving during a flush wait for it, then form the next group', async () => {
    const { store, commits } = gated();
    const first = watch([commits.add(delivery('ada'))]);
    await nextTurn();
    const second = watch([commits.add(delivery('bob')), commits.add(delivery('cy', 3))]);
    await nextTurn();
    await nextTurn();
    expect(store.writes).toEqual([{ events: 2, flush: 'later' }]);
    expect(commits.waitingEvents).toBe(5);
    store.flushes[0]?.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(first).toEqual(['stored']);
    expect(second).toEqual(['waiting', 'waiting']);
    expect(store.writes).toEqual([
      { events: 2, flush: 'later' },
      { events: 5, flush: 'later' },
    ]);
    store.flushes[1]?.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(second).toEqual(['stored', 'stored']);
    expect(commits.busy).toBe(false);
  });

  it('a failed flush refuses every delivery of its group, none answered as stored; the next group goes on', async () => {
    const { store, commits, stored } = gated();
    const failing = watch([commits.add(delivery('ada')), commits.add(delivery('bob'))]);
    await nextTurn();
    const next = watch([commits.add(delivery('cy'))]);
    store.flushes[0]?.fail(new QueueWriteError('the queue could not be flushed to the disk (EIO): i/o error', 'EIO'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(failing).toEqual([
      'the queue could not be flushed to the disk (EIO): i/o error',
      'the queue could not be flushed to the disk (EIO): i/o error',
    ]);
    expect(stored()).toBe(0);
    store.flushes[1]?.end();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(next).toEqual(['stored']);
    expect(stored()).toBe(1);
  });

  it('a write the disk refuses stores nothing of its group and refuses each delivery', async () => {
    const { store, commits } = gated({ maxPageCount: 24 });
    const big = (person: string) => [{ lane: person, payload: 'x'.repeat(60_000) }];
    const states = watch([commits.add(big('ada')), commits.add(big('bob'))]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(states.every((s) => s.includes('SQLITE_FULL'))).toBe(true);
    expect(store.flushes).toHaveLength(0);
    expect(store.stats().depth).toBe(0);
  });
});

describe('the store’s flush', () => {
  it('events enqueued to be flushed later are stored, and survive a reopen once flushed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attio-plg-flush-'));
    const store = new QueueStore({ dataDir });
    store.enqueue(delivery('ada', 3), 'later');
    await store.flush();
    await store.flush();
    store.close();
    const again = new QueueStore({ dataDir });
    stores.push(again);
    expect(again.laneEvents('ada', 10)?.map((e) => JSON.parse(e.payload) as unknown)).toEqual([
      { person: 'ada', n: 0 },
      { person: 'ada', n: 1 },
      { person: 'ada', n: 2 },
    ]);
  });
});
