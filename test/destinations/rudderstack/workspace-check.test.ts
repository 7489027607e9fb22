/**
 * The workspace check on RudderStack's config path: once per engine (a destination's Config), and a
 * workspace that is not ready fails every job of the destination as a ConfigurationError, before any write.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../../src/core/attio/index.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { processRouterDest, withTransformerEnv } from '../../../src/destinations/rudderstack/index.js';
import { WorkspaceGate } from '../../../src/destinations/rudderstack/workspace-check.js';
import { EMULATOR_API_KEY } from '../../../src/emulator/index.js';
import { signedUp, useE2E } from '../../support/e2e.js';
import { ATTIO, KEY, plgWorkspace, serveWorkspace } from '../../core/setup/workspace-fixture.js';
import { expectEachJobOnce, metadata } from './support.js';

/** The transformer's environment names the Attio URL (the operator's setting); the Config does not. */
const transform = (apiUrl: string, inputs: unknown[]) => withTransformerEnv({ ATTIO_API_URL: apiUrl }, () => processRouterDest(inputs, {}));

function jobs(id: string, config: Record<string, unknown> = {}) {
  const destination = {
    ID: id,
    Name: 'Attio PLG',
    Enabled: true,
    WorkspaceID: 'workspace-1',
    DestinationDefinition: { ID: 'def-attio-plg', Name: 'ATTIO_PLG', DisplayName: 'Attio PLG' },
    Config: { apiKey: EMULATOR_API_KEY, productObjects: 'off', ...config },
  };
  const { messageId: _m, ...invalid } = signedUp('no.id@acme.com', 1);
  return [signedUp('jane.doe@acme.com', 1), invalid].map((message, index) => ({ message, metadata: metadata(index + 1), destination }));
}

describe('RudderStack: the workspace check when a destination’s engine is built', () => {
  const e2e = useE2E();

  it('an unknown pqlStage makes every job that would write a ConfigurationError naming it; an invalid one keeps its own error; nothing is written', async () => {
    const { emulator, takeRequests } = e2e();
    const inputs = jobs('dest-unknown-stage', { pqlStage: 'Qualified' });
    takeRequests();
    const output = await transform(emulator.url, inputs);
    expectEachJobOnce(inputs, output);
    expect(output.map((entry) => [entry.statusCode, 'statTags' in entry ? entry.statTags : undefined])).toEqual([
      [400, expect.objectContaining({ errorCategory: 'dataValidation', errorType: 'configuration' })],
      [400, expect.objectContaining({ errorCategory: 'dataValidation', errorType: 'instrumentation' })],
    ]);
    expect('error' in output[1]! && output[1].error).toBe('messageId: is required');
    expect('error' in output[0]! && output[0].error).toMatch(/^the Attio workspace is not ready for this configuration: \(1\) pqlStage: deal stage "Qualified" does not exist; deals\.stage has: Lead, /);
    expect(takeRequests().filter((r) => r.method !== 'GET')).toEqual([]);
  });

  it('a batch of only invalid or untracked events needs no check: no request at all', async () => {
    const { emulator, takeRequests } = e2e();
    takeRequests();
    const [, invalid] = jobs('dest-only-invalid', { pqlStage: 'Qualified' });
    const output = await transform(emulator.url, [invalid]);
    expect(output.map((entry) => entry.statusCode)).toEqual([400]);
    expect(takeRequests()).toEqual([]);
  });

  it('a ready workspace is checked once per Config: later batches read no configuration again', async () => {
    const { emulator, takeRequests } = e2e();
    await transform(emulator.url, jobs('dest-ready'));
    expect(takeRequests().filter((r) => r.path === '/v2/self')).toHaveLength(1);
    const again = await transform(emulator.url, jobs('dest-ready'));
    // Nothing delivered the first batch's trial entry, so it is returned again.
    expect(again.map((entry) => entry.statusCode)).toEqual([200, 400]);
    expect(takeRequests().filter((r) => r.path === '/v2/self' || r.path.endsWith('/attributes'))).toEqual([]);
  });
});

describe('WorkspaceGate', () => {
  const client = () => createAttioConnection({ apiUrl: ATTIO, apiKey: KEY, retry: { maxAttempts: 1 } }).client;
  afterEach(() => {
    nock.cleanAll();
  });

  it('keeps a not-ready verdict for the schema cache TTL, then checks again', async () => {
    let now = 0;
    const ws = plgWorkspace();
    const reads = serveWorkspace(ws);
    const gate = new WorkspaceGate(client(), parseConfig({ apiKey: KEY, pqlStage: 'Qualified', schemaCacheTtlSeconds: 60 }, {}), () => now);
    expect(await gate.failure()).toMatchObject({ category: 'config', field: 'pqlStage', retryable: false });
    const checks = () => reads.filter((path) => path === '/v2/self').length;
    now = 59_000;
    await gate.failure();
    expect(checks()).toBe(1);
    now = 61_000;
    await gate.failure();
    expect(checks()).toBe(2);
  });

  it('a check Attio could not answer decides nothing and is tried again next time', async () => {
    nock(ATTIO).get('/v2/self').reply(503, { status_code: 503, type: 'api_error', code: 'unavailable', message: 'down' });
    const gate = new WorkspaceGate(client(), parseConfig({ apiKey: KEY, pqlStage: 'Qualified' }, {}));
    expect(await gate.failure()).toBeUndefined();
    serveWorkspace(plgWorkspace());
    expect(await gate.failure()).toMatchObject({ category: 'config', field: 'pqlStage' });
  });

  it('a refused token fails the jobs as an authentication problem', async () => {
    nock(ATTIO).get('/v2/self').reply(401, { status_code: 401, type: 'auth_error', code: 'invalid_token', message: 'revoked' });
    const gate = new WorkspaceGate(client(), parseConfig({ apiKey: KEY }, {}));
    expect(await gate.failure()).toMatchObject({ category: 'auth', status: 401, retryable: false, message: expect.stringContaining('apiKey: Attio refused the access token (401 invalid_token)') });
  });
});
