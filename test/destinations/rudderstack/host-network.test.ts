/**
 * The destination on rudder-transformer's HTTP layer (`withHostNetwork`): every Attio call goes through the
 * host's `handleHttpRequest` with the stat tags its destinations use, and the core's budgets, retries and
 * timeouts hold as they do with the package's own transport. The host layer is the axios-based stand-in
 * written from network.js (test/support/rudder-transformer-network.cjs); Attio is the emulator on loopback,
 * or axios-mock-adapter where an answer must be made to order.
 */
import axios from 'axios';
import MockAdapter from 'axios-mock-adapter';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AttioClient, AttioError, createAttioConnection } from '../../../src/core/attio/index.js';
import { hostNetworkTransport } from '../../../src/destinations/rudderstack/host-network.js';
import { withHostNetwork, withTransformerEnv } from '../../../src/destinations/rudderstack/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../../src/emulator/index.js';
import { createHandleHttpRequest } from '../../support/rudder-transformer-network.cjs';

const UUID_PATH = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('the destination on the host’s handleHttpRequest, against the emulator', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'plg-demo' });
  });
  afterAll(() => emulator.close());

  const destination = {
    ID: 'host-network-1',
    WorkspaceID: 'ws-1',
    Config: { apiKey: EMULATOR_API_KEY, productObjects: 'off', salesReps: [{ email: 'alex.rivera@plg-demo.test' }] },
  };
  const signup = (jobId: number, email: string) => ({
    message: {
      type: 'track',
      event: 'Signed Up',
      messageId: `host-${jobId}`,
      userId: `u-${jobId}`,
      timestamp: '2024-11-04T10:00:00.000Z',
      properties: { plan: 'trial' },
      context: { traits: { email, firstName: 'Ada', lastName: 'Host' } },
    },
    metadata: { jobId, destinationId: destination.ID, workspaceId: 'ws-1', sourceId: 'src-1' },
    destination,
  });

  it('router: every Attio call goes through it, tagged ATTIO_PLG / transformation / router with its endpoint, method and the job', async () => {
    const { handleHttpRequest, outgoing } = createHandleHttpRequest(axios);
    const { processRouterDest } = withHostNetwork({ handleHttpRequest });
    const requestsBefore = emulator.requests.length;
    const output = await withTransformerEnv({ ATTIO_API_URL: emulator.url }, () =>
      processRouterDest([signup(1, 'ada@host-network.io')]),
    );
    expect(output.map((entry) => entry.statusCode)).toEqual([200]);
    const served = emulator.requests.slice(requestsBefore);
    expect(outgoing.length).toBe(served.length);
    expect(outgoing.length).toBeGreaterThan(0);
    for (const call of outgoing) {
      expect(call).toMatchObject({
        destType: 'ATTIO_PLG',
        feature: 'transformation',
        module: 'router',
        metadata: signup(1, '').metadata,
        success: true,
      });
      expect(call.endpointPath).toMatch(/^\/v2\//);
      expect(call.endpointPath).not.toMatch(UUID_PATH);
    }
    expect(outgoing.map((call) => `${call.requestMethod} ${call.endpointPath}`)).toEqual(
      served.map(
        (request) => `${request.method} ${request.path.replace(new RegExp(`/${UUID_PATH.source}`, 'gi'), '/:id')}`,
      ),
    );
  });

  it('processor: the same calls are tagged with the processor module', async () => {
    const { handleHttpRequest, outgoing } = createHandleHttpRequest(axios);
    const { process } = withHostNetwork({ handleHttpRequest });
    await withTransformerEnv({ ATTIO_API_URL: emulator.url }, () => process(signup(2, 'grace@host-network.io')));
    expect(outgoing.length).toBeGreaterThan(0);
    expect(new Set(outgoing.map((call) => call.module))).toEqual(new Set(['processor']));
  });
});

