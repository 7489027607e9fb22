import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { generateLabelledEvents } from '../../src/sample/generate.js';
import { crmState } from '../support/e2e.js';
import { CLI_BUILT, jsonSummary, runCli } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'attio-plg-cli-'));
const config = join(dir, 'config.json');
const sample = join(dir, 'sample.jsonl');
let expected = { valid: 0, invalid: 0, ignored: 0, total: 0 };

beforeAll(() => {
  writeFileSync(
    config,
    JSON.stringify({
      salesReps: ['alex.rivera@plg-demo.test', 'sam.chen@plg-demo.test'],
      readsPerSecond: 2000,
      writesPerSecond: 2000,
    }),
  );
  const lines: string[] = [];
  for (const labelled of generateLabelledEvents({ seed: 7, companies: 6 })) {
    lines.push(JSON.stringify(labelled.event));
    expected.total++;
    if (labelled.expect === 'invalid') expected.invalid++;
    if (labelled.expect === 'ignored') expected.ignored++;
  }
  expected = { ...expected, valid: expected.total - expected.invalid };
  writeFileSync(sample, `${lines.join('\n')}\n`);
});

const emulators: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(emulators.splice(0).map((e) => e.close()));
});

async function emulator(options: Parameters<typeof startEmulator>[0] = {}): Promise<EmulatorHandle> {
  const started = await startEmulator({ seed: 'plg-demo', ...options });
  emulators.push(started);
  return started;
}

const env = (url: string, key = EMULATOR_API_KEY) => ({ ATTIO_API_KEY: key, ATTIO_API_URL: url });

