/**
 * The fault-replay suite, one file per adapter so that the two run in parallel. Nothing lost, nothing twice: a generated PLG month replayed through each adapter against an Attio that
 * throttles, fails, drops connections, never answers and answers 502 after applying a write leaves exactly
 * the CRM a fault-free run leaves — read back through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Via } from '../../src/cli/delivery.js';
import type { EmulatorHandle } from '../../src/emulator/index.js';
import { FAULTS, comparable, sharedEmails, creations, crmOf, followUpsLinkDealPeople, faultCounts, replayUntilSettled, startAttio, writeStream, type Stream } from './support.js';

type Crm = Awaited<ReturnType<typeof crmOf>>;

export function describeFaultReplay(via: Via): void {
  const stream: Stream = writeStream();
  const emulators: EmulatorHandle[] = [];
  afterAll(async () => {
    await Promise.all(emulators.map((e) => e.close()));
  });

  async function attio(faults?: string, seed?: number): Promise<EmulatorHandle> {
    const emulator = await startAttio(faults, seed);
    emulators.push(emulator);
    return emulator;
  }

  describe(`through the ${via} adapter`, () => {
    let baseline: Crm;
    let faultFree: EmulatorHandle;

    beforeAll(async () => {
      const emulator = await attio();
      const run = await replayUntilSettled(via, emulator, stream.file);
      expect(run.failed).toBe(0);
      baseline = await crmOf(emulator);
      faultFree = emulator;
    }, 60_000);

    it('the fault-free run holds every workflow’s output', () => {
      expect(sharedEmails(stream.events)).toEqual([]);
      expect(baseline.people.length).toBeGreaterThan(10);
      expect(baseline.companies.length).toBeGreaterThan(2);
      expect(baseline.deals.length).toBeGreaterThan(0);
      expect(baseline.tasks.length).toBeGreaterThan(0);
      expect(baseline.notes.length).toBeGreaterThan(0);
      expect(baseline.entries['active_trials']?.length).toBeGreaterThan(0);
      expect(followUpsLinkDealPeople(baseline)).toBe(true);
    });

    it('the stream replayed a second time creates nothing and changes nothing', async () => {
      const emulator = faultFree;
      emulator.reset();
      const again = await replayUntilSettled(via, emulator, stream.file);
      expect(again.failed).toBe(0);
      expect(emulator.requests.length).toBeGreaterThan(0);
      expect(creations(emulator.requests)).toEqual([]);
      expect(await crmOf(emulator)).toEqual(baseline);
    }, 60_000);

    it('under every Attio failure and its rate limit, ends in the same CRM: none missing, none twice', async () => {
      const emulator = await attio(FAULTS, 11);
      const run = await replayUntilSettled(via, emulator, stream.file);
      expect(run.failed).toBe(0);
      const faults = faultCounts(emulator.requests);
      for (const kind of ['429', '503', 'reset', 'timeout', 'after-commit-502', 'rate-limited']) expect(faults[kind] ?? 0, kind).toBeGreaterThan(0);
      const crm = await crmOf(emulator);
      expect(comparable(crm)).toEqual(comparable(baseline));
      expect(followUpsLinkDealPeople(crm)).toBe(true);
    }, 100_000);
  });
}
