/**
 * The workspace check on RudderStack's config path: once per engine (a destination's Config), and a
 * workspace that is not ready fails every job of the destination as a ConfigurationError, before any write.
 */
import { describe, expect, it } from 'vitest';
import { processRouterDest, withTransformerEnv } from '../../../src/destinations/rudderstack/index.js';
import { EMULATOR_API_KEY } from '../../../src/emulator/index.js';
import { signedUp, useE2E } from '../../support/e2e.js';
import { expectEachJobOnce, metadata } from './support.js';

/** The transformer's environment names the Attio URL (the operator's setting); the Config does not. */
const transform = (apiUrl: string, inputs: unknown[]) =>
  withTransformerEnv({ ATTIO_API_URL: apiUrl }, () => processRouterDest(inputs, {}));

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
  return [signedUp('jane.doe@acme.com', 1), invalid].map((message, index) => ({
    message,
    metadata: metadata(index + 1),
    destination,
  }));
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
    expect('error' in output[0]! && output[0].error).toMatch(
      /^the Attio workspace is not ready for this configuration: \(1\) pqlStage: deal stage "Qualified" does not exist; deals\.stage has: Lead, /,
    );
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
