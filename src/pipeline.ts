/**
 * Where mapping and core meet: raw Segment-spec events are mapped (pure, so an invalid event is rejected
 * before any request) and the engine applies the intents. The core never sees a raw event; the adapters,
 * the CLI and library users that hold raw events use this engine.
 */
import { PlgEngine, type EventResult, type MappedItem } from './core/engine.js';
import { classifyFailure } from './core/failures.js';
import type { PlgConfig } from './core/config/index.js';
import { messageIdOf } from './mapping/event-keys.js';
import { mapEvent } from './mapping/map-event.js';

/** Maps one raw event into a batch item: its intents, or the failure that rejects it. */
export function mapItem(raw: unknown, config: PlgConfig): MappedItem {
  const messageId = messageIdOf(raw);
  const base = messageId === undefined ? {} : { messageId };
  try {
    return { ...base, intents: mapEvent(raw, config) };
  } catch (error) {
    return { ...base, intents: [], failure: classifyFailure(error) };
  }
}

/** The engine, taking raw events: each is mapped on its own, then the batch is applied with the engine's guarantees. */
export class EventEngine extends PlgEngine {
  /** Maps and applies one Segment-spec event. */
  async processEvent(raw: unknown): Promise<EventResult> {
    const [result] = await this.processBatch([raw]);
    return result as EventResult;
  }

  /** Applies a batch of raw events; results are in input order (see PlgEngine.processIntentBatch). */
  processBatch(raws: readonly unknown[]): Promise<EventResult[]> {
    return this.processIntentBatch(raws.map((raw) => mapItem(raw, this.config)));
  }
}
