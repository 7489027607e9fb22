/** The receiver as `serve` runs it (queue, drain, /ready, /metrics), in-process, on a fresh data directory. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventQueueOptions } from '../../src/destinations/http/queue/index.js';
import {
  startReceiverService,
  type ReceiverService,
  type ReceiverServiceOptions,
} from '../../src/destinations/http/service.js';

export type TestReceiver = ReceiverService & { dataDir: string };

export function freshDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'attio-plg-data-'));
}

/** The service on a fresh data directory unless one is given; close() gives the drain a second, not twenty. */
export async function startTestReceiver(
  options: Omit<ReceiverServiceOptions, 'queue'> & { queue?: Partial<EventQueueOptions> },
): Promise<TestReceiver> {
  const dataDir = options.queue?.dataDir ?? freshDataDir();
  const service = await startReceiverService({ drainGraceMs: 1_000, ...options, queue: { ...options.queue, dataDir } });
  return { ...service, dataDir };
}
