/**
 * The events of a what-if run: the file read once, then mapped by each model's configuration (two models
 * may route events differently), with the redeliveries, rejections and ignored events counted as a replay
 * would count them.
 */
import type { PlgConfig } from '../../core/config/index.js';
import { InvalidEventError } from '../../core/errors.js';
import type { Intent } from '../../core/intents.js';
import { messageIdOf } from '../../mapping/event-keys.js';
import { mapEvent } from '../../mapping/index.js';
import { readJsonLines, type JsonLine } from '../jsonl.js';

export async function readEventFile(path: string): Promise<JsonLine[]> {
  const lines: JsonLine[] = [];
  for await (const line of readJsonLines(path)) lines.push(line);
  return lines;
}

export interface EventCounts {
  /** Lines holding JSON (or meant to). */
  read: number;
  /** Mapped into at least one intent. */
  used: number;
  /** Redeliveries: a messageId seen before. */
  duplicates: number;
  /** Valid, but the tracking plan routes them nowhere (e.g. `Page Viewed`). */
  ignored: number;
  /** Not JSON, or refused by the mapping. */
  rejected: number;
  /** Rejections counted by reason, e.g. `traits.email: must be a valid email address`. */
  rejectedByReason: Record<string, number>;
}

export interface MappedEvents {
  /** In file order; each intent's timestamp says when it happened. */
  intents: Intent[];
  counts: EventCounts;
}

/** Maps every line as the connector would: a redelivered messageId counts once, bad events are counted, not fatal. */
export function mapEvents(lines: readonly JsonLine[], config: PlgConfig): MappedEvents {
  const counts: EventCounts = {
    read: lines.length,
    used: 0,
    duplicates: 0,
    ignored: 0,
    rejected: 0,
    rejectedByReason: {},
  };
  const intents: Intent[] = [];
  const seen = new Set<string>();
  const reject = (reason: string): void => {
    counts.rejected++;
    counts.rejectedByReason[reason] = (counts.rejectedByReason[reason] ?? 0) + 1;
  };
  for (const line of lines) {
    if ('error' in line) {
      reject('not valid JSON');
      continue;
    }
    const messageId = messageIdOf(line.event);
    if (messageId !== undefined && seen.has(messageId)) {
      counts.duplicates++;
      continue;
    }
    let mapped: Intent[];
    try {
      mapped = mapEvent(line.event, config);
    } catch (error) {
      if (!(error instanceof InvalidEventError)) throw error;
      reject(error.message);
      continue;
    }
    // Only an applied event claims its messageId: a fixed redelivery of a rejected one is a new attempt.
    if (messageId !== undefined) seen.add(messageId);
    if (mapped.length === 0) counts.ignored++;
    else counts.used++;
    intents.push(...mapped);
  }
  return { intents, counts };
}
