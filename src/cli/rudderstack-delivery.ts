/**
 * The CLI's RudderStack path: events become jobs of a modelled rudder-server router (./router.ts), which
 * sends them through rudder-transformer's service (../rudder-transformer.ts) to this package's
 * `processRouterDest`, delivers what the transformer hands back, and retries as rudder-server does. The
 * transformer runs with the operator settings in its environment, the rest in the destination's Config.
 */
import { operatorEnvFor, toRudderConfig, withTransformerEnv } from '../destinations/rudderstack/config.js';
import { process, processRouterDest } from '../destinations/rudderstack/index.js';
import { takeWriteSlot } from '../core/attio/index.js';
import { attioMetrics } from '../core/attio/metrics.js';
import type { PlgConfig } from '../core/config/index.js';
import type { Delivery, DeliveryResult } from './delivery.js';
import { routerTransformService } from '../simulators/rudder-transformer.js';
import {
  RudderRouter,
  type JobOutcome,
  type RouterOptions,
  type RouterTiming,
} from '../simulators/rudder-server/router.js';

/** The destination definition's name (definition/db-config.json), which rudder-server sends as `destType`. */
export const DESTINATION_TYPE = 'ATTIO_PLG';

/**
 * rudder-server's retry schedule scaled for a replay that should end within minutes: backoff from 1 s to
 * 30 s, a 5xx job given up after 3 attempts and 2 minutes, any job after 10 minutes (429s retry until then).
 */
export const CLI_ROUTER_TIMING: RouterTiming = {
  minRetryBackoffMs: 1_000,
  maxRetryBackoffMs: 30_000,
  retryTimeWindowMs: 120_000,
  maxFailedCountForJob: 3,
  jobRetentionMs: 600_000,
  deliveryTimeoutMs: 10_000,
};

export interface RudderstackDeliveryOptions {
  destinationId?: string;
  timing?: Partial<RouterTiming>;
  observe?: RouterOptions['observe'];
}

export type RudderstackDelivery = Delivery & { readonly router: RudderRouter };

export function rudderstackDelivery(config: PlgConfig, options: RudderstackDeliveryOptions = {}): RudderstackDelivery {
  const env = operatorEnvFor(config);
  const destinationId = options.destinationId ?? 'attio-plg-cli';
  const destination = {
    ID: destinationId,
    Name: 'Attio PLG',
    Enabled: true,
    WorkspaceID: 'attio-plg-cli-workspace',
    DestinationDefinition: {
      ID: 'attio-plg-definition',
      Name: DESTINATION_TYPE,
      DisplayName: 'Attio PLG',
      Config: { transformAtV1: 'router' },
    },
    Config: toRudderConfig(config),
    Transformations: [],
    IsProcessorEnabled: true,
    RevisionID: 'cli',
  };
  const transformer = routerTransformService({ process, processRouterDest }, (work) => withTransformerEnv(env, work));
  // As an operator caps rudder-server's deliveries to a workspace at Attio's write rate — here from the same
  // budget as the transformer's own writes (one process, one workspace), so the two never sum past it.
  const budget = {
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    readsPerSecond: config.readsPerSecond,
    writesPerSecond: config.writesPerSecond,
  };
  const router = new RudderRouter({
    destination,
    destType: DESTINATION_TYPE,
    transformer,
    timing: { ...CLI_ROUTER_TIMING, ...options.timing },
    throttle: () => takeWriteSlot(budget),
    onAttempt: () => {
      attioMetrics.attempts++;
    },
    ...(options.observe ? { observe: options.observe } : {}),
  });
  return {
    name: 'rudderstack',
    router,
    async deliver(events) {
      return (await router.route(events)).map(deliveryResultOf);
    },
  };
}

/**
 * A job's end as a replay counts it: an instrumentation error is the event's fault (rejected); a job given
 * up after retries (410) may succeed when replayed; any other abort (configuration, authentication, an
 * Attio 4xx on delivery) needs a fix first.
 */
function deliveryResultOf(outcome: JobOutcome): DeliveryResult {
  switch (outcome.state) {
    case 'succeeded':
      return { status: 'applied' };
    case 'filtered':
      return { status: 'ignored' };
    case 'aborted':
      if (outcome.errorType === 'instrumentation') return { status: 'rejected', reason: outcome.reason };
      return {
        status: 'failed',
        reason: `${outcome.statusCode}: ${outcome.reason}`,
        retryable: outcome.statusCode === 410,
      };
  }
}
