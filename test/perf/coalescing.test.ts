import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import type { EventResult } from '../../src/core/engine.js';
import { EventEngine } from '../../src/pipeline.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import {
  crmState,
  group,
  handoff,
  identify,
  milestone,
  QUALIFYING,
  REPS,
  signedUp,
  usage,
  WARM,
} from '../support/e2e.js';
import { randomBatch, tenUsersBatch, TEN_USERS_MERGED_WRITES_PER_USER } from './batches.js';

/** An emulator and an engine on it; the engine's client budgets are raised so that tests run fast. */
async function workspace() {
  const emulator = await startEmulator({ seed: 'plg-demo' });
  opened.push(emulator);
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS });
  const connection = (reads = 10_000) =>
    createAttioConnection({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: reads,
      writesPerSecond: 10_000,
      retry: { baseDelayMs: 5, maxDelayMs: 50 },
    });
  const engine = new EventEngine({ client: connection().client, config, maxRuns: 1, sleep: async () => {} });
  return {
    emulator,
    engine,
    reader: connection().client,
    /** Requests since the last call. */
    takeRequests() {
      const taken = emulator.requests.map((r) => `${r.method} ${r.path}`);
      emulator.reset();
      return taken;
    },
  };
}

const opened: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()));
});

/** Reads the workspace metadata once, so that counts are of the steady state. */
async function warm(engine: EventEngine): Promise<void> {
  const events = [
    identify('warm.up@warm.io', 1),
    signedUp('warm.up@warm.io', 1),
    milestone('warm.up@warm.io', 'Integration Connected', 2),
    usage('warm.up@warm.io', 3, WARM),
  ];
  for (const event of events) expect((await engine.processEvent(event)).status).toBe('applied');
}

function expectApplied(results: EventResult[]): void {
  expect(results.filter((r) => r.status !== 'applied').map((r) => r.failure)).toEqual([]);
}

