/**
 * The Segment path of a replay, delivered as Segment delivers: actions-core's own Destination runtime with
 * the destination's presets as subscriptions (their mappings carrying the CLI configuration), one event per
 * call, one person's events in order and different people's at once. An event that fails for a passing
 * reason is retried with exponential backoff until its retry window closes, and that person's later events
 * wait behind it, as Segment holds a user's events behind a retrying one. The delivery owns its retries: the
 * results it returns are final.
 *
 * Segment's ingestion refuses malformed messages before any destination sees them; a replay file may hold
 * such messages, so one that no subscription takes is checked against the tracking plan here: invalid ->
 * rejected with the reason, untracked -> ignored.
 */
import { createRequire } from 'node:module';
import PQueue from 'p-queue';
import type * as ActionsCore from '@segment/actions-core';
import type { PlgConfig } from '../core/config/index.js';
import { InvalidEventError } from '../core/errors.js';
import { configFieldValues, createAttioPlgDestination } from '../destinations/segment/index.js';
import { laneKey } from '../mapping/event-keys.js';
import { mapEvent } from '../mapping/map-event.js';
import type { Delivery, DeliveryResult } from './delivery.js';

// actions-core's CommonJS build, the one the destination's bundle loads: one set of classes at runtime.
const require = createRequire(import.meta.url);
const { Destination } = require('@segment/actions-core') as typeof ActionsCore;

type EventSettings = Parameters<ActionsCore.Destination['onEvent']>[1];

export interface SegmentDeliveryOptions {
  /** Events (of different people) in flight at once. Default 8. */
  concurrency?: number;
  /** How long an event that keeps failing for a passing reason is retried, from its first attempt. Default 5 minutes. */
  retryWindowMs?: number;
  /** First backoff step; it doubles per retry up to maxDelayMs, with full jitter. Defaults 500 ms and 30 s. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

export const SEGMENT_RETRY_WINDOW_MS = 5 * 60 * 1000;

/**
 * The destination as this CLI configuration would set it up in Segment: the settings, and every preset with
 * its configuration fields set to the configuration's values (the rest of each mapping is the default).
 */
export function segmentSetupFor(config: PlgConfig) {
  const destination = createAttioPlgDestination({
    env: { ATTIO_API_URL: config.apiUrl },
    requestTimeoutMs: config.requestTimeoutMs,
    readsPerSecond: config.readsPerSecond,
    writesPerSecond: config.writesPerSecond,
  });
  const settings = { apiKey: config.apiKey, ...(config.dealMatchingAttribute ? { dealMatchingAttribute: config.dealMatchingAttribute } : {}) };
  const values: Record<string, unknown> = configFieldValues(config);
  const subscriptions = (destination.presets ?? []).map((preset) => {
    const fields = destination.actions[preset.partnerAction]?.fields ?? {};
    const configured = Object.fromEntries(Object.entries(values).filter(([name]) => name in fields));
    return { ...preset, mapping: { ...preset.mapping, ...configured } };
  });
  return { destination, settings, subscriptions };
}

export function segmentDelivery(config: PlgConfig, options: SegmentDeliveryOptions = {}): Delivery {
  const { destination, settings, subscriptions } = segmentSetupFor(config);
  const runtime = new Destination(destination);
  const eventSettings = { ...settings, subscriptions } as unknown as EventSettings;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const retryWindowMs = options.retryWindowMs ?? SEGMENT_RETRY_WINDOW_MS;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;

  const deliverOnce = async (event: unknown): Promise<DeliveryResult> => {
    try {
      const results = await runtime.onEvent(event as ActionsCore.SegmentEvent, eventSettings);
      const subscribed = results.some((r) => r.output !== 'not subscribed');
      return subscribed ? { status: 'applied' } : notSubscribed(event, config);
    } catch (error) {
      return fromThrown(error);
    }
  };

  /** Until it is applied, rejected, fails for good, or its retry window closes. */
  const deliverWithRetries = async (event: unknown): Promise<DeliveryResult> => {
    const started = now();
    for (let retry = 0; ; retry++) {
      const result = await deliverOnce(event);
      if (!(result.status === 'failed' && result.retryable === true)) return result;
      const delay = Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry));
      if (now() + delay - started > retryWindowMs) return { ...result, reason: `${result.reason ?? 'failed'} (still failing after ${retry + 1} attempts)` };
      await sleep(delay);
    }
  };

  return {
    name: 'segment',
    async deliver(events) {
      const results: DeliveryResult[] = new Array(events.length);
      const lanes = new Map<string, number[]>();
      events.forEach((event, index) => {
        const key = laneKey(event) ?? `#${index}`;
        lanes.set(key, [...(lanes.get(key) ?? []), index]);
      });
      const queue = new PQueue({ concurrency: options.concurrency ?? 8 });
      for (const indexes of lanes.values()) {
        void queue.add(async () => {
          // An event still failing when its window closed holds the person's later events, so they keep their order.
          let held: DeliveryResult | undefined;
          for (const index of indexes) {
            const result = held ?? (await deliverWithRetries(events[index]));
            results[index] = result;
            if (held === undefined && result.status === 'failed' && result.retryable === true) {
              held = { status: 'failed', reason: `held back until an earlier event of the same person is applied (${result.reason ?? 'failed'})`, retryable: true };
            }
          }
        });
      }
      await queue.onIdle();
      return results;
    },
  };
}

/** Segment's reading of an action error: its status decides between retry, reject and fix-the-settings. */
function fromThrown(error: unknown): DeliveryResult {
  const { name, message, status, retry } = error as { name?: string; message?: string; status?: number; retry?: boolean };
  const reason = message ?? String(error);
  // An IntegrationError marked `retry = false` is one Segment does not retry, whatever its status.
  if (retry === false) return { status: 'failed', reason, retryable: false };
  if (name === 'RetryableError' || status === 429 || (status !== undefined && status >= 500)) return { status: 'failed', reason, retryable: true };
  if (name === 'InvalidAuthentication' || name === 'InvalidAuthenticationError' || status === 401 || status === 403) return { status: 'failed', reason, retryable: false };
  if (name === 'IntegrationError') return { status: 'failed', reason, retryable: false };
  return { status: 'rejected', reason };
}

function notSubscribed(event: unknown, config: PlgConfig): DeliveryResult {
  try {
    return mapEvent(event, config).length === 0 ? { status: 'ignored' } : { status: 'rejected', reason: 'no subscription takes this event' };
  } catch (error) {
    if (error instanceof InvalidEventError) return { status: 'rejected', reason: error.message };
    throw error;
  }
}
