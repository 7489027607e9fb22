/**
 * The RudderStack destination: `processRouterDest` for a router batch, `process` for one event (processor
 * stage). Each job goes through the shared engine: mapping validates it once; the transformer makes only
 * the calls whose results later steps need (reads, and the writes that return an id: the person, the
 * company, notes, tasks and deals, which converge across processes) and returns every other write — list
 * entries, attribute updates, the deal's people, the completion markers — as the entry's `batchedRequest`,
 * in order, for rudder-server to deliver, throttle and retry. A retried job is transformed again: it finds
 * what earlier attempts wrote and returns only what is left.
 *
 * Statuses (rudder-server router/worker.go): 200 with the writes to deliver; 299 when the transformer
 * made every write itself (`batchedRequest` then lists what it did, so Live Events shows it); 298 for an
 * event the tracking plan ignores; otherwise the integrations-lib error of the core's failure category.
 * One person's jobs of a batch share one entry (their writes are one lane's); every job is in exactly one.
 */
import { ConfigurationError, InstrumentationError, type BaseError } from '@rudderstack/integrations-lib';
import type { AttioRequest } from '../../core/attio/transport.js';
import type { PlgConfig } from '../../core/config/index.js';
import type { EventResult, TransformedBatch } from '../../core/engine.js';
import { classifyFailure } from '../../core/failures.js';
import { describeIssue, firstProblem } from '../../core/config/zod-issues.js';
import { workflowOf } from '../../mapping/map-event.js';
import { isRecord } from '../../lib/is-record.js';
import type { EventEngine } from '../../pipeline.js';
import { toPlgConfig } from './config.js';
import { engineFor, gatedItems, type DestinationEngine } from './engines.js';
import { redact, toRudderError } from './errors.js';
import { endpointPath, hostCall, type HostNetwork } from './host-network.js';
import {
  destinationSchema,
  FILTER_EVENTS,
  SUPPRESS_EVENTS,
  type ErrorEntry,
  type RouterOutputEntry,
  type RudderDestination,
  type RudderMetadata,
  type RudderRequest,
  type SuccessEntry,
} from './types.js';

interface Job {
  message: unknown;
  metadata: RudderMetadata;
  destination: RudderDestination;
  target: DestinationEngine;
  engine: EventEngine;
  apiKey: string;
}

/** `process` and `processRouterDest`, as a rudder-transformer destination folder exports them. */
export interface RudderTransformerDestination {
  process(event: unknown, reqMetadata?: unknown): Promise<RudderRequest[]>;
  processRouterDest(inputs: unknown, reqMetadata?: unknown): Promise<RouterOutputEntry[]>;
}

/**
 * The destination with every Attio request sent through the host's HTTP layer: rudder-transformer's
 * network module (`withHostNetwork(require('../../../adapters/network'))`, docs/hosts.md). The exported
 * `process` and `processRouterDest` send with the package's own transport instead.
 */
export function withHostNetwork(network: HostNetwork): RudderTransformerDestination {
  return {
    process: (event) => processEvent(event, network),
    processRouterDest: (inputs) => routerTransform(inputs, network),
  };
}

/**
 * Processor stage: one event. Resolves with the requests rudder-server should deliver for it, in order
 * (none when the transformer made every write itself); rejects with an integrations-lib error.
 */
export async function process(event: unknown, _reqMetadata?: unknown): Promise<RudderRequest[]> {
  return processEvent(event, undefined);
}

/** Router stage: a batch of jobs. One entry per job or per person's jobs, every input job in exactly one. */
export async function processRouterDest(inputs: unknown, _reqMetadata?: unknown): Promise<RouterOutputEntry[]> {
  return routerTransform(inputs, undefined);
}

/**
 * An event the tracking plan ignores is an InstrumentationError here, as rudder-transformer's destinations
 * answer an event they do not map: its processor route answers a thrown 298 without an output, which its
 * own response schema refuses. (The router stage answers 298 with the event shown, which that schema accepts.)
 */
async function processEvent(event: unknown, network: HostNetwork | undefined): Promise<RudderRequest[]> {
  const job = prepareJob(event, new Map(), network);
  const transformed = await hostCall.run({ module: 'processor', metadata: job.metadata }, () =>
    transform(job.target, [job.message]),
  );
  const [result] = transformed.results;
  if (result?.status === 'ignored')
    throw new InstrumentationError(`${filteredReason(job.message, job.engine.config)}. Aborting message.`);
  if (result === undefined || result.status === 'rejected' || result.status === 'failed')
    throw errorOf(result, job.apiKey);
  const writes = transformed.groups[0]?.writes ?? [];
  return writes.map((request) => toRudderRequest(request, job.engine.config, 'deliver'));
}

