/**
 * The CLI's own path to Attio, for backfills: no platform in between, so a batch is as large as `--batch-size`
 * says and one person's (and one account's) whole history in it coalesces — one read and one write per
 * person — instead of the at most 20 jobs rudder-server hands a transformer. The engine sends its deferred
 * writes itself, keeps to the configuration's rate budgets, and runs an event again after a passing failure
 * (every workflow finds what an earlier run wrote); what still fails is reported for the replay to hold.
 */
import { connectionFor } from '../core/connection.js';
import type { PlgConfig } from '../core/config/index.js';
import type { EventResult } from '../core/engine.js';
import { stderrLogger } from '../core/logger.js';
import { EventEngine } from '../pipeline.js';
import type { Delivery, DeliveryResult } from './delivery.js';

/** Runs of an event in one delivery: a throttle or a 5xx usually passes within the backoff of a few runs. */
const RUNS = 4;

export function directDelivery(config: PlgConfig): Delivery {
  const { client } = connectionFor(config, { userAgent: 'attio-plg (replay)' });
  const engine = new EventEngine({ client, config, logger: stderrLogger, maxRuns: RUNS });
  return {
    name: 'direct',
    async deliver(events) {
      return (await engine.processBatch(events)).map(resultOf);
    },
  };
}

function resultOf(result: EventResult): DeliveryResult {
  if (result.status === 'applied' || result.status === 'ignored') return { status: result.status };
  const reason = result.failure?.message ?? result.status;
  return result.status === 'rejected'
    ? { status: 'rejected', reason }
    : { status: 'failed', reason, retryable: result.failure?.retryable ?? false };
}
