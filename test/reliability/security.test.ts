/**
 * Secrets and boundaries: the API key never shows in any adapter or receiver output (the CLI's is scanned
 * in replays.test.ts), the webhook receiver lets in only JSON from holders of its secret, and a key is only
 * ever sent over https or to this machine.
 */
import type { SegmentEvent } from '@segment/actions-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rudderstackDelivery } from '../../src/cli/rudderstack-delivery.js';
import { startTestReceiver, type TestReceiver } from '../support/receiver.js';
import { segmentDelivery, segmentSetupFor } from '../../src/cli/segment-delivery.js';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { processRouterDest, toPlgConfig, withTransformerEnv } from '../../src/destinations/rudderstack/index.js';
import { operatorEnvFor, toRudderConfig } from '../../src/destinations/rudderstack/config.js';
import { resolveHost } from '../../src/destinations/segment/host.js';
import { configFromSettings } from '../../src/destinations/segment/settings.js';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { REPS } from '../support/e2e.js';
import { actionsCore } from '../support/segment.js';
import { FAULTS, writeStream } from '../support/reliability.js';

const SECRET_KEY = 'attio-live-key-7f3a9c1e5b2d4f6a8c0e';
const stream = writeStream({ companies: 2, seed: 5 });
let emulator: EmulatorHandle;

beforeAll(async () => {
  emulator = await startEmulator({ seed: 'plg-demo', apiKey: SECRET_KEY, faults: `${FAULTS},seed=3` });
});
afterAll(async () => {
  await emulator.close();
});

describe('the API key appears in no adapter output', () => {
  it('adapter results and errors, from events applied, rejected and failed', async () => {
    const config = parseConfig(
      { apiKey: SECRET_KEY, apiUrl: emulator.url, salesReps: REPS, requestTimeoutMs: 300 },
      {},
    );
    const events = stream.events.map((e) => e.event);
    const inputs = events.map((message, i) => ({
      message,
      metadata: { jobId: i + 1 },
      destination: { ID: 'secrets', Config: toRudderConfig(config) },
    }));
    const rudder = await withTransformerEnv(operatorEnvFor(config), () => processRouterDest(inputs));
    expect(rudder.some((o) => 'statTags' in o)).toBe(true);
    // The one place the key must be: the Authorization header of each request rudder-server is to deliver
    // (status 200). Entries it never sends (298, 299) list what was done with the header redacted.
    const delivered = rudder.flatMap((o) => (o.statusCode === 200 && 'batchedRequest' in o ? o.batchedRequest : []));
    expect(delivered.length).toBeGreaterThan(0);
    expect(new Set(delivered.map((r) => r.headers.Authorization))).toEqual(new Set([`Bearer ${SECRET_KEY}`]));
    const withoutDelivery = rudder.map((o) =>
      o.statusCode === 200 && 'batchedRequest' in o
        ? { ...o, batchedRequest: o.batchedRequest.map((r) => ({ ...r, headers: {} })) }
        : o,
    );
    expect(JSON.stringify(withoutDelivery)).not.toContain(SECRET_KEY);

    const segment = await segmentDelivery(config).deliver(events);
    expect(segment.some((r) => r.status !== 'applied')).toBe(true);
    expect(JSON.stringify(segment)).not.toContain(SECRET_KEY);

    const revoked = segmentSetupFor({ ...config, apiKey: `${SECRET_KEY}-revoked` });
    const wrong = { ...revoked.settings, subscriptions: revoked.subscriptions } as never;
    const thrown = await new actionsCore.Destination(revoked.destination)
      .onEvent(events[0] as unknown as SegmentEvent, wrong)
      .catch((error: unknown) => error);
    expect(thrown).toBeInstanceOf(Error);
    expect(`${String(thrown)} ${JSON.stringify(thrown)} ${(thrown as Error).stack}`).not.toContain(SECRET_KEY);
    expect(
      JSON.stringify(
        await rudderstackDelivery(
          { ...config, apiKey: `${SECRET_KEY}-revoked` },
          { destinationId: 'secrets-wrong' },
        ).deliver(events.slice(0, 3)),
      ),
    ).not.toContain(SECRET_KEY);
  }, 60_000);
});

