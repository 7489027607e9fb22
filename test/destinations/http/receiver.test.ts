/**
 * The receiver in-process as `serve` runs it: deliveries stored in the queue on disk and answered, the drain
 * taking them to the emulator. Tests that look at Attio wait for the drain (`whenEmpty`).
 */
import { createServer, type Server } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../../src/core/attio/index.js';
import { parseConfig, type PlgConfigInput } from '../../../src/core/config/index.js';
import { checkWorkspace } from '../../../src/core/setup/index.js';
import { EventEngine } from '../../../src/pipeline.js';
import { createReceiverLogger, type LogLevel } from '../../../src/destinations/http/log.js';
import { createReceiverMetrics, type ReceiverMetrics } from '../../../src/destinations/http/metrics.js';
import { QueueStore, QueueWriteError, type EventQueueOptions } from '../../../src/destinations/http/queue/index.js';
import {
  EMULATOR_API_KEY,
  startEmulator,
  type EmulatorHandle,
  type EmulatorOptions,
} from '../../../src/emulator/index.js';
import { group, identify, QUALIFYING, signedUp, usage, WARM } from '../../support/e2e.js';
import { CLI_BUILT, runCli, startServe } from '../../support/cli.js';
import { freshDataDir, startTestReceiver, type TestReceiver } from '../../support/receiver.js';

const SECRET = 'a-webhook-secret-of-some-length';
const SECOND_SOURCE = 'rudderstack-source-write-key-0001';
const JSON_HEADERS = { 'x-webhook-secret': SECRET, 'content-type': 'application/json' };
const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

interface Started {
  emulator: EmulatorHandle;
  receiver: TestReceiver;
  metrics: ReceiverMetrics;
  logs: Array<Record<string, unknown>>;
}

let current: Started | undefined;
afterEach(async () => {
  await current?.receiver.close();
  await current?.emulator.close();
  current = undefined;
});

async function start(
  options: {
    emulator?: EmulatorOptions;
    config?: Partial<PlgConfigInput>;
    /** The engine's configuration, where it differs from what the readiness check was given. */
    engineConfig?: Partial<PlgConfigInput>;
    maxBodyBytes?: number;
    logLevel?: LogLevel;
    retry?: Parameters<typeof createAttioConnection>[0]['retry'];
    clientKey?: string;
    queue?: Partial<EventQueueOptions>;
    readyMaxAgeMs?: number;
  } = {},
): Promise<Started> {
  const emulator = await startEmulator({ seed: 'plg-demo', ...options.emulator });
  const config = parseConfig({
    apiKey: options.clientKey ?? EMULATOR_API_KEY,
    apiUrl: emulator.url,
    ...options.config,
  });
  const logs: Array<Record<string, unknown>> = [];
  const logger = createReceiverLogger(options.logLevel ?? 'info', {
    write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>),
  });
  const metrics = createReceiverMetrics({ defaultMetrics: false });
  const { client } = createAttioConnection({
    apiUrl: emulator.url,
    apiKey: config.apiKey,
    retry: options.retry ?? { maxAttempts: 1 },
    observe: metrics.attempt,
  });
  const engineConfig = options.engineConfig ? parseConfig({ ...config, ...options.engineConfig }) : config;
  const receiver = await startTestReceiver({
    engine: new EventEngine({ client, config: engineConfig }),
    secret: `${SECRET},${SECOND_SOURCE}`,
    maxBodyBytes: options.maxBodyBytes,
    logger,
    metrics,
    check: () => checkWorkspace(client, config),
    onReadyState: (s) => metrics.ready(s.ready),
    queue: options.queue,
    readyMaxAgeMs: options.readyMaxAgeMs,
  });
  current = { emulator, receiver, metrics, logs };
  return current;
}

