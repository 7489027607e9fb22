/**
 * The drain on an injected clock, with a stand-in for the engine: which events each run gets, in which
 * order, and what becomes of them after each kind of outcome.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventResult } from '../../../../src/core/engine.js';
import type { Failure } from '../../../../src/core/failures.js';
import { Drainer, type DrainedEvent } from '../../../../src/destinations/http/queue/drain.js';
import { QueueStore } from '../../../../src/destinations/http/queue/store.js';

interface Ev {
  id: string;
  lane: string;
}
type Script = (event: Ev) => EventResult;

const stores: QueueStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

const THROTTLED: Failure = {
  category: 'throttled',
  message: 'Attio answered 429',
  retryable: true,
  retryAfterMs: 2_000,
};
const UNKNOWN: Failure = {
  category: 'unknown-person',
  message: 'userId: no Attio user with this userId yet',
  retryable: true,
};
const applied: EventResult = { status: 'applied', outcomes: [] };

/** A store, a clock, and a drain whose engine follows `script`; held events fail as the engine holds them. */
function setup(script: Script = () => applied, options: { concurrency?: number; giveUpAfterMs?: number } = {}) {
  const clock = { t: 1_000_000 };
  const store = new QueueStore({ dataDir: mkdtempSync(join(tmpdir(), 'attio-plg-drain-')), now: () => clock.t });
  stores.push(store);
  const runs: string[][] = [];
  const settled: DrainedEvent[] = [];
  const drain = new Drainer({
    store,
    now: () => clock.t,
    ...options,
    onSettled: (d) => settled.push(...d),
    apply: async (raws) => {
      const events = raws as Ev[];
      runs.push(events.map((e) => e.id));
      await Promise.resolve();
      let held: Failure | undefined;
      return events.map((event) => {
        if (held)
          return { status: 'failed', outcomes: [], failure: { ...held, message: `held back (${held.message})` } };
        const result = script(event);
        if (result.status === 'failed' && result.failure?.retryable) held = result.failure;
        return result;
      });
    },
  });
  const add = (...events: Ev[]) => store.enqueue(events.map((e) => ({ lane: e.lane, payload: JSON.stringify(e) })));
  return { clock, store, drain, runs, settled, add };
}
const ev = (lane: string, n: number): Ev => ({ id: `${lane}${n}`, lane });
const failed = (failure: Failure): EventResult => ({ status: 'failed', outcomes: [], failure });