describe('the host transport under the core’s budgets, retries and timeouts', () => {
  // An axios instance of its own, so the mocks never answer the emulator tests' requests.
  const http = axios.create();
  const mock = new MockAdapter(http, { onNoMatch: 'throwException' });
  afterEach(() => {
    mock.reset();
    vi.useRealTimers();
  });
  const settings = {
    apiUrl: 'https://api.attio.com',
    apiKey: 'host-transport-key',
    timeoutMs: 2_500,
    userAgent: 'attio-plg (rudderstack)',
  };
  const person = {
    data: {
      id: { workspace_id: 'w', object_id: 'o', record_id: 'r' },
      created_at: '2024-11-01T00:00:00.000Z',
      values: {},
    },
  };

  it('sends the token, the query as params and the request timeout; a 429 with Retry-After is retried once it passes', async () => {
    const { handleHttpRequest } = createHandleHttpRequest(http);
    const seen: Array<{ timeout?: number; params?: unknown; authorization?: unknown }> = [];
    let answers = 0;
    mock.onGet('https://api.attio.com/v2/notes').reply((config) => {
      seen.push({ timeout: config.timeout, params: config.params, authorization: config.headers?.['Authorization'] });
      answers++;
      return answers === 1
        ? [
            429,
            { status_code: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded', message: 'slow down' },
            { 'retry-after': '0' },
          ]
        : [200, { data: [] }];
    });
    const { client, stats } = createAttioConnection({
      ...settings,
      http: hostNetworkTransport({ handleHttpRequest }, settings),
    });
    await expect(client.listNotes('people', 'r')).resolves.toEqual([]);
    expect(stats).toMatchObject({ attempts: 2, throttled: 1, retries: 1 });
    expect(seen).toEqual([
      {
        timeout: 2_500,
        params: { parent_object: 'people', parent_record_id: 'r', limit: '50', offset: '0' },
        authorization: 'Bearer host-transport-key',
      },
      {
        timeout: 2_500,
        params: { parent_object: 'people', parent_record_id: 'r', limit: '50', offset: '0' },
        authorization: 'Bearer host-transport-key',
      },
    ]);
  });

  it('no answer before the timeout is a retryable timeout, and a create is not sent twice', async () => {
    const { handleHttpRequest } = createHandleHttpRequest(http);
    mock.onPost('https://api.attio.com/v2/notes').timeout();
    const { client, stats } = createAttioConnection({
      ...settings,
      http: hostNetworkTransport({ handleHttpRequest }, settings),
    });
    const failure = await client
      .createNote({ parentObject: 'people', parentRecordId: 'r', title: 'T', content: 'C' })
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AttioError);
    expect(failure).toMatchObject({ kind: 'timeout', retryable: true });
    expect(String(failure)).not.toContain(settings.apiKey);
    expect(stats.attempts).toBe(1);
  });

  it('a 4xx answer is Attio’s error, classified as with got; an empty body parses as none', async () => {
    const { handleHttpRequest } = createHandleHttpRequest(http);
    mock
      .onPut(/\/v2\/objects\/people\/records/)
      .reply(400, {
        status_code: 400,
        type: 'invalid_request_error',
        code: 'value_not_found',
        message: 'no such option',
      });
    mock.onDelete('https://api.attio.com/v2/notes/n-1').reply(204, '');
    const client = new AttioClient(hostNetworkTransport({ handleHttpRequest }, settings));
    await expect(
      client.assertRecord('people', 'email_addresses', { email_addresses: ['a@b.io'] }),
    ).rejects.toMatchObject({ status: 400, code: 'value_not_found', retryable: false });
    await expect(client.deleteNote('n-1')).resolves.toBe(true);
  });

  it('writes keep to the workspace’s write budget, on an injected clock', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const { handleHttpRequest, outgoing } = createHandleHttpRequest(http);
    mock.onPut(/\/v2\/objects\/people\/records/).reply(200, person);
    const budgeted = { ...settings, apiKey: 'budget-key', writesPerSecond: 2 };
    const { client } = createAttioConnection({
      ...budgeted,
      http: hostNetworkTransport({ handleHttpRequest }, budgeted),
    });
    const writes = Array.from({ length: 5 }, (_, i) =>
      client.assertRecord('people', 'email_addresses', { email_addresses: [`p${i}@b.io`] }),
    );
    await vi.advanceTimersByTimeAsync(10);
    expect(outgoing.length).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outgoing.length).toBe(4);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(outgoing.length).toBe(5);
    await Promise.all(writes);
  });
});
