import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { startReceiver, type Receiver } from '../../src/cli/receiver.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { signedUp, usage, WARM } from '../e2e/support.js';
import { CLI, CLI_BUILT } from './support.js';

const SECRET = 'a-webhook-secret-of-some-length';

describe('the webhook receiver', () => {
  let emulator: EmulatorHandle;
  let receiver: Receiver;

  async function start(emulatorOptions: Parameters<typeof startEmulator>[0] = {}, maxBodyBytes?: number): Promise<void> {
    emulator = await startEmulator({ seed: 'plg-demo', ...emulatorOptions });
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url });
    const { client } = createAttioConnection({ apiUrl: emulator.url, apiKey: EMULATOR_API_KEY, retry: { maxAttempts: 1 } });
    receiver = await startReceiver({ engine: new EventEngine({ client, config }), secret: SECRET, maxBodyBytes });
  }

  const post = (body: unknown, headers: Record<string, string> = { 'x-webhook-secret': SECRET, 'content-type': 'application/json' }) =>
    fetch(receiver.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  afterEach(async () => {
    await receiver?.close();
    await emulator?.close();
  });

  describe('with a healthy Attio', () => {
    beforeEach(() => start());

    it('answers 200 once a Segment batch is applied', async () => {
      const response = await post({ batch: [signedUp('jane.doe@acme.com', 1), usage('jane.doe@acme.com', 2, WARM)] });
      expect([response.status, await response.json()]).toEqual([200, { applied: 2 }]);
      expect(emulator.requests.filter((r) => r.write).map((r) => `${r.method} ${r.path}`)).toContain('PUT /v2/lists/active_trials/entries');
    });

    it('takes a single event or an array (RudderStack webhook payloads)', async () => {
      expect((await post(signedUp('a.b@acme.com', 1))).status).toBe(200);
      expect((await post([signedUp('c.d@acme.com', 1)])).status).toBe(200);
    });

    it('answers 400 naming each invalid event, after applying the valid ones', async () => {
      const bad = { ...signedUp('x@acme.com', 1), context: { traits: { email: { $ne: null } } } };
      const response = await post({ batch: [signedUp('ok@acme.com', 1), bad] });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ applied: 1, rejected: [{ index: 1, messageId: bad.messageId, reason: 'context.traits.email: must be a string, got an object' }] });
    });

    it('refuses a missing or wrong secret, non-JSON and non-POST', async () => {
      expect((await post(signedUp('a@acme.com', 1), { 'content-type': 'application/json' })).status).toBe(401);
      expect((await post(signedUp('a@acme.com', 1), { 'x-webhook-secret': `${SECRET}x`, 'content-type': 'application/json' })).status).toBe(401);
      expect((await post('type=track', { 'x-webhook-secret': SECRET, 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
      expect((await post('{not json', { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' })).status).toBe(400);
      expect((await fetch(receiver.url)).status).toBe(405);
      expect(emulator.requests).toEqual([]);
    });
  });

  it('caps the body size', async () => {
    await start({}, 1024);
    const response = await post({ batch: [{ ...signedUp('a@acme.com', 1), properties: { padding: 'x'.repeat(2000) } }] });
    expect(response.status).toBe(413);
    expect(emulator.requests).toEqual([]);
  });

  it('answers 503 with Retry-After when Attio is failing, so the sender retries', async () => {
    await start({ faults: '503=1' });
    const response = await post(signedUp('jane.doe@acme.com', 1));
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
  });

  it('answers 429 with Attio’s Retry-After when throttled', async () => {
    await start({ faults: '429=1' });
    const response = await post(signedUp('jane.doe@acme.com', 1));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });
});

describe.skipIf(!CLI_BUILT)('attio-plg serve', () => {
  /** Starts the built CLI's receiver, runs `use` against its URL, then stops it with SIGTERM. */
  function serve(env: Record<string, string>, use: (url: string) => Promise<void> = async () => {}) {
    return new Promise<{ code: number | null; out: string; error?: unknown }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { PATH: process.env.PATH, ...env } });
      let out = '';
      let error: unknown;
      let started = false;
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
        if (url && !started) {
          started = true;
          use(url)
            .catch((e: unknown) => (error = e))
            .finally(() => child.kill('SIGTERM'));
        }
      });
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out, error }));
    });
  }

  it('refuses to start without a webhook secret', async () => {
    const run = await serve({ ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: 'http://127.0.0.1:1' });
    expect([run.code, run.out.split('\n')[0]]).toEqual([2, 'attio-plg: set ATTIO_PLG_WEBHOOK_SECRET to a shared secret of at least 16 characters']);
  });

  it('applies deliveries (200), rejects invalid events (400), and asks for a retry while Attio fails (503)', async () => {
    const healthy = await startEmulator({ seed: 'plg-demo' });
    const failing = await startEmulator({ seed: 'plg-demo', faults: '503=1' });
    const deliver = (url: string, body: unknown) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-webhook-secret': SECRET }, body: JSON.stringify(body) });
    try {
      const answers: number[] = [];
      const ok = await serve({ ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: healthy.url, ATTIO_PLG_WEBHOOK_SECRET: SECRET }, async (url) => {
        answers.push((await deliver(url, { batch: [signedUp('jane.doe@acme.com', 1)] })).status);
        answers.push((await deliver(url, { ...signedUp('x@acme.com', 1), context: { traits: { email: 'nope' } } })).status);
      });
      expect(ok.error).toBeUndefined();
      expect(ok.out).toMatch(/^attio-plg receiver listening on http:\/\/127\.0\.0\.1:\d+/);
      expect([ok.code, answers]).toEqual([0, [200, 400]]);
      expect(healthy.requests.some((r) => r.method === 'PUT' && r.path === '/v2/lists/active_trials/entries')).toBe(true);

      const retry: Array<[number, string | null]> = [];
      const down = await serve({ ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: failing.url, ATTIO_PLG_WEBHOOK_SECRET: SECRET }, async (url) => {
        const response = await deliver(url, signedUp('jane.doe@acme.com', 1));
        retry.push([response.status, response.headers.get('retry-after')]);
      });
      expect(down.error).toBeUndefined();
      expect(retry).toEqual([[503, '5']]);
    } finally {
      await healthy.close();
      await failing.close();
    }
  }, 120_000);
});