describe('the drain', () => {
  it('runs each person’s whole queued history in one run, in order, and empties the queue', async () => {
    const { drain, store, runs, settled, add } = setup();
    add(ev('ada', 1), ev('bob', 1), ev('ada', 2));
    add(ev('ada', 3), ev('cy', 1));
    await drain.pump();
    expect(runs).toEqual([['ada1', 'ada2', 'ada3'], ['bob1'], ['cy1']]);
    expect(store.stats()).toEqual({ depth: 0, deadLetters: 0 });
    expect(settled.map((d) => [(d.raw as Ev).id, d.outcome])).toEqual(
      expect.arrayContaining([
        ['ada3', 'applied'],
        ['cy1', 'applied'],
      ]),
    );
  });

  it('a passing failure stays queued with its lane behind it, and is tried again after the backoff (Attio’s Retry-After when longer)', async () => {
    let throttle = 2;
    const { drain, store, clock, runs, add } = setup((e) =>
      e.id === 'ada1' && throttle-- > 0 ? failed(THROTTLED) : applied,
    );
    add(ev('ada', 1), ev('ada', 2), ev('bob', 1));
    await drain.pump();
    expect(runs).toEqual([['ada1', 'ada2'], ['bob1']]);
    expect(store.stats().depth).toBe(2);
    clock.t += 1_999;
    await drain.pump();
    expect(runs).toHaveLength(2);
    clock.t += 1;
    await drain.pump();
    expect(runs).toHaveLength(3);
    // Second attempt: the backoff (1 s doubling: 2 s) and the Retry-After (2 s) agree.
    clock.t += 1_999;
    await drain.pump();
    expect(runs).toHaveLength(3);
    clock.t += 1;
    await drain.pump();
    expect(runs.at(-1)).toEqual(['ada1', 'ada2']);
    expect(store.stats()).toEqual({ depth: 0, deadLetters: 0 });
  });

  it('a failure retrying will not fix goes to the dead letters with its reason; the person’s later events go on', async () => {
    const config: Failure = {
      category: 'config',
      message: 'pqlStage: deal stage "Qualified" does not exist',
      retryable: false,
    };
    const { drain, store, settled, add } = setup((e) =>
      e.id === 'ada1'
        ? failed(config)
        : e.id === 'bob1'
          ? {
              status: 'rejected',
              outcomes: [],
              failure: { category: 'attio-rejected', message: 'Attio refused a value', retryable: false },
            }
          : applied,
    );
    add(ev('ada', 1), ev('ada', 2), ev('bob', 1));
    await drain.pump();
    expect(store.stats()).toEqual({ depth: 0, deadLetters: 2 });
    expect(store.deadLetters().map((d) => [JSON.parse(d.payload).id, d.category, d.reason])).toEqual([
      ['ada1', 'config', 'pqlStage: deal stage "Qualified" does not exist'],
      ['bob1', 'attio-rejected', 'Attio refused a value'],
    ]);
    expect(settled.map((d) => [(d.raw as Ev).id, d.outcome])).toEqual([
      ['ada1', 'dead'],
      ['ada2', 'applied'],
      ['bob1', 'dead'],
    ]);
  });

  it('an event whose person is not known yet lets the person’s later events (its identify) go first, then runs', async () => {
    let identified = false;
    const { drain, store, clock, runs, add } = setup((e) => {
      if (e.id === 'ada2') identified = true;
      return e.id === 'ada1' && !identified ? failed(UNKNOWN) : applied;
    });
    add(ev('ada', 1), ev('ada', 2));
    await drain.pump();
    expect(runs).toEqual([['ada1', 'ada2'], ['ada2']]);
    expect(store.stats().depth).toBe(1);
    clock.t += 1_000;
    await drain.pump();
    expect(runs.at(-1)).toEqual(['ada1']);
    expect(store.stats().depth).toBe(0);
  });

  it('a passing failure that lasts past the give-up time becomes a dead letter', async () => {
    const { drain, store, clock, add } = setup(
      () => failed({ category: 'retryable', message: 'Attio answered 503', retryable: true }),
      { giveUpAfterMs: 3_600_000 },
    );
    add(ev('ada', 1));
    let runs = 0;
    for (; runs < 40 && store.stats().depth > 0; runs++) {
      await drain.pump();
      clock.t += 300_000;
    }
    // Tried at 0, then every 5 minutes (the clock's step, past the backoff) until an hour had passed.
    expect(runs).toBe(13);
    expect(store.deadLetters()).toEqual([
      expect.objectContaining({
        category: 'retryable',
        reason: 'still failing 1 h after it was queued: Attio answered 503',
      }),
    ]);
  });

  it('a passing failure that keeps coming back while other people’s events are applied is the event’s own: a dead letter after maxAttempts, and its lane goes on', async () => {
    const failing: Failure = { category: 'retryable', message: 'Attio answered 500', retryable: true };
    const { drain, store, clock, add } = setup((e) => (e.id === 'ada1' ? failed(failing) : applied));
    add(ev('ada', 1), ev('ada', 2));
    let runs = 0;
    for (; runs < 20 && store.stats().deadLetters === 0; runs++) {
      add(ev(`other${runs}`, 1)); // someone else's event, applied each round
      await drain.pump();
      clock.t += 300_000;
    }
    expect(runs).toBe(12);
    expect(store.deadLetters()).toEqual([
      expect.objectContaining({
        attempts: 12,
        reason: 'failed 12 times while other events were applied: Attio answered 500',
      }),
    ]);
    await drain.pump();
    expect(store.stats().depth).toBe(0);
  });

  it('during an outage (nothing applied) a passing failure is retried past maxAttempts', async () => {
    const { drain, store, clock, add } = setup(() =>
      failed({ category: 'retryable', message: 'Attio answered 503', retryable: true }),
    );
    add(ev('ada', 1));
    for (let i = 0; i < 20; i++) {
      await drain.pump();
      clock.t += 300_000;
    }
    expect(store.stats()).toMatchObject({ depth: 1, deadLetters: 0 });
  });

  it('an engine that throws leaves the events queued for another run', async () => {
    const { store, clock } = setup();
    let calls = 0;
    const drain = new Drainer({
      store,
      now: () => clock.t,
      apply: async (raws) => {
        if (calls++ === 0) throw new Error('boom');
        return raws.map(() => applied);
      },
    });
    store.enqueue([{ lane: 'ada', payload: '{}' }]);
    await drain.pump();
    expect(store.stats().depth).toBe(1);
    clock.t += 1_000;
    await drain.pump();
    expect(store.stats().depth).toBe(0);
  });

  it('runs at most `concurrency` lanes at once', async () => {
    const { store, clock } = setup();
    let inFlight = 0;
    let most = 0;
    const drain = new Drainer({
      store,
      now: () => clock.t,
      concurrency: 2,
      apply: async (raws) => {
        most = Math.max(most, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return raws.map(() => applied);
      },
    });
    store.enqueue(['a', 'b', 'c', 'd', 'e'].map((lane) => ({ lane, payload: '{}' })));
    await drain.pump();
    expect([most, store.stats().depth]).toEqual([2, 0]);
  });

  it('stop() finishes the runs in flight, starts no other, and leaves the rest on disk', async () => {
    const { store } = setup();
    let release: (() => void) | undefined;
    const started: string[] = [];
    const drain = new Drainer({
      store,
      concurrency: 1,
      apply: async (raws) => {
        started.push(...raws.map((r) => (r as Ev).id));
        await new Promise<void>((resolve) => (release = resolve));
        return raws.map(() => applied);
      },
    });
    store.enqueue([ev('ada', 1), ev('bob', 1)].map((e) => ({ lane: e.lane, payload: JSON.stringify(e) })));
    drain.start();
    expect(started).toEqual(['ada1']);
    const stopped = drain.stop(5_000);
    release?.();
    expect(await stopped).toBe(true);
    expect(started).toEqual(['ada1']);
    expect(store.stats().depth).toBe(1);
  });

  it('stop() gives up on a run that outlasts the grace period; its events stay queued', async () => {
    const { store } = setup();
    const drain = new Drainer({ store, apply: () => new Promise<EventResult[]>(() => {}) });
    store.enqueue([{ lane: 'ada', payload: '{}' }]);
    drain.start();
    expect(await drain.stop(20)).toBe(false);
    expect(store.stats().depth).toBe(1);
  });

  it('starts no new lane while deliveries keep arriving (deferWhile), and goes on once they stop', async () => {
    const { store } = setup();
    let arriving = true;
    const started: string[] = [];
    const drain = new Drainer({
      store,
      deferWhile: () => arriving,
      maxDeferMs: 60_000,
      apply: async (raws) => {
        started.push(...raws.map((r) => (r as Ev).id));
        return raws.map(() => applied);
      },
    });
    store.enqueue([ev('ada', 1)].map((e) => ({ lane: e.lane, payload: JSON.stringify(e) })));
    drain.start();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(started).toEqual([]);
    arriving = false;
    await drain.whenEmpty();
    expect(started).toEqual(['ada1']);
    await drain.stop();
  });
});
