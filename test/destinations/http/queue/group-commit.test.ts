/**
 * Group commit: deliveries arriving together share one transaction (one flush), none is answered before
 * that transaction is on the disk, and a failure answers every delivery of its group alike.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  EventQueue,
  QueueStore,
  QueueWriteError,
  type NewEvent,
} from '../../../../src/destinations/http/queue/index.js';

/** A real store that records each transaction and what was on the disk before it, or refuses to write. */
class RecordingStore extends QueueStore {
  readonly commits: number[] = [];
  refuse = false;

  override enqueue(events: readonly NewEvent[]): void {
    if (this.refuse)
      throw new QueueWriteError('the queue could not be written (SQLITE_IOERR): disk I/O error', 'SQLITE_IOERR');
    super.enqueue(events);
    this.commits.push(events.length);
  }
}

const queues: EventQueue[] = [];
afterEach(() => {
  for (const queue of queues.splice(0)) queue.close();
});
function recording() {
  const dataDir = mkdtempSync(join(tmpdir(), 'attio-plg-group-commit-'));
  const store = new RecordingStore({ dataDir });
  const queue = new EventQueue({ dataDir, store });
  queues.push(queue);
  return { store, queue, dataDir };
}
const delivery = (person: string, count = 2): NewEvent[] =>
  Array.from({ length: count }, (_, n) => ({ lane: person, payload: JSON.stringify({ person, n }) }));

describe('group commit', () => {
  it('a burst mapped without a turn of the loop is committed as it goes: a delivery joining a group older than 10 ms commits it', async () => {
    const { store, queue } = recording();
    let now = 1_000;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => now);
    try {
      const answered: string[] = [];
      const enqueue = (person: string) => queue.enqueue(delivery(person)).then(() => void answered.push(person));
      const all = [enqueue('ada')];
      now += 4;
      all.push(enqueue('bob'));
      // 4 ms after the first: still gathering, nothing on the disk yet.
      expect(store.commits).toEqual([]);
      now += 7;
      all.push(enqueue('cy'));
      // 11 ms: the three are committed at once, before the loop turns, and answered first.
      expect(store.commits).toEqual([6]);
      now += 1;
      all.push(enqueue('dee'));
      await Promise.all(all);
      expect(store.commits).toEqual([6, 2]);
      expect(answered).toEqual(['ada', 'bob', 'cy', 'dee']);
    } finally {
      clock.mockRestore();
    }
  });

  it('deliveries arriving together share one transaction, and each is answered only once all of it is on the disk', async () => {
    const { store, queue, dataDir } = recording();
    const onDiskAtAnswer: number[] = [];
    const answered = ['ada', 'bob', 'cy', 'dee', 'eve'].map((person) =>
      queue.enqueue(delivery(person)).then(() => {
        // Another connection reads the file: what it sees is committed.
        const reader = new QueueStore({ dataDir });
        onDiskAtAnswer.push(reader.stats().depth);
        reader.close();
      }),
    );
    expect(store.commits).toEqual([]);
    await Promise.all(answered);
    expect(store.commits).toEqual([10]);
    expect(onDiskAtAnswer).toEqual([10, 10, 10, 10, 10]);
  });

  it('a delivery arriving after a commit goes into the next one', async () => {
    const { store, queue } = recording();
    await Promise.all([queue.enqueue(delivery('ada')), queue.enqueue(delivery('bob', 3))]);
    await queue.enqueue(delivery('cy'));
    expect(store.commits).toEqual([5, 2]);
    expect(queue.stats().depth).toBe(7);
  });

  it('a transaction the disk refuses refuses every delivery of its group, none answered as stored; the next group goes on', async () => {
    const { store, queue } = recording();
    store.refuse = true;
    const outcomes = await Promise.allSettled([queue.enqueue(delivery('ada')), queue.enqueue(delivery('bob'))]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as QueueWriteError).code : o.status))).toEqual([
      'SQLITE_IOERR',
      'SQLITE_IOERR',
    ]);
    expect(queue.stats().depth).toBe(0);
    store.refuse = false;
    await queue.enqueue(delivery('cy'));
    expect(queue.stats().depth).toBe(2);
  });

  it('counts the events waiting for their commit against the bound', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attio-plg-group-commit-'));
    const queue = new EventQueue({ dataDir, bounds: { maxEvents: 4 } });
    queues.push(queue);
    expect(queue.admission().admit).toBe(true);
    const stored = queue.enqueue(delivery('ada', 4));
    expect(queue.stats().depth).toBe(0);
    expect(queue.admission().admit).toBe(false);
    await stored;
    expect(queue.admission().admit).toBe(false);
  });
});