describe('the webhook receiver', () => {
  const secret = 'receiver-secret-0123456789abcdef';
  let receiver: TestReceiver;
  // Its own Attio: the request log must not see stragglers of other tests (actions-core abandons a failed
  // event's other subscriptions without cancelling their requests).
  let attio: EmulatorHandle;
  beforeAll(async () => {
    attio = await startEmulator({ seed: 'plg-demo', apiKey: SECRET_KEY, faults: `${FAULTS},seed=4` });
    const { client } = createAttioConnection({ apiUrl: attio.url, apiKey: SECRET_KEY, timeoutMs: 300 });
    const engine = new EventEngine({ client, config: parseConfig({ apiKey: SECRET_KEY, apiUrl: attio.url }, {}) });
    receiver = await startTestReceiver({ engine, secret, maxBodyBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await receiver.close();
    await attio.close();
  });

  const event = {
    type: 'identify',
    messageId: 'r-1',
    timestamp: '2024-11-05T10:00:00.000Z',
    traits: { email: 'ada@acme.io' },
  };
  const post = (headers: Record<string, string>, body: string, method = 'POST') =>
    fetch(receiver.url, { method, headers, ...(method === 'GET' ? {} : { body }) });

  it.each([
    ['no secret', { 'content-type': 'application/json' }, 401],
    [
      'a wrong secret of the same length',
      { 'content-type': 'application/json', 'x-webhook-secret': secret.replace(/.$/, 'x') },
      401,
    ],
    [
      'a prefix of the secret as bearer',
      { 'content-type': 'application/json', authorization: `Bearer ${secret.slice(0, 8)}` },
      401,
    ],
    ['XML', { 'content-type': 'application/xml', 'x-webhook-secret': secret }, 415],
    ['multipart form data', { 'content-type': 'multipart/form-data; boundary=x', 'x-webhook-secret': secret }, 415],
    [
      'a Basic auth user name that is not a secret',
      {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${secret.slice(0, 8)}:`).toString('base64')}`,
      },
      401,
    ],
  ])('refuses %s (%j) with %i before touching Attio', async (_name, headers, status) => {
    attio.reset();
    const response = await post(headers, JSON.stringify(event));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain(SECRET_KEY);
    expect(attio.requests).toEqual([]);
  });

  it('refuses a body over its cap with 413, invalid JSON with 400 and GET with 405, before touching Attio', async () => {
    attio.reset();
    const headers = { 'content-type': 'application/json', 'x-webhook-secret': secret };
    expect(
      (await post(headers, JSON.stringify({ ...event, traits: { email: 'ada@acme.io', bio: 'x'.repeat(70 * 1024) } })))
        .status,
    ).toBe(413);
    expect((await post(headers, '{"type": "identify",')).status).toBe(400);
    expect((await post(headers, '', 'GET')).status).toBe(405);
    expect(attio.requests).toEqual([]);
  });

  it('answers an authorised delivery without the key in its body, whatever Attio did', async () => {
    const response = await post(
      { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
      JSON.stringify(stream.events.slice(0, 20).map((e) => e.event)),
    );
    expect([200, 400]).toContain(response.status);
    expect(await response.text()).not.toContain(SECRET_KEY);
  });

  it('needs a secret of at least 16 characters to start', async () => {
    const { client } = createAttioConnection({ apiUrl: emulator.url, apiKey: SECRET_KEY });
    const engine = new EventEngine({ client, config: parseConfig({ apiKey: SECRET_KEY, apiUrl: emulator.url }, {}) });
    await expect(startTestReceiver({ engine, secret: 'short' })).rejects.toThrow(/at least 16 characters/);
  });
});

describe('a base URL override', () => {
  const refused = [
    'http://api.attio.com',
    'http://10.0.0.5:8787',
    'http://127.0.0.1.attacker.example',
    'ftp://api.attio.com',
    'https://user:pass@api.attio.com',
    'api.attio.com',
  ];
  const accepted = [
    'https://api.attio.com',
    'https://attio.internal.example/proxy',
    'http://127.0.0.1:8787',
    'http://localhost:4010',
    'http://[::1]:4010',
  ];

  it.each(refused)(
    'refuses %s through parseConfig, the Segment host’s and the RudderStack transformer’s ATTIO_API_URL, naming it',
    (apiUrl) => {
      expect(() => parseConfig({ apiKey: SECRET_KEY, apiUrl }, {})).toThrow(/^apiUrl: /);
      expect(() => configFromSettings({ apiKey: SECRET_KEY }, resolveHost({ env: { ATTIO_API_URL: apiUrl } }))).toThrow(
        /^apiUrl \(from ATTIO_API_URL\): /,
      );
      expect(() => toPlgConfig({ apiKey: SECRET_KEY }, { ATTIO_API_URL: apiUrl })).toThrow(/ATTIO_API_URL: /);
      for (const attempt of [
        () => parseConfig({ apiKey: SECRET_KEY, apiUrl }, {}),
        () => toPlgConfig({ apiKey: SECRET_KEY }, { ATTIO_API_URL: apiUrl }),
      ]) {
        expect(() => attempt()).not.toThrow(SECRET_KEY);
      }
    },
  );

  it.each([...refused, ...accepted])(
    'a RudderStack Config never chooses the host: apiUrl %s is not honoured',
    (apiUrl) => {
      expect(toPlgConfig({ apiKey: SECRET_KEY, apiUrl }, {}).apiUrl).toBe('https://api.attio.com');
    },
  );

  it.each(accepted)('accepts %s', (apiUrl) => {
    expect(parseConfig({ apiKey: SECRET_KEY, apiUrl }, {}).apiUrl).toBe(apiUrl);
    expect(configFromSettings({ apiKey: SECRET_KEY }, resolveHost({ env: { ATTIO_API_URL: apiUrl } })).apiUrl).toBe(
      apiUrl,
    );
  });

  it('a RudderStack job on a transformer configured with a plain-http host fails as a configuration error, with no request sent and no key echoed', async () => {
    const input = {
      message: stream.events[0]?.event,
      metadata: { jobId: 1 },
      destination: { ID: 'http-override', Config: { apiKey: SECRET_KEY } },
    };
    const [output] = await withTransformerEnv({ ATTIO_API_URL: 'http://api.attio.com' }, () =>
      processRouterDest([input]),
    );
    expect(output).toMatchObject({ statusCode: 400, statTags: { errorType: 'configuration' } });
    expect(output && 'error' in output ? output.error : '').toMatch(/ATTIO_API_URL/);
    expect(JSON.stringify(output)).not.toContain(SECRET_KEY);
  });
});
