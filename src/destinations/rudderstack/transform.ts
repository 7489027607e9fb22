/**
 * The RudderStack destination: `process` for one event, `processRouterDest` for a router batch. Every message
 * goes through the shared engine (mapping validates it once; workflows write to Attio inside the
 * transformer, as rudder-transformer's Intercom and Zendesk destinations do), so a job that succeeds leaves
 * rudder-server nothing to deliver and reports 299. Each job keeps its own outcome: one bad event never
 * fails its neighbours.
 */
import { ConfigurationError, type BaseError } from '@rudderstack/integrations-lib';
import type { EventResult } from '../../core/engine.js';
import type { EventEngine } from '../../pipeline.js';
import { classifyFailure } from '../../core/failures.js';
import { describeIssue, firstProblem } from '../../core/config/zod-issues.js';
import { toPlgConfig } from './config.js';
import { engineFor } from './engines.js';
import { redact, toRudderError } from './errors.js';
import {
  destinationSchema,
  SUPPRESS_EVENTS,
  type ErrorEntry,
  type ProcessOutput,
  type RouterOutputEntry,
  type RudderDestination,
  type RudderMetadata,
  type SuppressedEntry,
} from './types.js';

interface Job {
  message: unknown;
  metadata: RudderMetadata;
  destination: RudderDestination;
  engine: EventEngine;
  apiKey: string;
}

/** Applies one event. Resolves once Attio holds its effect; rejects with an integrations-lib error. */
export async function process(event: unknown): Promise<ProcessOutput> {
  const job = prepareJob(event, new Map());
  const result = await job.engine.processEvent(job.message);
  if (result.status === 'applied' || result.status === 'ignored') {
    return { statusCode: SUPPRESS_EVENTS, status: result.status, workflows: result.outcomes.map((outcome) => outcome.workflow) };
  }
  throw errorOf(result, job.apiKey);
}

/**
 * Applies a router batch. Returns one entry per input, in input order, each with that job's metadata and
 * destination: 299 when applied or ignored, otherwise the error rudder-server should act on. The engine
 * runs one person's events in order and different people in parallel, and applies a redelivered
 * messageId once (each of its jobs still gets an entry).
 */
export async function processRouterDest(inputs: unknown, _reqMetadata?: unknown): Promise<RouterOutputEntry[]> {
  if (!Array.isArray(inputs) || inputs.length === 0) return [];
  const entries: Array<RouterOutputEntry | undefined> = new Array(inputs.length);
  const engines = new Map<string, EventEngine | BaseError>();
  const batches = new Map<EventEngine, Array<{ index: number; job: Job }>>();
  inputs.forEach((input: unknown, index) => {
    try {
      const job = prepareJob(input, engines);
      const batch = batches.get(job.engine);
      if (batch) batch.push({ index, job });
      else batches.set(job.engine, [{ index, job }]);
    } catch (error) {
      entries[index] = errorEntry(field(input, 'metadata'), field(input, 'destination'), asRudderError(error, secretOf(input)));
    }
  });
  await Promise.all(
    [...batches].map(async ([engine, batch]) => {
      const results = await runBatch(engine, batch.map(({ job }) => job.message));
      batch.forEach(({ index, job }, position) => {
        const result = results[position];
        entries[index] =
          result === undefined || result.status === 'rejected' || result.status === 'failed'
            ? errorEntry(job.metadata, job.destination, errorOf(result, job.apiKey))
            : suppressedEntry(job.metadata, job.destination);
      });
    }),
  );
  // Every slot is filled above; the fallback keeps the one-entry-per-job contract even against a bug.
  return entries.map((entry, index) => entry ?? errorEntry(field(inputs[index], 'metadata'), field(inputs[index], 'destination'), errorOf(undefined, '')));
}

async function runBatch(engine: EventEngine, messages: unknown[]): Promise<Array<EventResult | undefined>> {
  try {
    return await engine.processBatch(messages);
  } catch (error) {
    const failure = classifyFailure(error);
    return messages.map(() => ({ status: 'failed', outcomes: [], failure }));
  }
}

/**
 * Narrows one router input and finds its destination's engine. `engines` caches the outcome per destination
 * within a call, so a batch parses its Config once. Throws ConfigurationError for a bad destination.
 */
function prepareJob(input: unknown, engines: Map<string, EventEngine | BaseError>): Job {
  const parsed = destinationSchema.safeParse(field(input, 'destination'), { error: describeIssue });
  if (!parsed.success) {
    const { field: path, reason } = firstProblem(parsed.error, 'destination');
    throw new ConfigurationError(`Invalid destination: ${path}: ${reason}`);
  }
  const destination = parsed.data;
  const key = `${destination.ID}\n${JSON.stringify(destination.Config)}`;
  let engine = engines.get(key);
  if (engine === undefined) {
    try {
      engine = engineFor(destination.ID, toPlgConfig(destination.Config));
    } catch (error) {
      engine = asRudderError(error, secretOf(input));
    }
    engines.set(key, engine);
  }
  if (engine instanceof Error) throw engine;
  const metadata = field(input, 'metadata');
  return {
    message: field(input, 'message'),
    metadata: isRecord(metadata) ? metadata : {},
    destination,
    engine,
    apiKey: secretOf(input) ?? '',
  };
}

function errorOf(result: EventResult | undefined, apiKey: string): BaseError {
  const failure = result?.failure ?? { category: 'internal', message: 'event was not processed', retryable: false };
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
  return error instanceof Error && typeof (error as Partial<BaseError>).status === 'number' && isRecord((error as Partial<BaseError>).statTags);
}

function suppressedEntry(metadata: RudderMetadata, destination: RudderDestination): SuppressedEntry {
  return { batchedRequest: [], metadata: [metadata], batched: false, statusCode: SUPPRESS_EVENTS, destination: withoutSecrets(destination) };
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

/** The destination echoed back without its API key: no output of this transformer carries the token. */
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
