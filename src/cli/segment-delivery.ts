/**
 * The Segment path of a replay: actions-core's own Destination runtime (as Segment runs a destination),
 * with the destination's presets as subscriptions. Segment's ingestion refuses malformed messages before any
 * destination sees them; a replay file may hold such messages, so one that no subscription takes is checked
 * against the tracking plan here: invalid -> rejected with the reason, untracked -> ignored.
 */
import { createRequire } from 'node:module';
import type * as ActionsCore from '@segment/actions-core';
import type { PlgConfig } from '../core/config/index.js';
import { InvalidEventError } from '../core/errors.js';
import destination from '../destinations/segment/index.js';
import { mapEvent } from '../mapping/map-event.js';
import type { Delivery, DeliveryResult } from './delivery.js';

const require = createRequire(import.meta.url);
const { Destination } = require('@segment/actions-core') as typeof ActionsCore;

type Settings = Parameters<ActionsCore.Destination['onBatch']>[1];
type MultiStatus = NonNullable<ActionsCore.Result['multistatus']>[number];

const NOT_SUBSCRIBED = 'Payload is either invalid or does not match the subscription';

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
  };
}

export function segmentDelivery(config: PlgConfig): Delivery {
  const runtime = new Destination(destination);
  const settings = { ...segmentSettingsFor(config), subscriptions: destination.presets } as unknown as Settings;
  return {
    name: 'segment',
    async deliver(events) {
      const results = await runtime.onBatch(events as ActionsCore.SegmentEvent[], settings);
      return events.map((event, index) => combine(event, results.map((r) => r.multistatus?.[index]), config));
    },
  };
}

/** One event's result across the subscriptions: the worst answer of those that took it. */
function combine(event: unknown, answers: Array<MultiStatus | undefined>, config: PlgConfig): DeliveryResult {
  const taken = answers.filter((a): a is MultiStatus => a !== undefined && !(a.status === 400 && 'errormessage' in a && a.errormessage === NOT_SUBSCRIBED));
  if (taken.length === 0) return notSubscribed(event, config);
  const results = taken.map(fromMultiStatus);
  return results.find((r) => r.status === 'failed') ?? results.find((r) => r.status === 'rejected') ?? { status: 'applied' };
}

function fromMultiStatus(answer: MultiStatus): DeliveryResult {
  if (answer.status >= 200 && answer.status < 300) return { status: 'applied' };
  const reason = 'errormessage' in answer ? answer.errormessage : `HTTP ${answer.status}`;
  if (answer.status === 429 || answer.status >= 500) return { status: 'failed', reason, retryable: true };
  if (answer.status === 401 || answer.status === 403) return { status: 'failed', reason, retryable: false };
  const errortype = 'errortype' in answer ? String(answer.errortype) : '';
  // Settings errors are the operator's to fix, not the event's fault.
  if (/INTEGRATION_ERROR|MISCONFIGURED/i.test(errortype)) return { status: 'failed', reason, retryable: false };
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
