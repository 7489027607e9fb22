/**
 * Effectively once across processes: Segment runs a destination on many workers and RudderStack runs
 * several transformer pods, so one event can be delivered by two processes at the same moment, and no lock
 * inside one reaches the other. Three separate processes — the built CLI, two through the RudderStack path
 * and one through the Segment path — deliver the same month at the same time into one Attio that fails
 * (503s, dropped connections, writes applied and then answered 502). Deals converge on their unique key,
 * notes and tasks on their key markers; the CRM must equal a single clean run's, with the default
 * configuration, on the plg-demo workspace and on a new one made ready by `attio-plg setup --apply`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { afterAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CLI, CLI_BUILT } from '../support/cli.js';
import { REPS } from '../support/e2e.js';
import { readDomains, readText } from '../../src/core/attio/values.js';
import {
  comparable,
  crmOf,
  faultCounts,
  followUpsLinkDealPeople,
  readerFor,
  writeStream,
} from '../support/reliability.js';

// Only emulators on loopback and subprocesses here (see replays.test.ts for why nock's interception is lifted).
nock.restore();

const FAULTS = '503=0.05,reset=0.02,after-commit-502=0.03';
const stream = writeStream();
const emulators: EmulatorHandle[] = [];
afterAll(async () => {
  await Promise.all(emulators.map((e) => e.close()));
});

async function attio(seed: 'plg-demo' | 'empty', faults?: number): Promise<EmulatorHandle> {
  const emulator = await startEmulator({
    seed,
    ...(faults === undefined ? {} : { faults: `${FAULTS},seed=${faults}` }),
  });
  emulators.push(emulator);
  seedOf.set(emulator, seed);
  return emulator;
}

/**
 * The default configuration, but for budgets above the local emulator's pace and, on plg-demo, its reps (a
 * new workspace has only its admin, who then owns the deals).
 */
function configFile(seed: 'plg-demo' | 'empty', extra: Record<string, unknown> = {}): string {
  const path = join(mkdtempSync(join(tmpdir(), 'attio-plg-processes-')), 'config.json');
  writeFileSync(
    path,
    JSON.stringify({
      ...(seed === 'plg-demo' ? { salesReps: REPS } : {}),
      readsPerSecond: 2000,
      writesPerSecond: 2000,
      ...extra,
    }),
  );
  return path;
}
const CONFIG = { 'plg-demo': configFile('plg-demo'), empty: configFile('empty') };
/** Account qualification on: the account's score opens its deal, as `dealTrigger: "account"` asks. */
const ACCOUNT_CONFIG = configFile('plg-demo', { dealTrigger: 'account' });
const seedOf = new Map<EmulatorHandle, 'plg-demo' | 'empty'>();
const configOf = new Map<EmulatorHandle, string>();

/** The built CLI as a process of its own; resolves with its exit code and output. */
function cli(
  args: string[],
  emulator: EmulatorHandle,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        CLI,
        ...args,
        '--config',
        configOf.get(emulator) ?? CONFIG[seedOf.get(emulator) ?? 'plg-demo'],
        '--api-url',
        emulator.url,
      ],
      {
        env: { PATH: process.env.PATH, ATTIO_API_KEY: EMULATOR_API_KEY },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const replay = (via: 'rudderstack' | 'segment', emulator: EmulatorHandle) =>
  cli(['replay', stream.file, '--via', via, '--json'], emulator);

/** `setup --apply`, again while Attio fails (as a user runs it again): each run creates only what is still missing. */
async function setUp(emulator: EmulatorHandle): Promise<void> {
  let last = '';
  for (let run = 1; run <= 5; run++) {
    const result = await cli(['setup', '--apply'], emulator);
    if (result.code === 0) return;
    last = `${result.stdout}${result.stderr}`;
  }
  throw new Error(`attio-plg setup --apply did not make the workspace ready in five runs:\n${last.slice(-2000)}`);
}

/** The summary line of a `replay --json` run. */
function summaryOf(run: { stdout: string; stderr: string }): { applied: number; failed: number } {
  const line = run.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(line) as { applied: number; failed: number };
  } catch {
    throw new Error(`no summary line: ${run.stderr.slice(-2000)}`);
  }
}