describe.skipIf(!CLI_BUILT)('attio-plg replay', () => {
  it('replays through each adapter, and directly, to the same CRM, ending with the JSON summary line', async () => {
    const viaSegment = await emulator();
    const viaRudder = await emulator();
    const viaDirect = await emulator();
    const [segment, rudder, direct] = await Promise.all([
      runCli(['replay', sample, '--via', 'segment', '--config', config, '--json'], env(viaSegment.url)),
      runCli(
        ['replay', sample, '--via', 'rudderstack', '--config', config, '--json', '--concurrency', '8'],
        env(viaRudder.url),
      ),
      runCli(
        ['replay', sample, '--via', 'direct', '--config', config, '--json', '--batch-size', '1000'],
        env(viaDirect.url),
      ),
    ]);
    for (const run of [segment, rudder, direct]) {
      expect(run.code, run.stderr).toBe(0);
      const summary = jsonSummary(run);
      expect(Object.keys(summary)).toEqual([
        'events',
        'applied',
        'rejected',
        'failed',
        'requests',
        'durationMs',
        'byWorkflow',
        'rejectedByReason',
      ]);
      // Every rejection is counted under its reason.
      expect(Object.values(summary.rejectedByReason as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
        summary.rejected,
      );
      expect(summary).toMatchObject({ events: expected.total, failed: 0 });
      expect(summary.requests).toBeGreaterThan(0);
      // Every invalid event is rejected (Segment's schema also takes a few malformed values it does not use).
      expect(summary.rejected).toBeGreaterThanOrEqual(expected.invalid - 5);
      expect(summary.rejected).toBeLessThanOrEqual(expected.invalid);
    }
    expect(jsonSummary(rudder).rejected).toBe(expected.invalid);
    expect(jsonSummary(direct).rejected).toBe(expected.invalid);
    // The direct path's batches hold whole histories, so it needs the fewest requests.
    expect(Number(jsonSummary(direct).requests)).toBeLessThan(Number(jsonSummary(rudder).requests));
    const read = (url: string) =>
      crmState(createAttioConnection({ apiUrl: url, apiKey: EMULATOR_API_KEY, readsPerSecond: 5000 }).client);
    // Colleagues are processed concurrently, so which of them qualified first (the PQL task's person and
    // deadline) depends on arrival order; everything else must be identical.
    const comparable = (state: Awaited<ReturnType<typeof crmState>>) => ({
      ...state,
      tasks: state.tasks.map((t) =>
        t.startsWith('PQL Follow-up')
          ? t
              .split(' | ')
              .filter((_, i) => i !== 1 && i !== 3)
              .join(' | ')
          : t,
      ),
    });
    const [a, b, c] = (await Promise.all([read(viaSegment.url), read(viaRudder.url), read(viaDirect.url)])).map(
      comparable,
    ) as ReturnType<typeof comparable>[];
    expect(a?.people.length).toBeGreaterThan(10);
    expect(a?.deals.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('larger batches coalesce one person’s events into fewer requests and apply the same events', async () => {
    const small = await emulator();
    const large = await emulator();
    const [a, b] = await Promise.all([
      runCli(['replay', sample, '--config', config, '--json', '--batch-size', '5'], env(small.url)),
      runCli(
        ['replay', sample, '--config', config, '--json', '--batch-size', '500', '--concurrency', '1'],
        env(large.url),
      ),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(Number(jsonSummary(b).requests)).toBeLessThan(Number(jsonSummary(a).requests));
    expect(jsonSummary(b).applied).toBe(jsonSummary(a).applied);
  });

  it('lists rejected events with their reasons and still exits 0', async () => {
    const target = await emulator();
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [
        JSON.stringify({
          type: 'track',
          event: 'Signed Up',
          messageId: 'b1',
          timestamp: '2024-11-01T00:00:00Z',
          userId: 'u1',
          traits: { email: 'not-an-email' },
        }),
        'this is not json',
        '',
      ].join('\n'),
    );
    const run = await runCli(['replay', bad, '--config', config], env(target.url));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Rejected events (2), by reason:');
    expect(run.stdout).toContain('traits.email: must be a valid email address');
    expect(run.stdout).toMatch(/line 2 is not valid JSON/);
    expect(target.requests.filter((r) => r.write)).toEqual([]);
  });

  it('exits 1 when events cannot be delivered, and never prints the API key', async () => {
    const target = await emulator();
    const key = 'sk_wrong_key_never_print_me';
    const run = await runCli(['replay', sample, '--config', config, '--json'], env(target.url, key));
    expect(run.code).toBe(1);
    // Untracked events need no request and are done; every other valid event fails on the 401.
    expect(jsonSummary(run)).toMatchObject({
      rejected: expected.invalid,
      failed: expected.total - expected.invalid - expected.ignored,
    });
    expect(`${run.stdout}${run.stderr}`).not.toContain(key);
    expect(run.stderr).toMatch(/401/);
    // The first 20 are listed, then how many more.
    const failed = Number(jsonSummary(run).failed);
    expect(run.stderr).toContain(`Events that could not be delivered (${failed}):`);
    expect(run.stderr.match(/^ {2}line \d+ /gm)).toHaveLength(20);
    expect(run.stderr).toContain(`\n  and ${failed - 20} more\n`);
  });

  it('exits 2 with a clear message when the API key is missing or the URL would leak it', async () => {
    const noKey = await runCli(['replay', sample], { ATTIO_API_URL: 'http://127.0.0.1:1' });
    expect([noKey.code, noKey.stderr.trim()]).toEqual([
      2,
      'attio-plg: configuration: ATTIO_API_KEY: is not set: export your Attio access token as ATTIO_API_KEY',
    ]);
    const plain = await runCli(['replay', sample, '--api-url', 'http://attio.example.com'], { ATTIO_API_KEY: 'k' });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain('apiUrl: must use https');
    const batch = await runCli(['replay', sample, '--batch-size', '0'], { ATTIO_API_KEY: 'k' });
    expect([batch.code, batch.stderr]).toEqual([
      2,
      'attio-plg: --batch-size must be a whole number from 1 to 1000, got "0"\n',
    ]);
    const usage = await runCli(['replay'], {});
    expect([usage.code, usage.stderr]).toEqual([2, "attio-plg: missing required argument 'FILE.jsonl'\n"]);
  });
});
