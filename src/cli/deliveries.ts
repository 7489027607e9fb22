/**
 * The CLI's deliveries. The Segment path runs actions-core's Destination runtime with the destination's
 * presets as subscriptions; the RudderStack path is a model of rudder-server's router around
 * processRouterDest (./rudder-server); the direct path is the core engine alone (./direct-delivery.ts).
 * Each translates its per-event answer into a DeliveryResult.
 */
import type { PlgConfig } from '../core/config/index.js';
import type { Delivery, Via } from './delivery.js';

/** Each path is loaded only when chosen: a direct backfill never holds either platform's libraries in memory. */
export async function createDelivery(via: Via, config: PlgConfig): Promise<Delivery> {
  if (via === 'segment') {
    const { segmentDelivery } = await import('./segment-delivery.js');
    return segmentDelivery(config);
  }
  if (via === 'direct') {
    const { directDelivery } = await import('./direct-delivery.js');
    return directDelivery(config);
  }
  const { rudderstackDelivery } = await import('./rudderstack-delivery.js');
  return rudderstackDelivery(config);
}
