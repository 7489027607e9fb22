/**
 * The fault replays as functions that replays.test.ts runs concurrently (they mostly wait on Attio's rate
 * limit and retries). Nothing lost, nothing twice: a generated PLG month replayed through each adapter
 * against an Attio that throttles, fails, drops connections, never answers and answers 502 after applying
 * a write leaves exactly the CRM a fault-free run leaves — read back through the API.
 */
import { expect } from 'vitest';
import type { Via } from '../../src/cli/delivery.js';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import {
  FAULTS,
  comparable,
  sharedEmails,
  creations,
  crmOf,
  followUpsLinkDealPeople,
  faultCounts,
  replayUntilSettled,
  startAttio,
  type Stream,
} from '../support/reliability.js';

type Crm = Awaited<ReturnType<typeof crmOf>>;

/** The CRM of a fault-free run of the stream through `via`, computed once per adapter and shared. */
const baselines = new Map<Via, Promise<{ crm: Crm; requests: number }>>();

export function baselineOf(
  via: Via,
  stream: Stream,
  emulators: EmulatorHandle[],
): Promise<{ crm: Crm; requests: number }> {
  let baseline = baselines.get(via);
  if (baseline === undefined) {
    baseline = (async () => {
      const emulator = await startAttio();
      emulators.push(emulator);
      expect((await replayUntilSettled(via, emulator, stream.file)).failed).toBe(0);
      const requests = emulator.requests.length;
      const crm = await crmOf(emulator);
      // Replayed a second time: nothing is created and nothing changes.
      emulator.reset();
      expect((await replayUntilSettled(via, emulator, stream.file)).failed).toBe(0);
      expect(emulator.requests.length).toBeGreaterThan(0);
      expect(creations(emulator.requests), 'creations on the second replay').toEqual([]);
      expect(await crmOf(emulator), 'the CRM after a second replay').toEqual(crm);
      return { crm, requests };
    })();
    baselines.set(via, baseline);
  }
  return baseline;
}

/**
 * The stream through `via`: fault-free it holds every workflow's output, and a second replay creates nothing;
 * under every Attio failure and its rate limit it ends in the same CRM, none missing, none twice.
 */
export async function faultReplay(via: Via, stream: Stream, emulators: EmulatorHandle[]): Promise<void> {
  expect(sharedEmails(stream.events)).toEqual([]);
  const { crm: baseline } = await baselineOf(via, stream, emulators);
  expect(baseline.people.length).toBeGreaterThan(10);
  expect(baseline.companies.length).toBeGreaterThan(2);
  expect(baseline.deals.length).toBeGreaterThan(0);
  expect(baseline.tasks.length).toBeGreaterThan(0);
  expect(baseline.notes.length).toBeGreaterThan(0);
  expect(baseline.entries['active_trials']?.length).toBeGreaterThan(0);
  expect(followUpsLinkDealPeople(baseline)).toBe(true);

  const emulator = await startAttio(FAULTS, 11);
  emulators.push(emulator);
  const run = await replayUntilSettled(via, emulator, stream.file);
  expect(run.failed).toBe(0);
  const faults = faultCounts(emulator.requests);
  // Every injected kind happened. The emulator's own limiter is on too, but whether it fires depends on how
  // fast this machine sends, so it is not required here (test/emulator and the bench exercise it).
  for (const kind of ['429', '503', 'reset', 'timeout', 'after-commit-502'])
    expect(faults[kind] ?? 0, kind).toBeGreaterThan(0);
  const crm = await crmOf(emulator);
  expect(comparable(crm)).toEqual(comparable(baseline));
  expect(followUpsLinkDealPeople(crm)).toBe(true);
}