async function routerTransform(inputs: unknown, network: HostNetwork | undefined): Promise<RouterOutputEntry[]> {
  if (!Array.isArray(inputs) || inputs.length === 0) return [];
  // Each input's slot: its entry, JOINED when its job shares an entry placed at an earlier slot.
  const slots: Array<RouterOutputEntry | typeof JOINED | undefined> = new Array(inputs.length);
  const engines = new Map<string, DestinationEngine | BaseError>();
  const batches = new Map<DestinationEngine, Array<{ index: number; job: Job }>>();
  inputs.forEach((input: unknown, index) => {
    try {
      const job = prepareJob(input, engines, network);
      const batch = batches.get(job.target);
      if (batch) batch.push({ index, job });
      else batches.set(job.target, [{ index, job }]);
    } catch (error) {
      slots[index] = errorEntry(
        field(input, 'metadata'),
        field(input, 'destination'),
        asRudderError(error, secretOf(input)),
      );
    }
  });
  await Promise.all(
    [...batches].map(async ([target, batch]) => {
      const metadata = batch[0]?.job.metadata;
      const transformed = await hostCall.run({ module: 'router', metadata }, () =>
        transform(
          target,
          batch.map(({ job }) => job.message),
        ),
      );
      entriesFor(batch, transformed).forEach((entry, position) => {
        const slot = batch[position]?.index;
        if (slot !== undefined) slots[slot] = entry;
      });
    }),
  );
  // Every job is in an entry above; the fallback keeps the one-entry-per-job contract even against a bug.
  return slots.flatMap((slot, index) =>
    slot === JOINED
      ? []
      : [
          slot ??
            errorEntry(field(inputs[index], 'metadata'), field(inputs[index], 'destination'), errorOf(undefined, '')),
        ],
  );
}

const JOINED = Symbol('joined an earlier entry');

async function transform(target: DestinationEngine, messages: unknown[]): Promise<TransformedBatch> {
  try {
    return await target.engine.transformIntentBatch(await gatedItems(target, messages));
  } catch (error) {
    const failure = classifyFailure(error);
    return { results: messages.map(() => ({ status: 'failed', outcomes: [], failure })), groups: [] };
  }
}

/**
 * The entries of one destination's jobs, by position in `batch` (JOINED where a job shares the entry at
 * an earlier position): a group's jobs share one entry; ignored jobs are 298 each; failed jobs each get
 * their error.
 */
function entriesFor(
  batch: ReadonlyArray<{ job: Job }>,
  transformed: TransformedBatch,
): Array<RouterOutputEntry | typeof JOINED | undefined> {
  const entries: Array<RouterOutputEntry | typeof JOINED | undefined> = new Array(batch.length);
  const grouped = new Set<number>();
  for (const group of transformed.groups) {
    const jobs = group.items.map((position) => batch[position]?.job).filter((job): job is Job => job !== undefined);
    const [first] = jobs;
    if (first === undefined) continue;
    const config = first.engine.config;
    const deliver = group.writes.length > 0;
    const requests = deliver
      ? group.writes.map((w) => toRudderRequest(w, config, 'deliver'))
      : group.performed.map((w) => toRudderRequest(w, config, 'record'));
    const entry: SuccessEntry = {
      batchedRequest:
        requests.length > 0 ? requests : [eventRecord(first.message, config, 'nothing in Attio needed to change')],
      metadata: jobs.map((job) => job.metadata),
      batched: jobs.length > 1,
      statusCode: deliver ? 200 : SUPPRESS_EVENTS,
      destination: withoutSecrets(first.destination),
    };
    const [firstPosition, ...rest] = [...group.items].sort((a, b) => a - b);
    if (firstPosition !== undefined) entries[firstPosition] = entry;
    for (const position of rest) entries[position] = JOINED;
    for (const position of group.items) grouped.add(position);
  }
  transformed.results.forEach((result, position) => {
    if (grouped.has(position)) return;
    const job = batch[position]?.job;
    if (job === undefined) return;
    entries[position] =
      result.status === 'ignored'
        ? filteredEntry(job)
        : errorEntry(job.metadata, job.destination, errorOf(result, job.apiKey));
  });
  return entries;
}

function filteredEntry(job: Job): SuccessEntry {
  const reason = filteredReason(job.message, job.engine.config);
  return {
    batchedRequest: [eventRecord(job.message, job.engine.config, reason)],
    metadata: [job.metadata],
    batched: false,
    statusCode: FILTER_EVENTS,
    destination: withoutSecrets(job.destination),
    error: reason,
  };
}

function filteredReason(message: unknown, config: PlgConfig): string {
  const event = field(message, 'event');
  return workflowOf(message, config) === 'untracked'
    ? `Event ${JSON.stringify(event)} is not in the tracking plan: no workflow routes it`
    : 'The tracking plan routes no workflow for this event';
}

