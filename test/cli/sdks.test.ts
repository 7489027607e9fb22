/**
 * The official server SDKs, configured only as their READMEs say (a write key, and `host` or `dataPlaneUrl`
 * pointed at `attio-plg serve` on 127.0.0.1), send a product's PLG story; once the receiver's queue has
 * drained, the CRM in the emulator is read back. The SDKs talk only to loopback (test/setup refuses any
 * other host), and each test flushes its client, which clears the SDK's flush timer, so nothing is left
 * running.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Analytics } from '@segment/analytics-node';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { crmState, QUALIFYING, REPS } from '../support/e2e.js';
import { CLI_BUILT, startServe, type Served } from '../support/cli.js';

// RudderStack's SDK is CommonJS: `module.exports = Analytics`.
type RudderAnalytics = {
  identify(message: object): void;
  track(message: object): void;
  group(message: object): void;
  page(message: object): void;
  flush(): Promise<unknown>;
};
const Rudder = createRequire(import.meta.url)('@rudderstack/rudder-sdk-node') as new (
  writeKey: string,
  options: { dataPlaneUrl: string; errorHandler?: (error: unknown) => void },
) => RudderAnalytics;

const WRITE_KEY = 'sdk-write-key-0123456789abcdef';
const OTHER_WRITE_KEY = 'another-source-key-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'attio-plg-sdk-'));
const config = join(dir, 'config.json');
writeFileSync(config, JSON.stringify({ salesReps: REPS, readsPerSecond: 2000, writesPerSecond: 2000 }));

const running: Array<Served | EmulatorHandle> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await ('stop' in r ? r.stop() : r.close());
});

async function receiverAndAttio(
  faults?: string,
  args: string[] = [],
): Promise<{ serve: Served; attio: EmulatorHandle }> {
  const attio = await startEmulator({ seed: 'plg-demo', ...(faults ? { faults } : {}) });
  running.push(attio);
  const serve = await startServe(
    {
      ATTIO_API_KEY: EMULATOR_API_KEY,
      ATTIO_API_URL: attio.url,
      ATTIO_PLG_WEBHOOK_SECRET: `${OTHER_WRITE_KEY},${WRITE_KEY}`,
    },
    ['--config', config, ...args],
  );
  running.push(serve);
  return { serve, attio };
}

/** The receiver's /metrics, as text. */
const metricsOf = async (serve: Served) => (await fetch(`${serve.url}/metrics`)).text();

