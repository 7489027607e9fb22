/**
 * The CLI's deliveries. The Segment path runs actions-core's Destination runtime with the destination's
 * presets as subscriptions; the RudderStack path is a model of rudder-server's router around
 * processRouterDest (./rudder-server); the direct path is the core engine alone (./direct-delivery.ts).
 * Each translates its per-event answer into a DeliveryResult.
 */
import type { PlgConfig } from '../core/config/index.js';
import type { Delivery, Via } from './delivery.js';
import { rudderstackDelivery } from './rudder-server/delivery.js';

export { rudderstackDelivery, type RudderstackDeliveryOptions } from './rudder-server/delivery.js';

export async function createDelivery(via: Via, config: PlgConfig): Promise<Delivery> {
  if (via === 'segment') {
    const { segmentDelivery } = await import('./segment-delivery.js');
    return segmentDelivery(config);
  }
  if (via === 'direct') {
    const { directDelivery } = await import('./direct-delivery.js');
    return directDelivery(config);
  }
  return rudderstackDelivery(config);
}
