/**
 * The two adapters as CLI deliveries. The Segment path runs actions-core's Destination runtime with the
 * destination's presets as subscriptions; the RudderStack path calls processRouterDest with a batch of jobs,
 * as rudder-server would. Both translate their platform's per-event answer back into a DeliveryResult.
 */
import type { PlgConfig } from '../core/config/index.js';
import { processRouterDest } from '../destinations/rudderstack/index.js';
import got from 'got';
import { attioMetrics } from '../core/attio/metrics.js';
import type { RudderRequest } from '../destinations/rudderstack/index.js';
import type { Delivery, DeliveryResult, Via } from './delivery.js';

/** The RudderStack `Config` equivalent of a core configuration (the inverse of the adapter's mapping). */
export function rudderConfigFor(config: PlgConfig): Record<string, unknown> {
  const { scoringModel, milestoneEvents, ...rest } = config;
  return {
    ...rest,
    scoringSignals: scoringModel.signals.map((s) => ({ signal: s.key, label: s.label, weight: s.weight, threshold: s.threshold })),
    milestoneEvents: Object.entries(milestoneEvents).map(([from, to]) => ({ from, to })),
  };
}

export function rudderstackDelivery(config: PlgConfig, destinationId = 'attio-plg-cli'): Delivery {
  const destination = { ID: destinationId, Config: rudderConfigFor(config) };
  let nextJobId = 1;
  return {
    name: 'rudderstack',
    async deliver(events) {
      const jobIds = events.map(() => nextJobId++);
      const inputs = events.map((message, index) => ({ message, metadata: { jobId: jobIds[index] }, destination }));
      const outputs = await processRouterDest(inputs);
      const byJob = new Map<unknown, DeliveryResult>();
      for (const output of outputs) {
        let result: DeliveryResult;
        if ('statTags' in output) result = fromRudderError(output.statusCode, output.error, output.statTags);
        else if (output.statusCode === 298) result = { status: 'ignored' };
        else result = output.statusCode === 200 ? await deliverRequests(output.batchedRequest, config.requestTimeoutMs) : { status: 'applied' };
        for (const metadata of output.metadata) byJob.set(metadata.jobId, result);
      }
      return jobIds.map((id) => byJob.get(id) ?? { status: 'failed', reason: 'no output for this job', retryable: true });
    },
  };
}

/** Sends an entry's requests in order, as rudder-server does, stopping at the first that fails. */
async function deliverRequests(requests: readonly RudderRequest[], timeoutMs: number): Promise<DeliveryResult> {
  for (const request of requests) {
    attioMetrics.attempts++;
    let status: number;
    try {
      const response = await got(request.endpoint, {
        method: request.method as 'PUT' | 'PATCH' | 'POST',
        headers: request.headers,
        searchParams: request.params,
        json: request.body.JSON,
        throwHttpErrors: false,
        retry: { limit: 0 },
        timeout: { request: timeoutMs },
      });
      status = response.statusCode;
    } catch {
      status = 504;
    }
    if (status >= 200 && status < 300) continue;
    const reason = `rudder-server delivery got ${status} from ${request.method} ${request.endpointPath}`;
    if (status === 429 || status === 408 || status >= 500) return { status: 'failed', reason, retryable: true };
    return { status: 'failed', reason, retryable: false };
  }
  return { status: 'applied' };
}

/**
 * rudder-server's reading of an error entry: 429/5xx are retried; an instrumentation error is the event's
 * fault (rejected); any other 4xx (configuration, authentication) is a delivery failure to fix and replay.
 */
function fromRudderError(statusCode: number, error: string, statTags: Record<string, string>): DeliveryResult {
  if (statusCode === 429 || statusCode >= 500) return { status: 'failed', reason: error, retryable: true };
  if (statTags.errorType === 'instrumentation') return { status: 'rejected', reason: error };
  return { status: 'failed', reason: error, retryable: false };
}

export async function createDelivery(via: Via, config: PlgConfig): Promise<Delivery> {
  if (via === 'segment') {
    const { segmentDelivery } = await import('./segment-delivery.js');
    return segmentDelivery(config);
  }
  return rudderstackDelivery(config);
}