async function untilDrained(serve: Served): Promise<void> {
  while (!(await metricsOf(serve)).includes('\nattio_plg_queue_depth 0\n'))
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** One product's month in the SDK's own call shapes. */
function story(email: string, userId: string, groupId: string, domain: string) {
  return {
    identify: {
      userId,
      traits: { email, firstName: 'Ada', lastName: 'Lovelace', title: 'Head of Data', plan: 'trial' },
    },
    signup: { userId, event: 'Signed Up', properties: { email, plan: 'trial' } },
    group: { userId, groupId, traits: { name: 'Analytical Engines', website: `https://www.${domain}/about` } },
    milestone: { userId, event: 'Integration Connected', properties: { integration: 'slack' } },
    usage: { userId, event: 'Usage Summary', properties: QUALIFYING },
    handoff: {
      userId,
      event: 'Upgrade Requested',
      properties: { value: 24000, plan: 'business', reason: 'needs SSO' },
    },
    page: { userId, name: 'Pricing' },
  };
}

async function expectWholeStory(attio: EmulatorHandle, email: string, domain: string): Promise<void> {
  const crm = await crmState(
    createAttioConnection({ apiUrl: attio.url, apiKey: EMULATOR_API_KEY, readsPerSecond: 5000 }).client,
  );
  expect(crm.people).toEqual([
    expect.objectContaining({
      email,
      name: 'Ada Lovelace',
      company: domain,
      pqlScore: 100,
      pqlTier: 'hot',
      milestones: ['first_integration'],
    }),
  ]);
  expect(crm.companies).toEqual([{ domain, name: 'Analytical Engines' }]);
  expect(crm.entries.active_trials).toEqual([email]);
  expect(crm.entries.pql_queue).toEqual([email]);
  expect(crm.deals.map((d) => [d.stage, d.company, d.people])).toEqual(
    expect.arrayContaining([
      ['Product Qualified', domain, [email]],
      ['Sales Qualified', domain, [email]],
    ]),
  );
  expect(crm.deals).toHaveLength(2);
  expect(crm.tasks.map((t) => t.split(' | ')[0])).toEqual(
    expect.arrayContaining([expect.stringMatching(/^PQL Follow-up/), expect.stringMatching(/Handoff|Upgrade|Sales/)]),
  );
  expect(crm.notes.map((n) => n.split(' | ')[1])).toEqual(
    expect.arrayContaining(['Activation Milestone', 'PQL Qualified', 'PLG Handoff Context']),
  );
}

describe.skipIf(!CLI_BUILT)('the official SDKs against attio-plg serve', () => {
  it('@segment/analytics-node (writeKey + host): the whole PLG story ends in the CRM', async () => {
    const { serve, attio } = await receiverAndAttio();
    const analytics = new Analytics({ writeKey: WRITE_KEY, host: serve.url });
    const sent: string[] = [];
    const answers: number[] = [];
    const errors: unknown[] = [];
    analytics.on('http_request', (request) => sent.push(request.url));
    analytics.on('http_response', (response) => answers.push(response.status));
    analytics.on('error', (error) => errors.push(error));
    const calls = story('ada@analytical-engines.io', 'sdk-ada', 'ae-1', 'analytical-engines.io');
    analytics.identify(calls.identify);
    analytics.track(calls.signup);
    analytics.group(calls.group);
    analytics.track(calls.milestone);
    analytics.track(calls.usage);
    analytics.track(calls.handoff);
    analytics.page(calls.page);
    await analytics.closeAndFlush();

    expect(errors).toEqual([]);
    expect(answers).toEqual([200]);
    expect(sent).toEqual([`${serve.url}/v1/batch`]);
    await untilDrained(serve);
    await expectWholeStory(attio, 'ada@analytical-engines.io', 'analytical-engines.io');
    const delivery = serve.logLines().find((l) => l.msg === 'delivery accepted');
    expect(delivery).toMatchObject({
      route: '/v1/batch',
      status: 200,
      events: 7,
      accepted: 6,
      ignored: 1,
      rejected: 0,
      failed: 0,
    });
  });

  it('@rudderstack/rudder-sdk-node (writeKey + dataPlaneUrl, gzip as form data): the whole PLG story ends in the CRM', async () => {
    const { serve, attio } = await receiverAndAttio();
    const client = new Rudder(WRITE_KEY, { dataPlaneUrl: serve.url });
    const calls = story('grace@compilers.dev', 'sdk-grace', 'cc-1', 'compilers.dev');
    client.identify(calls.identify);
    client.track(calls.signup);
    client.group(calls.group);
    client.track(calls.milestone);
    client.track(calls.usage);
    client.track(calls.handoff);
    client.page(calls.page);
    await client.flush();

    await untilDrained(serve);
    await expectWholeStory(attio, 'grace@compilers.dev', 'compilers.dev');
    // The SDK sends its first call at once, the rest when flushed: two deliveries, both accepted.
    const deliveries = serve.logLines().filter((l) => String(l.msg).startsWith('delivery'));
    expect(deliveries.map((l) => [l.route, l.status, l.events])).toEqual([
      ['/v1/batch', 200, 1],
      ['/v1/batch', 200, 6],
    ]);
  });

  it('an invalid call is answered 400 naming the field, and the SDK drops it instead of retrying', async () => {
    const { serve, attio } = await receiverAndAttio();
    const analytics = new Analytics({ writeKey: WRITE_KEY, host: serve.url });
    const answers: number[] = [];
    const errors: string[] = [];
    analytics.on('http_response', (response) => answers.push(response.status));
    analytics.on('error', (error) => errors.push(String((error as { reason?: unknown }).reason)));
    analytics.identify({ userId: 'sdk-bad', traits: { email: 'not-an-email' } });
    await analytics.closeAndFlush();
    expect(answers).toEqual([400]);
    expect(errors).toEqual(['Error: [400] Bad Request']);
    expect(await metricsOf(serve)).toContain('attio_plg_queue_depth 0');
    const [line] = serve.logLines().filter((l) => String(l.msg).startsWith('delivery'));
    expect(line).toMatchObject({
      status: 400,
      rejected: 1,
      problems: [expect.objectContaining({ outcome: 'rejected', reason: expect.stringMatching(/^traits\.email: /) })],
    });
    expect(attio.requests.filter((r) => r.write)).toEqual([]);
  });

  it('while Attio is down both SDKs are answered 200 at once: the events wait in the queue, retried, and /ready says why', async () => {
    const { serve, attio } = await receiverAndAttio('503=1');
    const given: unknown[] = [];
    const rudder = new Rudder(WRITE_KEY, { dataPlaneUrl: serve.url, errorHandler: (error) => given.push(error) });
    rudder.identify({ userId: 'sdk-down', traits: { email: 'down@outage.io' } });
    await rudder.flush();
    const analytics = new Analytics({ writeKey: WRITE_KEY, host: serve.url });
    const answers: number[] = [];
    analytics.on('http_response', (response) => answers.push(response.status));
    analytics.track({ userId: 'sdk-down', event: 'Signed Up', properties: { email: 'down@outage.io' } });
    await analytics.closeAndFlush();
    expect([given, answers]).toEqual([[], [200]]);
    while (!/attio_plg_queue_retries_total\{workflow="signup"\} [1-9]/.test(await metricsOf(serve)))
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await metricsOf(serve)).toContain('attio_plg_queue_depth 2');
    expect(attio.requests.some((r) => r.fault === '503')).toBe(true);
    const ready = await fetch(`${serve.url}/ready`);
    expect(ready.status).toBe(503);
    await serve.stop('SIGKILL');
  }, 30_000);

  it('past the queue’s bound the receiver answers 429 with Retry-After, and Segment’s SDK waits it out instead of retrying at once', async () => {
    // Attio is down, so nothing drains: the first batch (15 calls) fills the queue to its bound.
    const { serve } = await receiverAndAttio('503=1', ['--queue-max-events', '15']);
    const analytics = new Analytics({ writeKey: WRITE_KEY, host: serve.url });
    const answers: Array<[number, string | undefined]> = [];
    analytics.on('http_response', (response) => answers.push([response.status, response.headers['retry-after']]));
    // Two full batches, sent at once: the second finds the queue at its bound.
    for (let i = 0; i < 30; i++)
      analytics.track({ userId: `sdk-${i}`, event: 'Signed Up', properties: { email: `p${i}@full.io` } });
    while (answers.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    // Either may be answered first: a refusal needs no commit, so it can overtake the first batch's answer.
    expect([...answers].sort(([a], [b]) => a - b)).toEqual([
      [200, undefined],
      [429, '60'],
    ]);
    // A 5xx would be retried within a second (its backoff starts at 0.5-1 s); a 429 waits its Retry-After.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(answers).toHaveLength(2);
    await analytics.closeAndFlush({ timeout: 10 });
    expect(serve.logLines().filter((l) => l.status === 429)).toEqual([
      expect.objectContaining({
        retryAfterSeconds: 60,
        msg: expect.stringMatching(/^delivery refused: the receiver's queue is full/),
      }),
    ]);
    // Not a test of shutdown: a graceful one would wait for the drain's run against the failing Attio.
    await serve.stop('SIGKILL');
  }, 30_000);

  it('cannot reach beyond loopback: an SDK left on its hosted default is refused here before any connection', async () => {
    const given: unknown[] = [];
    const client = new Rudder(WRITE_KEY, {
      dataPlaneUrl: 'https://hosted.rudderlabs.com',
      errorHandler: (error) => given.push(error),
    });
    client.track({ userId: 'sdk-x', event: 'Signed Up', properties: { email: 'x@y.io' } });
    await client.flush();
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ code: 'ENETUNREACH', message: expect.stringMatching(/Disallowed net connect/) });
  });

  it('refuses a write key it does not hold with 401 (the SDK drops the batch)', async () => {
    const { serve, attio } = await receiverAndAttio();
    const analytics = new Analytics({ writeKey: 'a-key-the-receiver-does-not-have', host: serve.url });
    const answers: number[] = [];
    analytics.on('http_response', (response) => answers.push(response.status));
    analytics.track({ userId: 'sdk-x', event: 'Signed Up', properties: { email: 'x@y.io' } });
    await analytics.closeAndFlush();
    expect(answers).toEqual([401]);
    expect(attio.requests.filter((r) => r.write)).toEqual([]);
    expect(serve.output()).not.toContain('a-key-the-receiver-does-not-have');
  });
});