/**
 * A request as rudder-server delivers it. `deliver`: with the Authorization header it needs. `record`: a
 * request the transformer already made, listed for Live Events only (rudder-server sends nothing for 298
 * and 299), so its Authorization header is redacted.
 */
function toRudderRequest(request: AttioRequest, config: PlgConfig, use: 'deliver' | 'record'): RudderRequest {
  const params = Object.fromEntries(
    Object.entries(request.query ?? {}).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
  return {
    version: '1',
    type: 'REST',
    method: request.method,
    endpoint: `${config.apiUrl}${request.path}`,
    endpointPath: endpointPath(request.path),
    userId: '',
    headers: {
      Authorization: use === 'deliver' ? `Bearer ${config.apiKey}` : 'Bearer [redacted]',
      'Content-Type': 'application/json',
      Accept: 'application/json',
    },
    params,
    body: { JSON: isRecord(request.body) ? request.body : {}, JSON_ARRAY: {}, XML: {}, FORM: {} },
    files: {},
  };
}

/**
 * What a 298 entry, or a 299 entry that sent nothing at all, shows in Live Events: the event and why
 * nothing was written. Never delivered (rudder-server sends nothing for 298/299).
 */
function eventRecord(message: unknown, config: PlgConfig, reason: string): RudderRequest {
  return {
    version: '1',
    type: 'REST',
    method: 'POST',
    endpoint: config.apiUrl,
    endpointPath: 'none',
    userId: '',
    headers: {},
    params: {},
    body: { JSON: { reason, event: isRecord(message) ? message : {} }, JSON_ARRAY: {}, XML: {}, FORM: {} },
    files: {},
  };
}

/**
 * Narrows one router input and finds its destination's engine. `engines` caches the outcome per destination
 * within a call, so a batch parses its Config once. Throws ConfigurationError for a bad destination.
 */
function prepareJob(
  input: unknown,
  engines: Map<string, DestinationEngine | BaseError>,
  network: HostNetwork | undefined,
): Job {
  const parsed = destinationSchema.safeParse(field(input, 'destination'), { error: describeIssue });
  if (!parsed.success) {
    const { field: path, reason } = firstProblem(parsed.error, 'destination');
    throw new ConfigurationError(`Invalid destination: ${path}: ${reason}`);
  }
  const destination = parsed.data;
  const key = `${destination.ID}\n${JSON.stringify(destination.Config)}`;
  let target = engines.get(key);
  if (target === undefined) {
    try {
      target = engineFor(destination.ID, toPlgConfig(destination.Config), network);
    } catch (error) {
      target = asRudderError(error, secretOf(input));
    }
    engines.set(key, target);
  }
  if (target instanceof Error) throw target;
  const metadata = field(input, 'metadata');
  return {
    message: field(input, 'message'),
    metadata: isRecord(metadata) ? metadata : {},
    destination,
    target,
    engine: target.engine,
    apiKey: secretOf(input) ?? '',
  };
}

function errorOf(result: EventResult | undefined, apiKey: string): BaseError {
  const failure = result?.failure ?? { category: 'internal', message: 'event was not processed', retryable: true };
  return toRudderError({ ...failure, message: redact(failure.message, apiKey) });
}

/** Errors thrown before the engine ran: integrations-lib errors pass through, anything else is classified. */
function asRudderError(error: unknown, apiKey: string | undefined): BaseError {
  if (isRudderError(error)) {
    error.message = redact(error.message, apiKey);
    return error;
  }
  const failure = classifyFailure(error);
  return toRudderError({ ...failure, message: redact(failure.message, apiKey) });
}

function isRudderError(error: unknown): error is BaseError {
  return (
    error instanceof Error &&
    typeof (error as Partial<BaseError>).status === 'number' &&
    isRecord((error as Partial<BaseError>).statTags)
  );
}

function errorEntry(metadata: unknown, destination: unknown, error: BaseError): ErrorEntry {
  return {
    metadata: [isRecord(metadata) ? metadata : {}],
    batched: false,
    statusCode: error.status,
    error: error.message,
    statTags: error.statTags as Record<string, string>,
    ...(isRecord(destination) ? { destination: withoutSecrets(destination as RudderDestination) } : {}),
  };
}

/** The destination echoed back without its API key: no entry carries the token outside a request to deliver. */
function withoutSecrets(destination: RudderDestination): RudderDestination {
  if (!isRecord(destination.Config) || !('apiKey' in destination.Config)) return destination;
  const { apiKey: _apiKey, ...config } = destination.Config;
  return { ...destination, Config: config };
}

function secretOf(input: unknown): string | undefined {
  const apiKey = field(field(field(input, 'destination'), 'Config'), 'apiKey');
  return typeof apiKey === 'string' ? apiKey.trim() : undefined;
}

function field(value: unknown, name: string): unknown {
  return isRecord(value) ? value[name] : undefined;
}