async function cleanRun(seed: 'plg-demo' | 'empty') {
  const emulator = await attio(seed);
  if (seed === 'empty') await setUp(emulator);
  const run = await replay('rudderstack', emulator);
  expect(summaryOf(run).failed, run.stderr).toBe(0);
  return crmOf(emulator);
}

describe.skipIf(!CLI_BUILT)('three processes delivering one month at the same time', () => {
  for (const [seed, faults] of [
    ['plg-demo', 21],
    ['empty', 22],
  ] as const) {
    it.concurrent(
      `${seed === 'empty' ? 'a new workspace after attio-plg setup --apply' : 'plg-demo'}: the CRM of one clean run, every deal, task and note once`,
      async () => {
        const baseline = cleanRun(seed);
        const emulator = await attio(seed, faults);
        if (seed === 'empty') await setUp(emulator);
        emulator.reset();
        const runs = await Promise.all([
          replay('rudderstack', emulator),
          replay('rudderstack', emulator),
          replay('segment', emulator),
        ]);
        for (const run of runs) expect([run.code, summaryOf(run).failed], run.stderr.slice(-2000)).toEqual([0, 0]);
        const faultsSeen = faultCounts(emulator.requests);
        expect(Object.keys(faultsSeen).sort()).toEqual(expect.arrayContaining(['503', 'after-commit-502', 'reset']));

        const crm = await crmOf(emulator);
        const clean = await baseline;
        expect(crm.deals.length).toBeGreaterThan(0);
        expect(crm.tasks.length).toBeGreaterThan(0);
        expect(followUpsLinkDealPeople(crm)).toBe(true);
        expect(comparable(crm)).toEqual(comparable(clean));
      },
      300_000,
    );
  }
});

describe.skipIf(!CLI_BUILT)('three processes with account qualification on (dealTrigger: account)', () => {
  /** The domains of the companies that hold an account qualification (`account_qualified_at`). */
  async function qualifiedAccounts(emulator: EmulatorHandle): Promise<string[]> {
    const domains: string[] = [];
    for await (const company of readerFor(emulator).queryAllRecords('companies'))
      if (readText(company, 'account_qualified_at') !== undefined) domains.push(readDomains(company)[0] ?? '');
    return domains.sort();
  }

  it('each qualified account has its one deal, note and follow-up; a clean run qualifies accounts too', async () => {
    const clean = await attio('plg-demo');
    configOf.set(clean, ACCOUNT_CONFIG);
    expect(summaryOf(await replay('rudderstack', clean)).failed).toBe(0);
    const emulator = await attio('plg-demo', 23);
    configOf.set(emulator, ACCOUNT_CONFIG);
    emulator.reset();
    const runs = await Promise.all([
      replay('rudderstack', emulator),
      replay('rudderstack', emulator),
      replay('segment', emulator),
    ]);
    for (const run of runs) expect([run.code, summaryOf(run).failed], run.stderr.slice(-2000)).toEqual([0, 0]);
    expect(Object.keys(faultCounts(emulator.requests))).toEqual(expect.arrayContaining(['503', 'reset']));

    // Which accounts qualify, and when, follows the order in which processes store different people's
    // signals (platforms order one person's events, not an account's): the rule is once per account.
    const crm = await crmOf(emulator);
    expect((await crmOf(clean)).deals.some((deal) => deal.name?.startsWith('PQL - '))).toBe(true);
    const pqlDeals = crm.deals.filter((deal) => deal.name?.startsWith('PQL - '));
    expect(pqlDeals.length).toBeGreaterThan(0);
    expect(pqlDeals.map((deal) => deal.company).sort()).toEqual(await qualifiedAccounts(emulator));
    for (const { name } of pqlDeals) {
      expect(crm.notes.filter((note) => note.startsWith(`${name} | PQA Qualified |`))).toHaveLength(1);
      expect(crm.tasks.filter((task) => task.startsWith(`PQL Follow-up | ${name},`))).toHaveLength(1);
    }
    expect(followUpsLinkDealPeople(crm)).toBe(true);
  }, 300_000);
});
