import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import type { EventResult } from '../../src/core/engine.js';
import { EventEngine } from '../../src/pipeline.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { crmState, group, identify, milestone, REPS, signedUp, usage, WARM } from '../e2e/support.js';
import { randomBatch, tenUsersBatch, TEN_USERS_MERGED_REQUESTS_PER_USER } from './batches.js';

/** An emulator and an engine on it; the engine's client budgets are raised so that tests run fast. */
async function workspace() {
  const emulator = await startEmulator({ seed: 'plg-demo' });
  opened.push(emulator);
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS });
  const connection = (reads = 10_000) => createAttioConnection({ apiUrl: emulator.url, apiKey: EMULATOR_API_KEY, readsPerSecond: reads, writesPerSecond: 10_000, retry: { baseDelayMs: 5, maxDelayMs: 50 } });
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
  const events = [identify('warm.up@warm.io', 1), signedUp('warm.up@warm.io', 1), milestone('warm.up@warm.io', 'Integration Connected', 2), usage('warm.up@warm.io', 3, WARM)];
  for (const event of events) expect((await engine.processEvent(event)).status).toBe('applied');
}

function expectApplied(results: EventResult[]): void {
  expect(results.filter((r) => r.status !== 'applied').map((r) => r.failure)).toEqual([]);
}

describe('requests per coalesced batch (warm schema cache)', () => {
  it('100 events from 10 users cost what the 10 users’ merged work costs, under a third of one-by-one', async () => {
    const batched = await workspace();
    await warm(batched.engine);
    batched.takeRequests();
    expectApplied(await batched.engine.processBatch(tenUsersBatch()));
    const coalesced = batched.takeRequests();
    expect(coalesced).toHaveLength(10 * TEN_USERS_MERGED_REQUESTS_PER_USER);

    const single = await workspace();
    await warm(single.engine);
    single.takeRequests();
    for (const event of tenUsersBatch()) expectApplied([await single.engine.processEvent(event)]);
    const oneByOne = single.takeRequests();
    expect(coalesced.length * 3).toBeLessThan(oneByOne.length);
  });

  it('a signup, a new milestone and a usage summary of one person: one company, one person assert, one entry, one update, one note', async () => {
    const { engine, takeRequests } = await workspace();
    await warm(engine);
    takeRequests();
    const results = await engine.processBatch([signedUp('jane.doe@acme.com', 1), milestone('jane.doe@acme.com', 'Data Imported', 2), usage('jane.doe@acme.com', 3, WARM)]);
    expectApplied(results);
    expect(takeRequests()).toEqual([
      'PUT /v2/objects/companies/records',
      'PUT /v2/objects/people/records',
      'PUT /v2/lists/active_trials/entries',
      expect.stringMatching(/^PATCH \/v2\/objects\/people\/records\//),
      'POST /v2/notes',
    ]);
    expect(results.map((r) => r.outcomes.map((o) => o.workflow))).toEqual(Array(3).fill(['signup', 'milestone', 'pql']));
  });

  it('a repeated batch costs one person assert and one note look-up per person', async () => {
    const { engine, takeRequests } = await workspace();
    await warm(engine);
    const batch = [milestone('jane.doe@acme.com', 'Data Imported', 2), milestone('jane.doe@acme.com', 'Invite Sent', 3), usage('jane.doe@acme.com', 3, WARM)];
    expectApplied(await engine.processBatch(batch));
    takeRequests();
    const again = batch.map((event) => ({ ...(event as object), messageId: `${(event as { messageId: string }).messageId}-again` }));
    expectApplied(await engine.processBatch(again));
    expect(takeRequests()).toEqual([
      'PUT /v2/objects/people/records',
      expect.stringMatching(/^PATCH \/v2\/objects\/people\/records\//),
      'GET /v2/notes',
      'GET /v2/notes',
    ]);
  });

  it('an invalid event is rejected on its own; its person’s other events still merge', async () => {
    const { engine, takeRequests } = await workspace();
    await warm(engine);
    takeRequests();
    const invalid = { ...(usage('jane.doe@acme.com', 4, {}) as object), properties: {} };
    const results = await engine.processBatch([signedUp('jane.doe@acme.com', 1), invalid, milestone('jane.doe@acme.com', 'Data Imported', 2)]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]?.failure).toMatchObject({ category: 'invalid-event', field: 'properties' });
    expect(takeRequests()).toHaveLength(5);
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
      usage('jane.doe@acme.com', 2, { integrations_connected: 2, team_invites: 3, records_imported: 500, logins_7d: 9 }),
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
    const [day4, day5, day6] = [group('ws_acme', 'acme.com', 4, { logins_7d: 9, team_invites: 3 }), group('ws_acme', 'acme.com', 5, { plan: 'pro' }), group('ws_acme', 'acme.com', 6, { name: 'Acme Corp' })];
    const batch = [day4, day6, day5];
    for (const event of [day4, day5, day6]) expectApplied([await single.engine.processEvent(event)]);
    single.takeRequests();
    expectApplied(await batched.engine.processBatch(batch));
    expect(await crmState(batched.reader)).toEqual(await crmState(single.reader));
    expect((await crmState(batched.reader)).companies).toEqual([{ domain: 'acme.com', name: 'Acme Corp' }]);
  });
});
