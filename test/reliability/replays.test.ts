/**
 * Whole-stream replays against the emulator, run concurrently since each mostly waits on Attio's rate limit
 * and retries: the fault replays through both adapters (test/reliability/fault-replay.ts), many partitions
 * at once with one user's events spread over many batches, a replay killed half way and run again, and the
 * CLI's output scanned for the API key.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { REPS } from '../support/e2e.js';
import { CLI, CLI_BUILT } from '../support/cli.js';
import { baselineOf, faultReplay } from './fault-replay.js';
import {
  FAULTS,
  comparable,
  creations,
  crmOf,
  replayUntilSettled,
  startAttio,
  writeStream,
} from '../support/reliability.js';

// Only emulators on loopback here, so nock's interception (test/setup/no-network.ts) is lifted for this file.
// Its passthrough sockets about double the run's time, and under load a connect they cancel reaches got's
// request as a second error, after got's one-shot listener (mswjs/interceptors#753): an uncaught exception.
nock.restore();

const stream = writeStream();
const emulators: EmulatorHandle[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function attio(faults?: string, seed?: number): Promise<EmulatorHandle> {
  const emulator = await startAttio(faults, seed);
  emulators.push(emulator);
  return emulator;
}

function cliConfig(settings: Record<string, unknown> = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), 'attio-plg-cli-')), 'config.json');
  writeFileSync(path, JSON.stringify({ salesReps: REPS, readsPerSecond: 2000, writesPerSecond: 2000, ...settings }));
  return path;
}

/** The user with the most events in the stream. */
function busiestUser(): string {
  const counts = new Map<string, number>();
  for (const { event } of stream.events)
    if (typeof event['userId'] === 'string') counts.set(event['userId'], (counts.get(event['userId']) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

describe('replays of a generated PLG month', () => {
  it.concurrent(
    'through RudderStack (processRouterDest): a second replay creates nothing; under every Attio failure and its rate limit, the same CRM',
    () => faultReplay('rudderstack', stream, emulators),
    240_000,
  );

  it.concurrent(
    'through Segment (actions-core Destination runtime): a second replay creates nothing; under every Attio failure and its rate limit, the same CRM',
    () => faultReplay('segment', stream, emulators),
    240_000,
  );

  it.concurrent(
    'at concurrency 8 in batches of 10, under faults, one user’s events interleaved with everyone’s still apply in order',
    async () => {
      const emulator = await attio(FAULTS, 23);
      const user = busiestUser();
      const batchesWithUser: number[] = [];
      let batches = 0;
      const watch = (events: readonly unknown[]): void => {
        batches++;
        const own = events.filter((e) => (e as { userId?: unknown }).userId === user).length;
        if (own > 0) batchesWithUser.push(own);
      };
      const run = await replayUntilSettled('rudderstack', emulator, stream.file, {
        concurrency: 8,
        batchSize: 10,
        watch,
      });

      expect(run.failed).toBe(0);
      expect(batches).toBeGreaterThan(28);
      // The user's events travel in many batches, each delivered while other partitions deliver theirs.
      expect(batchesWithUser.length).toBeGreaterThan(3);
      const { crm: baseline } = await baselineOf('rudderstack', stream, emulators);
      expect(comparable(await crmOf(emulator))).toEqual(comparable(baseline));
    },
    240_000,
  );

  it.skipIf(!CLI_BUILT).concurrent(
    'killed with SIGKILL half way (mid-batch), then replayed whole: the CRM of one clean run',
    async () => {
      const { crm: baseline, requests: baselineRequests } = await baselineOf('rudderstack', stream, emulators);
      const emulator = await attio();
      const child = spawn(
        process.execPath,
        [
          CLI,
          'replay',
          stream.file,
          '--via',
          'rudderstack',
          '--config',
          // The emulator shares this worker with the file's other replays; under a full suite it can answer
          // late, and a timed-out request is not what this test is about.
          cliConfig({ requestTimeoutMs: 120_000 }),
          '--api-url',
          emulator.url,
          '--json',
        ],
        {
          env: { PATH: process.env.PATH, ATTIO_API_KEY: EMULATOR_API_KEY },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<NodeJS.Signals | null>((resolve) =>
        child.on('exit', (_code, signal) => resolve(signal)),
      );
      // Killed once half the clean run's requests have reached Attio: some workflows are half done. A replay
      // that ends before that fails here, with what it printed, rather than waiting out the test's timeout.
      await new Promise<void>((resolve, reject) => {
        const check = setInterval(() => {
          if (emulator.requests.length >= baselineRequests / 2) {
            clearInterval(check);
            child.kill('SIGKILL');
            resolve();
          }
        }, 5);
        void exited.then(() => {
          clearInterval(check);
          reject(new Error(`the replay ended before half its requests: ${stderr.slice(-2000)}`));
        });
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
    },
    240_000,
  );

  it.skipIf(!CLI_BUILT).concurrent(
    'the CLI prints no API key, through both adapters against a failing Attio, with the right key and a revoked one',
    async () => {
      const key = 'attio-live-key-7f3a9c1e5b2d4f6a8c0e';
      const emulator = await startEmulator({ seed: 'plg-demo', apiKey: key, faults: `${FAULTS},seed=3` });
      emulators.push(emulator);
      const small = writeStream({ companies: 2, seed: 5 });
      const config = cliConfig({ requestTimeoutMs: 300 });
      const run = (args: string[], apiKey: string) =>
        new Promise<string>((resolve, reject) => {
          const child = spawn(process.execPath, [CLI, ...args], {
            env: { PATH: process.env.PATH, ATTIO_API_KEY: apiKey },
            stdio: ['ignore', 'pipe', 'pipe'],
          });
          let output = '';
          child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
          child.on('error', reject);
          child.on('close', (code) => resolve(`${output}\nexit ${code}`));
        });
      const outputs = await Promise.all(
        ['rudderstack', 'segment'].flatMap((via) => [
          run(['replay', small.file, '--via', via, '--config', config, '--api-url', emulator.url], key),
          run(
            ['replay', small.file, '--via', via, '--config', config, '--api-url', emulator.url, '--json'],
            `${key}-revoked`,
          ),
        ]),
      );
      for (const output of outputs) {
        expect(output).toMatch(/applied|failed|rejected/);
        expect(output).not.toContain(key);
      }
      // The revoked key was refused (so the error paths ran and printed their reasons), yet not echoed.
      expect(outputs[1]).toMatch(/401|auth/i);
    },
    240_000,
  );
});
