/**
 * Delivery shapes platforms produce besides plain retries: many partitions at once with one user's events
 * spread over many small batches, and a connector killed half way through a replay and run again.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, type EmulatorHandle } from '../../src/emulator/index.js';
import { REPS } from '../e2e/support.js';
import { CLI, CLI_BUILT } from '../cli/support.js';
import { FAULTS, comparable, creations, crmOf, replayUntilSettled, startAttio, writeStream } from './support.js';

type Crm = Awaited<ReturnType<typeof crmOf>>;

const stream = writeStream();
const emulators: EmulatorHandle[] = [];
let baseline: Crm;
let baselineRequests = 0;

async function attio(faults?: string, seed?: number): Promise<EmulatorHandle> {
  const emulator = await startAttio(faults, seed);
  emulators.push(emulator);
  return emulator;
}

beforeAll(async () => {
  const emulator = await attio();
  expect((await replayUntilSettled('rudderstack', emulator, stream.file)).failed).toBe(0);
  baselineRequests = emulator.requests.length;
  baseline = await crmOf(emulator);
}, 60_000);

afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

/** The user with the most events in the stream. */
function busiestUser(): string {
  const counts = new Map<string, number>();
  for (const { event } of stream.events) if (typeof event['userId'] === 'string') counts.set(event['userId'], (counts.get(event['userId']) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

describe('many partitions at once', () => {
  it('at concurrency 8 in batches of 10, under faults, one user’s events interleaved with everyone’s still apply in order', async () => {
    const emulator = await attio(FAULTS, 23);
    const user = busiestUser();
    const batchesWithUser: number[] = [];
    let batches = 0;
    const watch = (events: readonly unknown[]): void => {
      batches++;
      const own = events.filter((e) => (e as { userId?: unknown }).userId === user).length;
      if (own > 0) batchesWithUser.push(own);
    };
    const run = await replayUntilSettled('rudderstack', emulator, stream.file, { concurrency: 8, batchSize: 10, watch });

    expect(run.failed).toBe(0);
    expect(batches).toBeGreaterThan(28);
    // The user's events travel in many batches, each delivered while other partitions deliver theirs.
    expect(batchesWithUser.length).toBeGreaterThan(3);
    expect(comparable(await crmOf(emulator))).toEqual(comparable(baseline));
  }, 90_000);
});

describe('a connector killed half way', () => {
  it.skipIf(!CLI_BUILT)('after SIGKILL mid-batch, replaying the whole file again gives the CRM of one clean run', async () => {
    const emulator = await attio();
    const dir = mkdtempSync(join(tmpdir(), 'attio-plg-crash-'));
    const configPath = join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify({ salesReps: REPS, readsPerSecond: 2000, writesPerSecond: 2000 }));
    const child = spawn(process.execPath, [CLI, 'replay', stream.file, '--via', 'rudderstack', '--config', configPath, '--api-url', emulator.url, '--json'], {
      env: { PATH: process.env.PATH, ATTIO_API_KEY: EMULATOR_API_KEY },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    // Kill it once half the clean run's requests have reached Attio: some workflows are half done.
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (emulator.requests.length >= baselineRequests / 2) {
          clearInterval(check);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
    });
    expect(await exited).toBe('SIGKILL');
    const partial = await crmOf(emulator);
    expect(partial.people.length).toBeGreaterThan(0);
    expect(partial).not.toEqual(baseline);

    expect((await replayUntilSettled('rudderstack', emulator, stream.file)).failed).toBe(0);
    // Partitions had progressed unevenly when it died, so people's relative order differs: compared as the fault replays are.
    expect(comparable(await crmOf(emulator))).toEqual(comparable(baseline));

    emulator.reset();
    expect((await replayUntilSettled('segment', emulator, stream.file)).failed).toBe(0);
    expect(creations(emulator.requests)).toEqual([]);
  }, 60_000);
});
