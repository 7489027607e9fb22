/**
 * One engine per RudderStack destination in this process: its own Attio connection (one rate budget, the
 * transformer's ATTIO_READS_PER_SECOND/ATTIO_WRITES_PER_SECOND, since a destination is one Attio workspace
 * and token) and its own cached workspace schema. A changed Config for the same destination ID replaces
 * both, so a new token or URL never reuses the old connection. Each engine carries the workspace gate for
 * its Config (the core's, which `serve` and the Segment destination also use): a workspace that is not ready
 * fails every job of that destination that would write with the check's problems, as a ConfigurationError
 * (token problems: UnauthorizedError), before any write, rather than each event failing later on its own.
 */
import { createHash } from 'node:crypto';
import type { RetryPolicy } from '../../core/attio/index.js';
import { connectionFor } from '../../core/connection.js';
import type { PlgConfig } from '../../core/config/index.js';
import { WorkspaceGate } from '../../core/setup/index.js';
import type { MappedItem } from '../../core/engine.js';
import { EventEngine, mapItem } from '../../pipeline.js';
import { stderrLogger } from '../../core/logger.js';
import { hostNetworkTransport, type HostNetwork } from './host-network.js';

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

/** A destination's engine and the workspace check made for its Config. */
export interface DestinationEngine {
  fingerprint: string;
  engine: EventEngine;
  gate: WorkspaceGate;
}

const USER_AGENT = 'attio-plg (rudderstack)';

/** Engines on our own transport, and engines on each host network module (their requests go another way). */
const ownEngines = new Map<string, DestinationEngine>();
const hostEngines = new WeakMap<HostNetwork, Map<string, DestinationEngine>>();

function enginesOn(network: HostNetwork | undefined): Map<string, DestinationEngine> {
  if (network === undefined) return ownEngines;
  let engines = hostEngines.get(network);
  if (engines === undefined) hostEngines.set(network, (engines = new Map()));
  return engines;
}

/** The destination's engine; its requests go through the host's `network` when given (./host-network.ts), else got. */
export function engineFor(destinationId: string, config: PlgConfig, network?: HostNetwork): DestinationEngine {
  const engines = enginesOn(network);
  const fingerprint = createHash('sha256').update(JSON.stringify(config)).digest('hex');
  const current = engines.get(destinationId);
  if (current?.fingerprint === fingerprint) return current;
  const http =
    network &&
    hostNetworkTransport(network, {
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      timeoutMs: config.requestTimeoutMs,
      userAgent: USER_AGENT,
    });
  const { client } = connectionFor(config, {
    userAgent: USER_AGENT,
    retry: TRANSFORMER_RETRY_POLICY,
    ...(http ? { http } : {}),
  });
  const built = {
    fingerprint,
    engine: new EventEngine({ client, config, logger: stderrLogger }),
    gate: new WorkspaceGate(client, config),
  };
  engines.set(destinationId, built);
  return built;
}

/**
 * Events mapped, behind the destination's workspace check: an invalid event keeps its own rejection and an
 * untracked one is still ignored, without a request; only events that would write to a workspace that is not
 * ready get the check's failure.
 */
export async function gatedItems(destination: DestinationEngine, raws: readonly unknown[]): Promise<MappedItem[]> {
  const items = raws.map((raw) => mapItem(raw, destination.engine.config));
  const writes = (item: MappedItem) => item.failure === undefined && item.intents.length > 0;
  const verdict = items.some(writes) ? await destination.gate.verdict() : undefined;
  // A check that could not run decides nothing: the events go on, and their own failures are retried.
  const failure = verdict?.state === 'not-ready' ? verdict.failure : undefined;
  return failure ? items.map((item) => (writes(item) ? { ...item, intents: [], failure } : item)) : items;
}
