/**
 * One engine per RudderStack destination in this process: its own Attio connection (one rate budget, the
 * transformer's ATTIO_READS_PER_SECOND/ATTIO_WRITES_PER_SECOND, since a destination is one Attio workspace
 * and token) and its own cached workspace schema. A changed Config for the
 * same destination ID replaces both, so a new token or URL never reuses the old connection.
 */
import { createHash } from 'node:crypto';
import type { RetryPolicy } from '../../core/attio/index.js';
import { connectionFor } from '../../core/connection.js';
import type { PlgConfig } from '../../core/config/index.js';
import { EventEngine } from '../../pipeline.js';
import { stderrLogger } from '../../core/logger.js';

/**
 * Short in-process retries: rudder-server retries a failed job with its own backoff, and a router request
 * that waits long for one workspace holds up the whole batch.
 */
export const TRANSFORMER_RETRY_POLICY: Partial<RetryPolicy> = {
  maxAttempts: 3,
  maxTotalWaitMs: 5_000,
  baseDelayMs: 100,
  maxDelayMs: 1_000,
};

interface DestinationEngine {
  fingerprint: string;
  engine: EventEngine;
}

const engines = new Map<string, DestinationEngine>();

export function engineFor(destinationId: string, config: PlgConfig): EventEngine {
  const fingerprint = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  const current = engines.get(destinationId);
  if (current?.fingerprint === fingerprint) return current.engine;
  const { client } = connectionFor(config, { userAgent: 'attio-plg (rudderstack)', retry: TRANSFORMER_RETRY_POLICY });
  const engine = new EventEngine({ client, config, logger: stderrLogger });
  engines.set(destinationId, { fingerprint, engine });
  return engine;
}
