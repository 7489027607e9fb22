/**
 * The Segment path of a replay: actions-core's own Destination runtime (as Segment runs a destination),
 * with the destination's presets as subscriptions. Segment's ingestion refuses malformed messages before any
 * destination sees them; a replay file may hold such messages, so one that no subscription takes is checked
 * against the tracking plan here: invalid -> rejected with the reason, untracked -> ignored.
 */
import { createRequire } from 'node:module';
import PQueue from 'p-queue';
import type * as ActionsCore from '@segment/actions-core';
import type { PlgConfig } from '../core/config/index.js';
import { laneKey } from '../mapping/event-keys.js';
import { InvalidEventError } from '../core/errors.js';
import destination from '../destinations/segment/index.js';
import { mapEvent } from '../mapping/map-event.js';
import type { Delivery, DeliveryResult } from './delivery.js';

const require = createRequire(import.meta.url);
const { Destination } = require('@segment/actions-core') as typeof ActionsCore;

type Settings = Parameters<ActionsCore.Destination['onEvent']>[1];

/** The Segment settings equivalent of a core configuration. */
export function segmentSettingsFor(config: PlgConfig): Record<string, unknown> {
  return {
    apiKey: config.apiKey,
    apiUrl: config.apiUrl,
    trialList: config.trialList,
    pqlList: config.pqlList,
    pqlStage: config.pqlStage,
    handoffStage: config.handoffStage,
    pqlThreshold: config.pqlThreshold,
    scoringModel: JSON.stringify(config.scoringModel),
    salesReps: config.salesReps.join(', '),
    taskDueHours: config.taskDueHours,
    personalDomains: config.personalDomains,
    extraPersonalDomains: config.extraPersonalDomains.join(', '),
    productObjects: config.productObjects,
    ...(config.dealMatchingAttribute ? { dealMatchingAttribute: config.dealMatchingAttribute } : {}),
    strict: config.strict,
    requestTimeoutMs: config.requestTimeoutMs,
  };
}

/**
 * Delivers event by event with `onEvent`, as Segment calls a destination for each event: one person's events
 * in order, different people concurrently. (With `onBatch`, Segment runs each action's batch separately, so
 * a group call could overtake the identify that creates its user.)
 */
export function segmentDelivery(config: PlgConfig, concurrency = 8): Delivery {
  const runtime = new Destination(destination);
  const settings = { ...segmentSettingsFor(config), subscriptions: destination.presets } as unknown as Settings;
  const deliverOne = async (event: unknown): Promise<DeliveryResult> => {
    try {
      const results = await runtime.onEvent(event as ActionsCore.SegmentEvent, settings);
      const subscribed = results.some((r) => r.output !== 'not subscribed');
      return subscribed ? { status: 'applied' } : notSubscribed(event, config);
    } catch (error) {
      return fromThrown(error);
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
      const queue = new PQueue({ concurrency });
      for (const indexes of lanes.values()) {
        void queue.add(async () => {
          // After a failure worth retrying, the person's later events wait for it, so they keep their order.
          let held: DeliveryResult | undefined;
          for (const index of indexes) {
            const result = held ?? (await deliverOne(events[index]));
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
  const { name, message, status } = error as { name?: string; message?: string; status?: number };
  const reason = message ?? String(error);
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
