/**
 * Segment builds an engine per call, and delivers events concurrently: two people of one account who
 * qualify at the same moment must still open one PQL deal with one follow-up task (found by the fault
 * replays, where retries bunch such events together).
 */
import type { SegmentEvent } from '@segment/actions-core';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { QUALIFYING, REPS, signedUp, usage } from '../support/e2e.js';
import { actionsCore, destinationAt } from '../support/segment.js';
import { crmOf } from '../support/reliability.js';

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('one account’s people qualifying at once through Segment', () => {
  it('open one PQL deal and one follow-up task, with both people on the deal', async () => {
    emulator = await startEmulator({ seed: 'plg-demo' });
    const destination = destinationAt(emulator.url);
    const runtime = new actionsCore.Destination(destination);
    const subscriptions = (destination.presets ?? []).map((preset) => ({
      ...preset,
      mapping: { ...preset.mapping, sales_reps: REPS },
    }));
    const settings = { apiKey: EMULATOR_API_KEY, subscriptions } as never;
    const deliver = (event: object) => runtime.onEvent(event as SegmentEvent, settings);
    const people = ['ana@racing.io', 'ben@racing.io', 'cy@racing.io', 'dee@racing.io'];
    for (const email of people) await deliver(signedUp(email, 1));

    await Promise.all(people.map((email) => deliver(usage(email, 2, QUALIFYING))));

    const crm = await crmOf(emulator);
    expect(crm.deals.map((d) => [d.name, d.people])).toEqual([['PQL - racing.io', people]]);
    expect(crm.tasks.filter((t) => t.startsWith('PQL Follow-up'))).toHaveLength(1);
  });
});
