/**
 * Segment's delivery of events to an Actions destination, as a model: actions-core's own Destination runtime
 * with the given subscriptions, one event per call, one person's events in order and different people's at
 * once. An event that fails for a passing reason is retried with exponential backoff until its retry window
 * closes, and that person's later events wait behind it, as Segment holds a user's events behind a retrying
 * one. The delivery owns its retries: the results it returns are final.
 *
 * It knows nothing of the destination it runs: the caller hands it the definition, settings and
 * subscriptions, how to key a person, and how to answer an event that no subscription takes (Segment's
 * ingestion refuses malformed messages before any destination sees them).
 */
import { createRequire } from 'node:module';
import { setTimeout as wait } from 'node:timers/promises';
import PQueue from 'p-queue';
import type * as ActionsCore from '@segment/actions-core';

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

/** How Segment's delivery ended for one event. */
export interface SimulatedResult {
  status: 'applied' | 'ignored' | 'rejected' | 'failed';
  reason?: string;
  retryable?: boolean;
}

/** A destination as a workspace has set it up in Segment. */
export interface SegmentSetup {
  destination: ActionsCore.DestinationDefinition<never>;
  settings: Record<string, unknown>;
  subscriptions: readonly unknown[];
  /** Whose events keep their order (Segment's user); events with none are delivered on their own. */
  personOf: (event: unknown) => string | undefined;
  /** The answer to an event that no subscription takes. */
  notSubscribed: (event: unknown) => SimulatedResult;
}

export interface SimulatedSegmentDelivery {
  deliver(events: readonly unknown[]): Promise<SimulatedResult[]>;
}

export function simulateSegmentDelivery(
  setup: SegmentSetup,
  options: SegmentDeliveryOptions = {},
): SimulatedSegmentDelivery {
  const runtime = new Destination(setup.destination as ActionsCore.DestinationDefinition);
  const eventSettings = { ...setup.settings, subscriptions: setup.subscriptions } as unknown as EventSettings;
  const sleep = options.sleep ?? ((ms: number) => wait(ms));
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const retryWindowMs = options.retryWindowMs ?? SEGMENT_RETRY_WINDOW_MS;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;

  const deliverOnce = async (event: unknown): Promise<SimulatedResult> => {
    try {
      const results = await runtime.onEvent(event as ActionsCore.SegmentEvent, eventSettings);
      const subscribed = results.some((r) => r.output !== 'not subscribed');
      return subscribed ? { status: 'applied' } : setup.notSubscribed(event);
    } catch (error) {
      return fromThrown(error);
    }
  };

  /** Until it is applied, rejected, fails for good, or its retry window closes. */
  const deliverWithRetries = async (event: unknown): Promise<SimulatedResult> => {
    const started = now();
    for (let retry = 0; ; retry++) {
      const result = await deliverOnce(event);
      if (!(result.status === 'failed' && result.retryable === true)) return result;
      const delay = Math.round(random() * Math.min(maxDelayMs, baseDelayMs * 2 ** retry));
      if (now() + delay - started > retryWindowMs)
        return { ...result, reason: `${result.reason ?? 'failed'} (still failing after ${retry + 1} attempts)` };
      await sleep(delay);
    }
  };

  return {
    async deliver(events) {
      const results: SimulatedResult[] = new Array(events.length);
      const lanes = new Map<string, number[]>();
      events.forEach((event, index) => {
        const key = setup.personOf(event) ?? `#${index}`;
        lanes.set(key, [...(lanes.get(key) ?? []), index]);
      });
      const queue = new PQueue({ concurrency: options.concurrency ?? 8 });
      for (const indexes of lanes.values()) {
        void queue.add(async () => {
          // An event still failing when its window closed holds the person's later events, so they keep their order.
          let held: SimulatedResult | undefined;
          for (const index of indexes) {
            const result = held ?? (await deliverWithRetries(events[index]));
            results[index] = result;
            if (held === undefined && result.status === 'failed' && result.retryable === true) {
              held = {
                status: 'failed',
                reason: `held back until an earlier event of the same person is applied (${result.reason ?? 'failed'})`,
                retryable: true,
              };
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
function fromThrown(error: unknown): SimulatedResult {
  const { name, message, status, retry } = error as {
    name?: string;
    message?: string;
    status?: number;
    retry?: boolean;
  };
  const reason = message ?? String(error);
  // An IntegrationError marked `retry = false` is one Segment does not retry, whatever its status.
  if (retry === false) return { status: 'failed', reason, retryable: false };
  if (name === 'RetryableError' || status === 429 || (status !== undefined && status >= 500))
    return { status: 'failed', reason, retryable: true };
  if (name === 'InvalidAuthentication' || name === 'InvalidAuthenticationError' || status === 401 || status === 403)
    return { status: 'failed', reason, retryable: false };
  if (name === 'IntegrationError') return { status: 'failed', reason, retryable: false };
  return { status: 'rejected', reason };
}
