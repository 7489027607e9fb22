/**
 * `requestTimeoutMs`: how long the connector waits for one Attio request. A request Attio never answers
 * becomes a retryable failure after that long, through every path, instead of holding a delivery open.
 */
import type { SegmentEvent } from '@segment/actions-core';
import { afterEach, describe, expect, it } from 'vitest';
import { rudderstackDelivery } from '../../src/cli/rudderstack-delivery.js';
import { segmentDelivery } from '../../src/cli/segment-delivery.js';
import { parseConfig } from '../../src/core/config/index.js';
import { toPlgConfig } from '../../src/destinations/rudderstack/index.js';
import { SEGMENT_REQUEST_TIMEOUT_MS, resolveHost } from '../../src/destinations/segment/host.js';
import { settingsFields } from '../../src/destinations/segment/settings.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { actionsCore, destinationAt } from '../support/segment.js';

const noEnv = {};

describe('the requestTimeoutMs setting', () => {
  it('defaults to 15 s and accepts whole milliseconds from 100 to 120 000', () => {
    expect(parseConfig({ apiKey: 'k' }, noEnv).requestTimeoutMs).toBe(15_000);
    expect(parseConfig({ apiKey: 'k', requestTimeoutMs: 100 }, noEnv).requestTimeoutMs).toBe(100);
    expect(parseConfig({ apiKey: 'k', requestTimeoutMs: 120_000 }, noEnv).requestTimeoutMs).toBe(120_000);
  });

  it.each([0, 99, 1.5, -1, 120_001, '2000'])('refuses %j, naming requestTimeoutMs', (value) => {
    expect(() => parseConfig({ apiKey: 'k', requestTimeoutMs: value }, noEnv)).toThrow(/^requestTimeoutMs: /);
  });

  it('is read from the RudderStack transformer’s environment (an operator setting, not a Config key); on Segment it is the host’s, never a setting', () => {
    expect(toPlgConfig({ apiKey: 'k' }, { ATTIO_REQUEST_TIMEOUT_MS: '2500' }).requestTimeoutMs).toBe(2_500);
    expect(toPlgConfig({ apiKey: 'k', requestTimeoutMs: '2500' }, noEnv).requestTimeoutMs).toBe(15_000);
    expect(Object.keys(settingsFields)).not.toContain('requestTimeoutMs');
    expect(resolveHost({}).requestTimeoutMs).toBe(SEGMENT_REQUEST_TIMEOUT_MS);
    expect(SEGMENT_REQUEST_TIMEOUT_MS).toBe(10_000);
    expect(resolveHost({ requestTimeoutMs: 3_000 }).requestTimeoutMs).toBe(3_000);
  });
});

describe('a request Attio never answers', () => {
  let emulator: EmulatorHandle | undefined;
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  const signup = {
    type: 'track',
    event: 'Signed Up',
    messageId: 'timeout-1',
    userId: 'u-timeout',
    timestamp: '2024-11-01T10:00:00.000Z',
    context: { traits: { email: 'tim@slowco.io', name: 'Tim Out' } },
    properties: { plan: 'trial' },
  };

  async function silentAttio() {
    emulator = await startEmulator({ seed: 'plg-demo', faults: 'timeout=1' });
    return parseConfig(
      { apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, requestTimeoutMs: 300, productObjects: 'off' },
      noEnv,
    );
  }

  it('fails the RudderStack job after requestTimeoutMs, retried until rudder-server’s retry limit', async () => {
    const config = await silentAttio();
    const timing = { minRetryBackoffMs: 10, maxRetryBackoffMs: 20, retryTimeWindowMs: 0, maxFailedCountForJob: 2 };
    const [result] = await rudderstackDelivery(config, { destinationId: 'timeout-destination', timing }).deliver([
      signup,
    ]);
    expect(result).toMatchObject({ status: 'failed', retryable: true });
    expect(result?.reason).toMatch(/timeout/);
    expect(emulator?.requests.every((r) => r.fault === 'timeout')).toBe(true);
  });

  it('fails the Segment event as retryable after requestTimeoutMs', async () => {
    const config = await silentAttio();
    // One delivery, no retries: how the event fails, not that it keeps failing.
    const [result] = await segmentDelivery(config, { retryWindowMs: 0 }).deliver([signup]);
    expect(result).toMatchObject({ status: 'failed', retryable: true });
    expect(result?.reason).toMatch(/no response within 300 ms/);
  });

  it('throws Segment’s RetryableError from the action, so Segment retries the event', async () => {
    const config = await silentAttio();
    const destination = destinationAt(config.apiUrl, { requestTimeoutMs: 300 });
    const runtime = new actionsCore.Destination(destination);
    const settings = { apiKey: EMULATOR_API_KEY, subscriptions: destination.presets };
    await expect(runtime.onEvent(signup as unknown as SegmentEvent, settings as never)).rejects.toMatchObject({
      name: 'RetryableError',
      message: expect.stringMatching(/no response within 300 ms/),
    });
  });
});
