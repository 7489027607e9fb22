import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { PlgEngine } from '../../src/core/engine.js';
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
    receiver = await startReceiver({ engine: new PlgEngine({ client, config }), secret: SECRET, maxBodyBytes });
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
  it('refuses to start without a webhook secret, and starts with one', async () => {
    const emulator = await startEmulator({ seed: 'plg-demo' });
    try {
      const run = (env: Record<string, string>) =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env: { PATH: process.env.PATH, ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: emulator.url, ...env } });
          let out = '';
          child.stdout.on('data', (d: Buffer) => {
            out += d.toString();
            if (out.includes('listening on')) child.kill('SIGTERM');
          });
          child.stderr.on('data', (d: Buffer) => (out += d.toString()));
          child.on('close', (code) => resolve({ code, out }));
        });
      const without = await run({});
      expect([without.code, without.out.split('\n')[0]]).toEqual([2, 'attio-plg: set ATTIO_PLG_WEBHOOK_SECRET to a shared secret of at least 16 characters']);
      const withSecret = await run({ ATTIO_PLG_WEBHOOK_SECRET: SECRET });
      expect(withSecret.out).toMatch(/^attio-plg receiver listening on http:\/\/127\.0\.0\.1:\d+/);
      expect(withSecret.code).toBe(0);
    } finally {
      await emulator.close();
    }
  });
});
