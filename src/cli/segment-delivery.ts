/**
 * The CLI's Segment path: this package's Segment destination, set up as the CLI configuration would set it
 * up in Segment (settings, and every preset with its configuration fields set to the configuration's
 * values), delivered by the model of Segment's delivery (../simulators/segment-delivery.ts).
 *
 * Segment's ingestion refuses malformed messages before any destination sees them; a replay file may hold
 * such messages, so one that no subscription takes is checked against the tracking plan here: invalid ->
 * rejected with the reason, untracked -> ignored.
 */
import type { PlgConfig } from '../core/config/index.js';
import { InvalidEventError } from '../core/errors.js';
import { configFieldValues, createAttioPlgDestination } from '../destinations/segment/index.js';
import { laneKey } from '../mapping/event-keys.js';
import { mapEvent } from '../mapping/map-event.js';
import {
  simulateSegmentDelivery,
  type SegmentDeliveryOptions,
  type SimulatedResult,
} from '../simulators/segment-delivery.js';
import type { Delivery } from './delivery.js';

export function segmentSetupFor(config: PlgConfig) {
  const destination = createAttioPlgDestination({
    env: { ATTIO_API_URL: config.apiUrl },
    requestTimeoutMs: config.requestTimeoutMs,
    readsPerSecond: config.readsPerSecond,
    writesPerSecond: config.writesPerSecond,
  });
  const settings = {
    apiKey: config.apiKey,
    ...(config.dealMatchingAttribute ? { dealMatchingAttribute: config.dealMatchingAttribute } : {}),
  };
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
  const simulated = simulateSegmentDelivery(
    {
      destination: destination as never,
      settings,
      subscriptions,
      personOf: laneKey,
      notSubscribed: (event) => notSubscribed(event, config),
    },
    options,
  );
  return { name: 'segment', deliver: (events) => simulated.deliver(events) };
}

function notSubscribed(event: unknown, config: PlgConfig): SimulatedResult {
  try {
    return mapEvent(event, config).length === 0
      ? { status: 'ignored' }
      : { status: 'rejected', reason: 'no subscription takes this event' };
  } catch (error) {
    if (error instanceof InvalidEventError) return { status: 'rejected', reason: error.message };
    throw error;
  }
}