const post = (path: string, body: unknown, headers: Record<string, string> = JSON_HEADERS) =>
  fetch(`${current?.receiver.url}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : body instanceof Uint8Array ? arrayBufferOf(body) : JSON.stringify(body),
  });
const arrayBufferOf = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const get = (path: string) => fetch(`${current?.receiver.url}${path}`);
const writes = () => current?.emulator.requests.filter((r) => r.write).map((r) => `${r.method} ${r.path}`) ?? [];
const drained = () => current?.receiver.drainer.whenEmpty();

describe('webhook deliveries', () => {
  it('answers 200 once a Segment batch is stored; the drain then applies it', async () => {
    await start();
    const response = await post('/', {
      batch: [signedUp('jane.doe@acme.com', 1), usage('jane.doe@acme.com', 2, WARM)],
    });
    expect([response.status, await response.json()]).toEqual([200, { success: true, accepted: 2 }]);
    await drained();
    expect(writes()).toContain('PUT /v2/lists/active_trials/entries');
    expect(current?.receiver.queue.stats()).toEqual({ depth: 0, deadLetters: 0 });
  });

  it('takes a single event or an array (RudderStack webhook payloads)', async () => {
    await start();
    expect((await post('/', signedUp('a.b@acme.com', 1))).status).toBe(200);
    expect((await post('/', [signedUp('c.d@acme.com', 1)])).status).toBe(200);
  });

  it('answers 400 naming each invalid event, after storing the valid ones; the invalid one is never stored', async () => {
    await start({ emulator: { faults: '503=1' } });
    const bad = { ...signedUp('x@acme.com', 1), context: { traits: { email: { $ne: null } } } };
    const response = await post('/', { batch: [signedUp('ok@acme.com', 1), bad] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      success: false,
      accepted: 1,
      rejected: [
        { index: 1, messageId: bad.messageId, reason: 'context.traits.email: must be a string, got an object' },
      ],
    });
    // Attio is down, so what was stored is still queued: the valid event alone.
    expect(current?.receiver.queue.stats().depth).toBe(1);
  });

  it('refuses a missing or wrong secret, a body that is not JSON, and GET on the delivery path, before storing anything', async () => {
    await start();
    const event = signedUp('a@acme.com', 1);
    expect((await post('/', event, { 'content-type': 'application/json' })).status).toBe(401);
    expect(
      (await post('/', event, { 'x-webhook-secret': `${SECRET}x`, 'content-type': 'application/json' })).status,
    ).toBe(401);
    expect(
      (
        await post('/', event, {
          authorization: basic('not-one-of-the-secrets-at-all'),
          'content-type': 'application/json',
        })
      ).status,
    ).toBe(401);
    const xml = await post('/', '<event/>', { 'x-webhook-secret': SECRET, 'content-type': 'application/xml' });
    expect([xml.status, await xml.json()]).toEqual([
      415,
      { error: 'content-type must be JSON (application/json, text/plain, application/x-www-form-urlencoded)' },
    ]);
    expect(
      (await post('/', '{not json', { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' })).status,
    ).toBe(400);
    expect((await get('/')).status).toBe(405);
    expect((await get('/nowhere')).status).toBe(404);
    expect(current?.receiver.queue.stats()).toEqual({ depth: 0, deadLetters: 0 });
    expect(current?.emulator.requests.filter((r) => r.path !== '/v2/self')).toEqual([]);
  });

  it('caps the body after decompression, so a small gzip bomb is refused too', async () => {
    await start({ maxBodyBytes: 1024 });
    const large = { batch: [{ ...signedUp('a@acme.com', 1), properties: { padding: 'x'.repeat(2000) } }] };
    expect((await post('/', large)).status).toBe(413);
    const bomb = gzipSync(
      JSON.stringify({ batch: [{ ...signedUp('a@acme.com', 1), properties: { padding: ' '.repeat(1_000_000) } }] }),
    );
    expect(bomb.length).toBeLessThan(1024 * 4);
    expect((await post('/', bomb, { ...JSON_HEADERS, 'content-encoding': 'gzip' })).status).toBe(413);
    expect(current?.receiver.queue.stats().depth).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('while Attio fails now and then, answers 200 at once; the drain retries until every event is applied', async () => {
    await start({
      emulator: { faults: '503=0.3,429=0.1,seed=5' },
      retry: { maxAttempts: 6, baseDelayMs: 1, maxDelayMs: 5 },
    });
    const people = ['ann@acme.com', 'ben@beta.io', 'cat@gamma.dev'];
    const answers = await Promise.all(people.map((email) => post('/', [identify(email, 1), signedUp(email, 1)])));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    await drained();
    const trials =
      current?.emulator.requests.filter(
        (r) => r.method === 'PUT' && r.path === '/v2/lists/active_trials/entries' && r.status === 200,
      ) ?? [];
    expect(trials.length).toBeGreaterThanOrEqual(3);
    expect(current?.emulator.requests.some((r) => r.fault === '503')).toBe(true);
  });
});

describe('the queue at its limits', () => {
  it('past the bound on queued events: 429 with Retry-After, and nothing of that delivery is stored', async () => {
    // Attio is down, so nothing drains: the first delivery fills the queue to its bound of 2.
    await start({ emulator: { faults: '503=1' }, queue: { bounds: { maxEvents: 2 } } });
    expect((await post('/', [signedUp('a@acme.com', 1), signedUp('b@acme.com', 1)])).status).toBe(200);
    const refused = await post('/', signedUp('c@acme.com', 1));
    expect(refused.status).toBe(429);
    // Nothing drained lately: the pace is unknown, so a minute.
    expect(refused.headers.get('retry-after')).toBe('60');
    expect(((await refused.json()) as { error: string }).error).toBe(
      "the receiver's queue is full (the queue holds 2 events (bound 2)): retry after 60 s",
    );
    expect(current?.receiver.queue.stats().depth).toBe(2);
    expect(current?.logs.find((l) => l.status === 429)).toMatchObject({
      level: 40,
      retryAfterSeconds: 60,
      msg: expect.stringMatching(/^delivery refused: the receiver's queue is full/),
    });
  });

  it('past the bound on the oldest event’s age: 429, and /ready fails while the oldest is older than its own bound', async () => {
    const clock = { t: Date.now() };
    await start({
      emulator: { faults: '503=1' },
      queue: { now: () => clock.t, bounds: { maxAgeMs: 600_000 } },
      readyMaxAgeMs: 300_000,
    });
    expect((await post('/', signedUp('a@acme.com', 1))).status).toBe(200);
    expect((await get('/ready')).status).toBe(503); // Attio is down: the workspace check cannot run.
    clock.t += 300_001;
    const ready = (await (await get('/ready')).json()) as { problems: Array<{ subject: string; problem: string }> };
    expect(ready.problems).toContainEqual(
      expect.objectContaining({
        subject: 'queue',
        problem: 'the oldest of 1 queued events is 300 s old (bound 300 s): the drain is not keeping up',
      }),
    );
    expect((await post('/', signedUp('b@acme.com', 1))).status).toBe(200);
    clock.t += 300_000;
    const refused = await post('/', signedUp('c@acme.com', 1));
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([429, '60']);
  });

  it('a store that cannot write (a full disk) answers 503 with Retry-After, never 200; nothing reaches Attio', async () => {
    class FullDisk extends QueueStore {
      override enqueue(): void {
        throw new QueueWriteError(
          'the queue could not be written (SQLITE_FULL): database or disk is full',
          'SQLITE_FULL',
        );
      }
    }
    const dataDir = freshDataDir();
    await start({ queue: { dataDir, store: new FullDisk({ dataDir }) } });
    const response = await post('/', [signedUp('a@acme.com', 1)]);
    expect([response.status, response.headers.get('retry-after'), await response.json()]).toEqual([
      503,
      '30',
      { error: 'the receiver could not store the delivery (its disk is full): retry later' },
    ]);
    expect(writes()).toEqual([]);
    expect(current?.logs.find((l) => l.level === 50)).toMatchObject({
      code: 'SQLITE_FULL',
      msg: 'the queue could not be written: the disk is full',
    });
  });

  it('concurrent deliveries whose shared commit the disk refuses are each answered 503 with Retry-After, none 200', async () => {
    class FailingDisk extends QueueStore {
      override enqueue(): void {
        throw new QueueWriteError('the queue could not be written (SQLITE_IOERR): disk I/O error', 'SQLITE_IOERR');
      }
    }
    const dataDir = freshDataDir();
    await start({ queue: { dataDir, store: new FailingDisk({ dataDir }) } });
    const responses = await Promise.all(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => post('/', [signedUp(`${name}@acme.com`, 1)])),
    );
    expect(responses.map((r) => [r.status, r.headers.get('retry-after')])).toEqual(responses.map(() => [503, '30']));
    expect(current?.receiver.queue.stats().depth).toBe(0);
    expect(writes()).toEqual([]);
  });

  it('SQLite’s own full-disk error (a capped database) answers 503; every delivery answered 200 is stored whole', async () => {
    await start({ emulator: { faults: '503=1' }, queue: { maxPageCount: 24 } });
    const padded = (n: number) => ({
      ...signedUp(`p${n}@acme.com`, 1),
      properties: { plan: 'trial', note: 'x'.repeat(3000) },
    });
    const statuses: number[] = [];
    for (let n = 0; n < 60 && !statuses.includes(503); n += 2)
      statuses.push((await post('/', [padded(n), padded(n + 1)])).status);
    expect(statuses.at(-1)).toBe(503);
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(current?.receiver.queue.stats().depth).toBe(2 * (statuses.length - 1));
  });
});

describe('the SDKs’ HTTP API (Segment HTTP Tracking API, RudderStack HTTP API)', () => {
  it('takes /v1/batch with the write key as Basic auth user name, from any of the configured sources', async () => {
    await start();
    const batch = {
      batch: [identify('ada@acme.com', 1), signedUp('ada@acme.com', 1)],
      sentAt: new Date().toISOString(),
      writeKey: SECRET,
    };
    const first = await post('/v1/batch', batch, { authorization: basic(SECRET), 'content-type': 'application/json' });
    expect([first.status, await first.json()]).toEqual([200, { success: true, accepted: 2 }]);
    const second = await post(
      '/v1/batch',
      { batch: [signedUp('bob@acme.com', 1)] },
      { authorization: basic(SECOND_SOURCE), 'content-type': 'application/json' },
    );
    expect(second.status).toBe(200);
    await drained();
    expect(writes().filter((w) => w === 'PUT /v2/lists/active_trials/entries')).toHaveLength(2);
  });

  it('takes one call on /v1/identify, /v1/track and /v1/group, its type given by the endpoint', async () => {
    await start();
    const auth = { authorization: basic(SECRET), 'content-type': 'application/json' };
    const { type: _identify, ...person } = identify('eve@acme.com', 1);
    const { type: _track, ...signup } = signedUp('eve@acme.com', 1);
    const { type: _group, ...account } = group('acme', 'acme.com', 1, {}, 'eve@acme.com');
    expect((await post('/v1/identify', person, auth)).status).toBe(200);
    expect((await post('/v1/track', signup, auth)).status).toBe(200);
    expect((await post('/v1/group', account, auth)).status).toBe(200);
    const wrong = await post('/v1/track', identify('eve@acme.com', 1), auth);
    expect([wrong.status, await wrong.json()]).toEqual([
      400,
      { error: 'type: must be "track" on /v1/track, got "identify"' },
    ]);
  });

  it('accepts page, screen and alias calls and ignores them (200, nothing stored, no request to Attio)', async () => {
    await start();
    const auth = { authorization: basic(SECRET), 'content-type': 'application/json' };
    const call = { userId: 'u-1', messageId: 'p-1', timestamp: new Date().toISOString() };
    for (const path of ['/v1/page', '/v1/screen', '/v1/alias'])
      expect((await post(path, { ...call, previousId: 'anon-1' }, auth)).status).toBe(200);
    const batch = await post(
      '/v1/batch',
      {
        batch: [
          { ...call, type: 'page', name: 'Pricing' },
          { ...call, messageId: 's-1', type: 'screen' },
        ],
      },
      auth,
    );
    expect([batch.status, await batch.json()]).toEqual([200, { success: true, accepted: 2 }]);
    expect(current?.receiver.queue.stats().depth).toBe(0);
    expect(current?.emulator.requests.filter((r) => r.path !== '/v2/self')).toEqual([]);
  });

  it('reads gzip JSON labelled as form data (RudderStack’s SDK) and deflate JSON labelled as text', async () => {
    await start();
    const gzipped = await post('/v1/batch', gzipSync(JSON.stringify({ batch: [signedUp('gz@acme.com', 1)] })), {
      authorization: basic(SECRET),
      'content-type': 'application/x-www-form-urlencoded',
      'content-encoding': 'gzip',
    });
    expect(gzipped.status).toBe(200);
    const deflated = await post('/v1/batch', deflateSync(JSON.stringify({ batch: [signedUp('df@acme.com', 1)] })), {
      authorization: basic(SECRET),
      'content-type': 'text/plain; charset=utf-8',
      'content-encoding': 'deflate',
    });
    expect(deflated.status).toBe(200);
    const unknownEncoding = await post('/v1/batch', 'x', {
      authorization: basic(SECRET),
      'content-type': 'application/json',
      'content-encoding': 'compress',
    });
    expect(unknownEncoding.status).toBe(415);
  });

  it('names what is wrong with a malformed SDK request', async () => {
    await start();
    const auth = { authorization: basic(SECRET), 'content-type': 'application/json' };
    const noBatch = await post('/v1/batch', { events: [] }, auth);
    expect([noBatch.status, await noBatch.json()]).toEqual([400, { error: 'batch: is required, an array of calls' }]);
    const unknown = await post('/v1/import', { batch: [] }, auth);
    expect(unknown.status).toBe(404);
    const nullCall = await post('/v1/batch', { batch: [null, 7] }, auth);
    expect(nullCall.status).toBe(400);
    expect(((await nullCall.json()) as { rejected: Array<{ reason: string }> }).rejected.map((r) => r.reason)).toEqual([
      'message: must be a JSON object',
      'message: must be a JSON object',
    ]);
  });
});

describe('operations', () => {
  it('/health answers while the process is alive, without a secret', async () => {
    await start();
    const response = await get('/health');
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);
  });

  it('/ready answers 200 when the workspace check passes, checking Attio once however often it is asked', async () => {
    await start();
    const answers = await Promise.all([get('/ready'), get('/ready'), get('/ready')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(await answers[0]?.json()).toMatchObject({ ready: true, problems: [] });
    expect(current?.emulator.requests.filter((r) => r.path === '/v2/self')).toHaveLength(1);
  });

  it('/ready answers 503 with the problem and its fix when Attio refuses the token', async () => {
    await start({ emulator: { apiKey: 'the-workspace-key' }, clientKey: 'a-revoked-key' });
    const response = await get('/ready');
    expect(response.status).toBe(503);
    const body = (await response.json()) as {
      ready: boolean;
      problems: Array<{ subject: string; problem: string; fix: string }>;
    };
    expect(body.ready).toBe(false);
    expect(body.problems[0]?.problem).toMatch(/401/);
    expect(JSON.stringify(body)).not.toContain('a-revoked-key');
  });

  it('a permanent problem (a stage the configuration names is not in the workspace): the event goes to the dead letters with its reason, /ready fails and the log says why', async () => {
    // The workspace changes under the running receiver: the check passed, then the stage the events need is
    // gone (the emulator cannot archive a stage, so the engine is given a stage the workspace lacks).
    await start({ engineConfig: { pqlStage: 'Qualified By Product' } });
    expect((await get('/ready')).status).toBe(200);
    expect((await post('/', signedUp('ada@acme.com', 1))).status).toBe(200);
    const qualifying = usage('ada@acme.com', 2, QUALIFYING);
    expect((await post('/', qualifying)).status).toBe(200);
    await drained();
    expect(current?.receiver.queue.store.deadLetters()).toEqual([
      expect.objectContaining({ category: 'config', reason: expect.stringMatching(/pqlStage/) }),
    ]);
    const ready = await get('/ready');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, deliveryFailure: expect.stringMatching(/pqlStage/) });
    expect(current?.logs.find((l) => l.level === 50)).toMatchObject({
      messageId: qualifying.messageId,
      category: 'config',
      msg: expect.stringMatching(
        /^event moved to the dead letters: .*pqlStage.*\(attio-plg queue retry puts it back\)$/,
      ),
    });
  });

  it('/metrics: events by workflow and outcome at intake and in the drain, the queue’s depth, oldest age and dead letters, Attio requests, latency histograms', async () => {
    await start();
    await post('/', {
      batch: [signedUp('ada@acme.com', 1), { ...signedUp('x@acme.com', 1), context: { traits: { email: 'nope' } } }],
    });
    await drained();
    const response = await get('/metrics');
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('attio_plg_events_total{workflow="signup",outcome="accepted"} 1');
    expect(text).toContain('attio_plg_events_total{workflow="signup",outcome="rejected"} 1');
    expect(text).toContain('attio_plg_queue_drained_events_total{workflow="signup",outcome="applied"} 1');
    expect(text).toContain('attio_plg_queue_depth 0');
    expect(text).toContain('attio_plg_queue_oldest_event_age_seconds 0');
    expect(text).toContain('attio_plg_queue_dead_letters 0');
    expect(text).toContain('attio_plg_deliveries_total{route="/",status="400"} 1');
    expect(text).toMatch(
      /attio_plg_attio_requests_total\{operation="PUT \/v2\/lists\/active_trials\/entries",status="200"\} 1/,
    );
    expect(text).toMatch(
      /attio_plg_attio_request_duration_seconds_bucket\{le="[\d.]+",operation="PUT \/v2\/objects\/people\/records"\} \d+/,
    );
    expect(text).toMatch(/attio_plg_delivery_duration_seconds_bucket\{le="0.005",route="\/"\} \d/);
    expect(text).toContain('# TYPE attio_plg_ready gauge');
    // Record ids never become labels.
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('/metrics: a queue waiting on Attio shows its depth and age, the drain’s retries, and dead letters', async () => {
    const clock = { t: Date.now() };
    await start({ emulator: { faults: '429=1' }, queue: { now: () => clock.t } });
    await post('/', [signedUp('ada@acme.com', 1), signedUp('bob@acme.com', 1)]);
    while (!(await (await get('/metrics')).text()).includes('attio_plg_queue_retries_total{workflow="signup"} 2'))
      await new Promise((resolve) => setTimeout(resolve, 20));
    clock.t += 42_000;
    const text = await (await get('/metrics')).text();
    expect(text).toContain('attio_plg_queue_depth 2');
    expect(text).toContain('attio_plg_queue_oldest_event_age_seconds 42');
    expect(text).toMatch(/attio_plg_attio_throttled_total\{operation="[^"]+"\} [1-9]/);
    current?.receiver.queue.store.settle({ done: [], retry: [], dead: [{ seq: 1, reason: 'r', category: 'config' }] });
    expect(await (await get('/metrics')).text()).toContain('attio_plg_queue_dead_letters 1');
  });

  it('/metrics counts Attio’s retries', async () => {
    await start({ emulator: { faults: '503=0.4,seed=3' }, retry: { maxAttempts: 8, baseDelayMs: 1, maxDelayMs: 2 } });
    await post('/', [identify('ada@acme.com', 1), signedUp('ada@acme.com', 1)]);
    await drained();
    const retried = await (await get('/metrics')).text();
    expect(retried).toMatch(/attio_plg_attio_retries_total\{operation="[^"]+"\} [1-9]/);
    expect(retried).toMatch(/attio_plg_attio_requests_total\{operation="[^"]+",status="503"\} [1-9]/);
  });

  it('logs one JSON line per delivery with messageIds, outcomes and reasons, and no secret or email', async () => {
    await start();
    const bad = { ...signedUp('x@acme.com', 1), messageId: 'bad-1', context: { traits: { email: 'not-an-email' } } };
    await post('/', { batch: [signedUp('jane.doe@acme.com', 1), bad] });
    await post('/', signedUp('a@acme.com', 1), { 'content-type': 'application/json' });
    await drained();
    const deliveries = current?.logs.filter((l) => l.route === '/') ?? [];
    expect(deliveries).toHaveLength(2);
    expect(deliveries[0]).toMatchObject({
      level: 30,
      service: 'attio-plg-receiver',
      status: 400,
      events: 2,
      accepted: 1,
      rejected: 1,
      messageIds: [expect.any(String), 'bad-1'],
      problems: [
        {
          index: 1,
          messageId: 'bad-1',
          outcome: 'rejected',
          category: 'invalid-event',
          reason: 'context.traits.email: must be a valid email address',
        },
      ],
    });
    expect(deliveries[1]).toMatchObject({
      level: 40,
      status: 401,
      msg: expect.stringMatching(/^delivery refused: missing or wrong webhook secret/),
    });
    const text = JSON.stringify(current?.logs);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain(SECOND_SOURCE);
    expect(text).not.toMatch(/jane\.doe|acme\.com/);
  });
});

describe.skipIf(!CLI_BUILT)('attio-plg serve', () => {
  const env = (attio: EmulatorHandle) => ({
    ATTIO_API_KEY: EMULATOR_API_KEY,
    ATTIO_API_URL: attio.url,
    ATTIO_PLG_WEBHOOK_SECRET: SECRET,
  });
  const emulators: EmulatorHandle[] = [];
  afterEach(async () => {
    await Promise.all(emulators.splice(0).map((e) => e.close()));
  });
  const attio = async (options: EmulatorOptions = {}) => {
    const started = await startEmulator({ seed: 'plg-demo', ...options });
    emulators.push(started);
    return started;
  };

  it('refuses to start without a webhook secret, in one line', async () => {
    const run = await runCli(['serve', '--port', '0'], {
      ATTIO_API_KEY: EMULATOR_API_KEY,
      ATTIO_API_URL: 'http://127.0.0.1:1',
    });
    expect([run.code, run.stderr]).toEqual([
      2,
      'attio-plg: set ATTIO_PLG_WEBHOOK_SECRET to a shared secret of at least 16 characters (several separated by commas)\n',
    ]);
  });

  it('says in one line that the port is taken, and exits 1', async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = await runCli(['serve', '--port', String(port), '--data-dir', freshDataDir()], env(await attio()));
      expect([run.code, run.stderr]).toEqual([
        1,
        `attio-plg: port ${port} on 127.0.0.1 is already in use: stop what is using it or choose another with --port\n`,
      ]);
    } finally {
      taken.close();
    }
  });

  it('accepts deliveries (200), rejects invalid events (400), and logs JSON lines on stdout', async () => {
    const healthy = await attio();
    const served = await startServe(env(healthy));
    const deliver = (body: unknown) =>
      fetch(served.url, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) });
    const answers = [
      (await deliver({ batch: [signedUp('jane.doe@acme.com', 1)] })).status,
      (await deliver({ ...signedUp('x@acme.com', 1), context: { traits: { email: 'nope' } } })).status,
    ];
    expect((await fetch(`${served.url}/health`)).status).toBe(200);
    expect((await fetch(`${served.url}/ready`)).status).toBe(200);
    expect(await (await fetch(`${served.url}/metrics`)).text()).toContain('attio_plg_process_cpu_seconds_total');
    const { code, output } = await served.stop();
    expect([code, answers]).toEqual([0, [200, 400]]);
    expect(served.logLines().map((l) => l.msg)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^attio-plg receiver listening on http:\/\/127\.0\.0\.1:\d+ /),
        'delivery accepted',
        'delivery accepted except invalid events',
        expect.stringMatching(/^stopped: /),
      ]),
    );
    expect(output).not.toContain(SECRET);
    expect(output).not.toContain('jane.doe');
  });

  it('on SIGTERM stops intake, finishes the drain’s runs in flight and leaves the rest on disk; the next start applies it', async () => {
    const slow = await attio({ faults: 'latency=150-150' });
    const dataDir = freshDataDir();
    const served = await startServe(env(slow), ['--data-dir', dataDir]);
    const people = Array.from({ length: 40 }, (_, i) => `p${i}@slow${i}.io`);
    const answer = await fetch(served.url, {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify(people.flatMap((email) => [identify(email, 1), signedUp(email, 1)])),
    });
    expect(answer.status).toBe(200);
    while (!slow.requests.some((r) => r.write)) await new Promise((resolve) => setTimeout(resolve, 20));
    const { code } = await served.stop('SIGTERM');
    expect(code).toBe(0);
    const lines = served.logLines();
    const stopped = lines.find((l) => String(l.msg).startsWith('stopped: '));
    expect(stopped).toMatchObject({ drainFinished: true });
    const left = stopped?.queued as number;
    expect(left).toBeGreaterThan(0);
    expect(
      lines
        .map((l) => l.msg)
        .indexOf('stopping: no new deliveries; finishing the deliveries and the drain runs in flight'),
    ).toBeGreaterThan(0);
    // The next start resumes the queue and applies what was left.
    const again = await startServe(env(slow), ['--data-dir', dataDir]);
    while (!(await (await fetch(`${again.url}/metrics`)).text()).includes('\nattio_plg_queue_depth 0\n'))
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(again.logLines().find((l) => String(l.msg).startsWith('resuming the queue'))).toMatchObject({
      queued: left,
    });
    await again.stop();
    const trials = slow.requests.filter(
      (r) => r.method === 'PUT' && r.path === '/v2/lists/active_trials/entries' && r.status === 200,
    );
    expect(new Set(trials.map((r) => JSON.stringify(r.body))).size).toBe(40);
  }, 60_000);

  it('refuses a second receiver on the same data directory, in one line', async () => {
    const healthy = await attio();
    const dataDir = freshDataDir();
    const first = await startServe(env(healthy), ['--data-dir', dataDir]);
    try {
      const second = await runCli(['serve', '--port', '0', '--data-dir', dataDir], env(healthy));
      expect([second.code, second.stderr]).toEqual([
        1,
        `attio-plg: another attio-plg receiver is using the data directory ${dataDir}: give each receiver its own --data-dir\n`,
      ]);
    } finally {
      await first.stop();
    }
  });

  it('exits on SIGTERM when idle', async () => {
    const served = await startServe(env(await attio()));
    await fetch(`${served.url}/health`);
    const signalled = Date.now();
    const { code } = await served.stop('SIGTERM');
    // Reported for the record (never asserted): how long an idle receiver takes to exit.
    console.info(`serve exited ${Date.now() - signalled} ms after SIGTERM`);
    expect(code).toBe(0);
  });
});
