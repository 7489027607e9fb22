/**
 * How the CLI hands events to the connector: through one of the two platform adapters, exactly as Segment or
 * RudderStack would, so a replay exercises the same code as production — or `direct`, the core engine
 * itself, for backfills whose large batches coalesce. Each event gets its own result.
 */
import type { EventStatus } from '../core/engine.js';

export interface DeliveryResult {
  status: EventStatus;
  /** Why an event was rejected or failed (names the field or setting; never the API key). */
  reason?: string;
  /** A failed event may succeed later (throttled, Attio unavailable, person not identified yet). */
  retryable?: boolean;
}

export interface Delivery {
  readonly name: 'segment' | 'rudderstack' | 'direct';
  deliver(events: readonly unknown[]): Promise<DeliveryResult[]>;
}

export type Via = Delivery['name'];
export const VIAS: readonly Via[] = ['segment', 'rudderstack', 'direct'];
