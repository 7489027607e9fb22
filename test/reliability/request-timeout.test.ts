/**
 * `requestTimeoutMs`: how long the connector waits for one Attio request. A request Attio never answers
 * becomes a retryable failure after that long, through every path, instead of holding a delivery open.
 */
import type { SegmentEvent } from '@segment/actions-core';
import { afterEach, describe, expect, it } from 'vitest';
import { rudderstackDelivery } from '../../src/cli/deliveries.js';
import { segmentDelivery } from '../../src/cli/segment-delivery.js';
import { parseConfig } from '../../src/core/config/index.js';
import { toPlgConfig } from '../../src/destinations/rudderstack/index.js';
import destination from '../../src/destinations/segment/index.js';
import { configFromSettings } from '../../src/destinations/segment/settings.js';
import { REQUEST_TIMEOUT_MS } from '../../src/destinations/segment/transport.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { actionsCore } from '../destinations/segment/support.js';

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

  it('is read from the RudderStack transformer’s environment (an operator setting) and the Segment settings', () => {
    expect(toPlgConfig({ apiKey: 'k' }, { ATTIO_REQUEST_TIMEOUT_MS: '2500' }).requestTimeoutMs).toBe(2_500);
    expect(toPlgConfig({ apiKey: 'k', requestTimeoutMs: '2500' }, noEnv).requestTimeoutMs).toBe(15_000);
    expect(configFromSettings({ apiKey: 'k', requestTimeoutMs: 3_000 }).requestTimeoutMs).toBe(3_000);
    expect(configFromSettings({ apiKey: 'k' }).requestTimeoutMs).toBe(15_000);
    expect(REQUEST_TIMEOUT_MS).toBe(10_000);
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
    return parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, requestTimeoutMs: 300, productObjects: 'off' }, noEnv);
  }

  it('fails the RudderStack job after requestTimeoutMs, retried until rudder-server’s retry limit', async () => {
    const config = await silentAttio();
    const timing = { minRetryBackoffMs: 10, maxRetryBackoffMs: 20, retryTimeWindowMs: 0, maxFailedCountForJob: 2 };
    const [result] = await rudderstackDelivery(config, { destinationId: 'timeout-destination', timing }).deliver([signup]);
    expect(result).toMatchObject({ status: 'failed', retryable: true });
    expect(result?.reason).toMatch(/timeout/);
    expect(emulator?.requests.every((r) => r.fault === 'timeout')).toBe(true);
  });

  it('fails the Segment event as retryable after requestTimeoutMs', async () => {
    const config = await silentAttio();
    const [result] = await segmentDelivery(config).deliver([signup]);
    expect(result).toMatchObject({ status: 'failed', retryable: true });
    expect(result?.reason).toMatch(/no response within 300 ms/);
  });

  it('throws Segment’s RetryableError from the action, so Segment retries the event', async () => {
    const config = await silentAttio();
    const runtime = new actionsCore.Destination(destination);
    const settings = { apiKey: EMULATOR_API_KEY, apiUrl: config.apiUrl, requestTimeoutMs: 300, productObjects: 'off', subscriptions: destination.presets };
    await expect(runtime.onEvent(signup as unknown as SegmentEvent, settings as never)).rejects.toMatchObject({
      name: 'RetryableError',
      message: expect.stringMatching(/no response within 300 ms/),
    });
  });
});