/** The successful writes since the last call (Attio's 25-a-second budget), as `METHOD path` with ids left out. */
function writesOf(emulator: EmulatorHandle): string[] {
  const writes = emulator.requests
    .filter((r) => r.write && r.status >= 200 && r.status < 300)
    .map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/g, ':id')}`);
  emulator.reset();
  return writes;
}

const count = (items: string[]) =>
  items.reduce<Record<string, number>>((out, item) => ({ ...out, [item]: (out[item] ?? 0) + 1 }), {});

describe('writes per coalesced batch (warm schema cache)', () => {
  it('one person’s whole history in a batch: each object written once, and the person’s facts in one final write', async () => {
    const { engine, emulator } = await workspace();
    await warm(engine);
    writesOf(emulator);
    const history = tenUsersBatch().slice(0, 10);
    expectApplied(await engine.processBatch(history));
    expect(count(writesOf(emulator))).toEqual({
      'PUT /v2/objects/companies/records': 1,
      'PUT /v2/objects/people/records': 1,
      'PUT /v2/objects/users/records': 1,
      'PUT /v2/lists/active_trials/entries': 1,
      'POST /v2/notes': 3,
      'PATCH /v2/objects/people/records/:id': 1,
    });
  });

  it('100 events from 10 users cost their merged work, at most half the writes of one-by-one', async () => {
    const batched = await workspace();
    await warm(batched.engine);
    writesOf(batched.emulator);
    expectApplied(await batched.engine.processBatch(tenUsersBatch()));
    const coalesced = writesOf(batched.emulator);
    expect(coalesced).toHaveLength(10 * TEN_USERS_MERGED_WRITES_PER_USER);

    const single = await workspace();
    await warm(single.engine);
    writesOf(single.emulator);
    for (const event of tenUsersBatch()) expectApplied([await single.engine.processEvent(event)]);
    expect(coalesced.length * 2).toBeLessThanOrEqual(writesOf(single.emulator).length);
  });

  it('an account’s qualifiers in one batch: one deal, one task, each qualifier’s entry, note and one final write', async () => {
    const { engine, emulator, reader } = await workspace();
    await warm(engine);
    writesOf(emulator);
    const people = ['ada@acme.com', 'bob@acme.com', 'cy@acme.com'];
    expectApplied(
      await engine.processBatch([
        ...people.map((email) => signedUp(email, 1)),
        ...people.map((email, i) => usage(email, 2 + i, QUALIFYING)),
      ]),
    );
    expect(count(writesOf(emulator))).toEqual({
      'PUT /v2/objects/companies/records': 1,
      'PUT /v2/objects/people/records': 3,
      'PUT /v2/lists/active_trials/entries': 3,
      'PUT /v2/lists/pql_queue/entries': 3,
      'POST /v2/notes': 3,
      'POST /v2/objects/deals/records': 1,
      'POST /v2/tasks': 1,
      // The two later qualifiers join the deal's people; their lanes run apart, so one PATCH each.
      'PATCH /v2/objects/deals/records/:id': 2,
      // Each person's score, tier, explanation and completion marker, in one write after the rest.
      'PATCH /v2/objects/people/records/:id': 3,
    });
    const state = await crmState(reader);
    expect(state.deals.map((d) => [d.name, d.people])).toEqual([['PQL - acme.com', people]]);
    expect(state.tasks).toHaveLength(1);
  });

  it('a redelivered batch writes nothing: every comparison finds Attio already holds it', async () => {
    const { engine, emulator, reader } = await workspace();
    await warm(engine);
    const batch = [
      ...tenUsersBatch().slice(0, 20),
      group('ws_acme', 'acme.com', 3, { logins_7d: 9 }),
      usage('user0@company0.io', 9, QUALIFYING),
      handoff('user0@company0.io', 'Demo Requested', 10, { value: 5000 }),
    ];
    expectApplied(await engine.processBatch(batch));
    const before = await crmState(reader);
    writesOf(emulator);
    expectApplied(await engine.processBatch(batch));
    expect(writesOf(emulator)).toEqual([]);
    expect(await crmState(reader)).toEqual(before);
  });

  it('a signup, a new milestone and a usage summary of one person: every item keeps its own outcome', async () => {
    const { engine } = await workspace();
    await warm(engine);
    const results = await engine.processBatch([
      signedUp('jane.doe@acme.com', 1),
      milestone('jane.doe@acme.com', 'Data Imported', 2),
      usage('jane.doe@acme.com', 3, WARM),
    ]);
    expectApplied(results);
    expect(results.map((r) => r.outcomes.map((o) => o.workflow))).toEqual([['signup'], ['milestone'], ['pql']]);
  });

  it('an invalid event is rejected on its own; its person’s other events are still applied with one person write', async () => {
    const { engine, emulator } = await workspace();
    await warm(engine);
    writesOf(emulator);
    const invalid = { ...(usage('jane.doe@acme.com', 4, {}) as object), properties: {} };
    const results = await engine.processBatch([
      signedUp('jane.doe@acme.com', 1),
      invalid,
      milestone('jane.doe@acme.com', 'Data Imported', 2),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]?.failure).toMatchObject({ category: 'invalid-event', field: 'properties' });
    expect(count(writesOf(emulator))).toEqual({
      'PUT /v2/objects/companies/records': 1,
      'PUT /v2/objects/people/records': 1,
      'PUT /v2/lists/active_trials/entries': 1,
      'POST /v2/notes': 1,
      'PATCH /v2/objects/people/records/:id': 1,
    });
  });
});

describe('coalesced and one-by-one processing leave the same CRM', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`random batch ${seed}, on top of an earlier batch`, async () => {
      const history = randomBatch(seed + 100, 20);
      const batch = randomBatch(seed, 40);
      const single = await workspace();
      const batched = await workspace();
      for (const event of history) {
        await single.engine.processEvent(event);
        await batched.engine.processEvent(event);
      }
      const oneByOne: EventResult[] = [];
      for (const event of batch) oneByOne.push(await single.engine.processEvent(event));
      const coalesced = await batched.engine.processBatch(batch);
      expect(coalesced.map((r) => r.status)).toEqual(oneByOne.map((r) => r.status));
      expect(await crmState(batched.reader)).toEqual(await crmState(single.reader));
      expect(batched.takeRequests().length).toBeLessThan(single.takeRequests().length);
    });
  }

  it('an earlier qualifying usage summary still qualifies when a later one in the batch does not; the task is due after the qualifying one', async () => {
    const single = await workspace();
    const batched = await workspace();
    const batch = [
      signedUp('jane.doe@acme.com', 1),
      usage('jane.doe@acme.com', 3, { integrations_connected: 2, team_invites: 3, records_imported: 500 }),
      usage('jane.doe@acme.com', 5, WARM),
      usage('jane.doe@acme.com', 2, {
        integrations_connected: 2,
        team_invites: 3,
        records_imported: 500,
        logins_7d: 9,
      }),
    ];
    for (const event of batch) expectApplied([await single.engine.processEvent(event)]);
    expectApplied(await batched.engine.processBatch(batch));
    const state = await crmState(batched.reader);
    expect(state).toEqual(await crmState(single.reader));
    expect(state.people[0]).toMatchObject({ pqlScore: 30, pqlTier: 'warm' });
    expect(state.tasks).toEqual([expect.stringMatching(/^PQL Follow-up \| .* \| due 2024-11-04T10:00:00.000Z$/)]);
  });

  it('group calls of one account merge into one: latest traits by timestamp win, as one-by-one in time order leaves them', async () => {
    const single = await workspace();
    const batched = await workspace();
    const [day4, day5, day6] = [
      group('ws_acme', 'acme.com', 4, { logins_7d: 9, team_invites: 3 }),
      group('ws_acme', 'acme.com', 5, { plan: 'pro' }),
      group('ws_acme', 'acme.com', 6, { name: 'Acme Corp' }),
    ];
    const batch = [day4, day6, day5];
    for (const event of [day4, day5, day6]) expectApplied([await single.engine.processEvent(event)]);
    single.takeRequests();
    expectApplied(await batched.engine.processBatch(batch));
    expect(await crmState(batched.reader)).toEqual(await crmState(single.reader));
    expect((await crmState(batched.reader)).companies).toEqual([{ domain: 'acme.com', name: 'Acme Corp' }]);
  });
});
