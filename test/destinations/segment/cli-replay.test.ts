/**
 * `attio-plg replay --via segment` (the built CLI, as a user runs it) against an Attio that enforces its
 * rate limit (25 writes/s, 100 reads/s) and fails as the hidden mix does — 8% 429, 5% 503, 2%
 * dropped connections, 3% answered 502 after the write was applied — ends with every event applied and
 * the CRM a fault-free run leaves.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../../src/emulator/index.js';
import { CLI_BUILT, runCli } from '../../support/cli.js';
import { REPS } from '../../support/e2e.js';
import { comparable, crmOf, faultCounts, writeStream } from '../../support/reliability.js';

// Emulators on loopback only (see test/reliability/replays.test.ts on lifting nock's interception).
nock.restore();

const FAULT_MIX = '429=0.08,503=0.05,reset=0.02,after-commit-502=0.03';

const emulators: EmulatorHandle[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

describe.skipIf(!CLI_BUILT)('attio-plg replay --via segment under Attio’s rate limit and failures', () => {
  it('applies every event, and the CRM is the one a fault-free run leaves', async () => {
    const stream = writeStream();
    const config = join(mkdtempSync(join(tmpdir(), 'attio-plg-segment-cli-')), 'config.json');
    // Attio's own budgets (the defaults): the delivery paces itself to them.
    writeFileSync(config, JSON.stringify({ salesReps: REPS }));
    const clean = await startEmulator({ seed: 'plg-demo' });
    const faulty = await startEmulator({ seed: 'plg-demo', rateLimit: true, faults: `${FAULT_MIX},seed=13` });
    emulators.push(clean, faulty);
    const replay = (emulator: EmulatorHandle) =>
      runCli(
        ['replay', stream.file, '--via', 'segment', '--config', config, '--api-url', emulator.url, '--json'],
        { ATTIO_API_KEY: EMULATOR_API_KEY },
        300_000,
      );

    const [cleanRun, faultyRun] = await Promise.all([replay(clean), replay(faulty)]);

    const summaryOf = (run: { stdout: string }) =>
      JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as {
        events: number;
        applied: number;
        rejected: number;
        failed: number;
      };
    const [cleanSummary, faultySummary] = [summaryOf(cleanRun), summaryOf(faultyRun)];
    expect(faultyRun.code, faultyRun.stderr).toBe(0);
    expect(faultySummary).toMatchObject({
      events: stream.events.length,
      failed: 0,
      rejected: cleanSummary.rejected,
      applied: cleanSummary.applied,
    });
    expect(cleanSummary.applied).toBeGreaterThan(200);
    const faults = faultCounts(faulty.requests);
    for (const kind of ['429', '503', 'reset', 'after-commit-502']) expect(faults[kind] ?? 0, kind).toBeGreaterThan(0);

    const [cleanCrm, faultyCrm] = await Promise.all([crmOf(clean), crmOf(faulty)]);
    expect(cleanCrm.deals.length).toBeGreaterThan(0);
    expect(comparable(faultyCrm)).toEqual(comparable(cleanCrm));
  }, 300_000);
});
