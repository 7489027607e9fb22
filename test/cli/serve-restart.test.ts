/**
 * Restart-safe: `attio-plg serve` is killed with SIGKILL (no shutdown at all) at several points — right
 * after the deliveries were acknowledged, and twice in the middle of the drain — and started again on the
 * same data directory each time. The CRM it ends with is the one a clean run makes of the same deliveries:
 * every acknowledged event applied, none twice (the events of a run cut short are run again, and every
 * workflow finds what the first run wrote). The emulator's rate limit is on, above Attio's so the test is
 * quick. The events are a generated month (signups, milestones, usage, handoffs, groups, with invalid and
 * redelivered events among them) of one user per account: the drain runs people in parallel, so an account
 * with several users who qualify opens its one deal for whichever of them gets there first, in a clean run
 * too; with one user each, a clean run's CRM is the only right answer.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { isPersonalDomain } from '../../src/core/domains/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { generatePlgEvents } from '../../src/sample/generate.js';
import { crmState, REPS } from '../support/e2e.js';
import { CLI_BUILT, startServe, type Served } from '../support/cli.js';
import { freshDataDir } from '../support/receiver.js';

const SECRET = 'restart-test-write-key-0123456789';
const LIMITS = { readsPerSecond: 400, writesPerSecond: 100 };
const EVENTS = oneUserPerAccount([...generatePlgEvents({ companies: 30, seed: 7 })]);
const BATCHES = Array.from({ length: Math.ceil(EVENTS.length / 100) }, (_, i) => EVENTS.slice(i * 100, (i + 1) * 100));

/** The events of each account's first user (and of every user with a personal address, an account alone). */
function oneUserPerAccount(events: Array<Record<string, unknown>>): Array<Record<string, unknown>> {
  const firstUser = new Map<string, string>();
  const kept = new Set<string>();
  const field = (value: unknown, key: string) =>
    value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  for (const event of events) {
    const email = [
      field(event.traits, 'email'),
      field(field(event.context, 'traits'), 'email'),
      field(event.properties, 'email'),
    ].find((v): v is string => typeof v === 'string' && v.includes('@'));
    if (email === undefined || typeof event.userId !== 'string') continue;
    const domain = email.split('@')[1] as string;
    if (isPersonalDomain(domain)) kept.add(event.userId);
    else if (!firstUser.has(domain)) {
      firstUser.set(domain, event.userId);
      kept.add(event.userId);
    }
  }
  return events.filter((event) => typeof event.userId === 'string' && kept.has(event.userId));
}

const dir = mkdtempSync(join(tmpdir(), 'attio-plg-restart-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ salesReps: REPS, ...LIMITS }));
const env = (attio: EmulatorHandle) => ({
  ATTIO_API_KEY: EMULATOR_API_KEY,
  ATTIO_API_URL: attio.url,
  ATTIO_PLG_WEBHOOK_SECRET: SECRET,
});

const running: Array<Served | EmulatorHandle> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await ('stop' in r ? r.stop('SIGKILL') : r.close());
});

async function serve(attio: EmulatorHandle, dataDir: string): Promise<Served> {
  const served = await startServe(env(attio), ['--config', config, '--data-dir', dataDir]);
  running.push(served);
  return served;
}

/** Every batch through the SDK endpoint; the answers (200, or 400 for a batch with an invalid event). */
async function deliverAll(url: string): Promise<number[]> {
  const answers: number[] = [];
  for (const batch of BATCHES) {
    const response = await fetch(`${url}/v1/batch`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ batch }),
    });
    answers.push(response.status);
  }
  return answers;
}

async function untilDrained(url: string): Promise<void> {
  while (!(await (await fetch(`${url}/metrics`)).text()).includes('\nattio_plg_queue_depth 0\n'))
    await new Promise((resolve) => setTimeout(resolve, 100));
}

const successfulWrites = (attio: EmulatorHandle) =>
  attio.requests.filter((r) => r.write && r.status >= 200 && r.status < 300).length;

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe.skipIf(!CLI_BUILT)('serve killed with SIGKILL and started again', () => {
  it('ends in the exact CRM of a clean run', async () => {
    const clean = await startEmulator({ seed: 'plg-demo', rateLimit: LIMITS });
    running.push(clean);
    const once = await serve(clean, freshDataDir());
    const cleanAnswers = await deliverAll(once.url);
    await untilDrained(once.url);
    const cleanWrites = successfulWrites(clean);
    const expected = await crmState(createAttioConnection({ apiUrl: clean.url, apiKey: EMULATOR_API_KEY }).client);
    expect(expected.people.length).toBeGreaterThan(20);
    expect(expected.deals.length).toBeGreaterThan(0);

    const attio = await startEmulator({ seed: 'plg-demo', rateLimit: LIMITS });
    running.push(attio);
    const dataDir = freshDataDir();
    let current = await serve(attio, dataDir);
    expect(await deliverAll(current.url)).toEqual(cleanAnswers);
    // Killed right after the last acknowledgement, then twice mid-drain: after a quarter and after half of
    // the writes a clean run makes.
    const killedAt: number[] = [];
    for (const writes of [0, Math.round(cleanWrites / 4), Math.round(cleanWrites / 2)]) {
      await until(() => successfulWrites(attio) >= writes);
      await current.stop('SIGKILL');
      killedAt.push(successfulWrites(attio));
      current = await serve(attio, dataDir);
    }
    await untilDrained(current.url);
    const resumed = current.logLines().find((l) => String(l.msg).startsWith('resuming the queue'));
    expect(resumed?.queued).toBeGreaterThan(0);
    expect(killedAt[2]).toBeLessThan(cleanWrites);
    const actual = await crmState(createAttioConnection({ apiUrl: attio.url, apiKey: EMULATOR_API_KEY }).client);
    expect(actual).toEqual(expected);
    // Reported for the record: what the runs cut short cost in writes done again.
    console.info(
      `killed at ${killedAt.join(', ')} writes; ${successfulWrites(attio)} writes in all against ${cleanWrites} for a clean run`,
    );
  }, 180_000);
});
