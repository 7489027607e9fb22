/**
 * The one path of every action, single or batch (as HubSpot's upsertObject does it): payloads become
 * intents (pure; an invalid payload fails alone, before any request), then one engine applies them all —
 * de-duplicated by messageId, one person's or company's payloads in order, different ones in parallel —
 * and every payload keeps its own result. `reportOne` and `reportBatch` only differ in how they tell Segment.
 */
import type { JSONLikeObject, Logger as SegmentLogger, RequestClient } from '@segment/actions-core';
import { MultiStatusResponse } from '@segment/actions-core';
import { AttioClient } from '../../core/attio/client.js';
import type { PlgConfig } from '../../core/config/index.js';
import { PlgEngine, failed, type EventResult } from '../../core/engine.js';
import { classifyFailure, type Failure } from '../../core/failures.js';
import type { Logger } from '../../core/logger.js';
import type { WorkflowIntent } from '../../core/workflows/index.js';
import { configInput, fieldForConfigPath, type ConfigFieldName } from './config-fields.js';
import { errorFor, errorResponseFor } from './errors.js';
import type { Settings } from './generated-types.js';
import type { ResolvedHost } from './host.js';
import { configFromSettings } from './settings.js';
import { segmentTransport } from './transport.js';
import { locksFor, pacingFor, schemaStoreFor } from './workspace-state.js';

/** What an action adds to the shared path: how its payload becomes intents. */
export interface PlgActionSpec<Payload> {
  /** The payload's intents; throws InvalidEventError (naming the action field) for a payload that can never apply. */
  intents(payload: Payload, config: PlgConfig): WorkflowIntent[];
  messageId(payload: Payload): string | undefined;
  /** The configuration fields among the action's fields: their values override the core's defaults. */
  configFields: readonly ConfigFieldName[];
}

export interface SendInput<Payload> {
  settings: Settings;
  payload: Payload[];
  host: ResolvedHost;
  logger?: SegmentLogger;
}

export interface ItemResult {
  result: EventResult;
  intents: WorkflowIntent[];
}

export async function send<Payload extends object>(
  request: RequestClient,
  input: SendInput<Payload>,
  spec: PlgActionSpec<Payload>,
): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(input.payload.length);
  // Payloads that set the same configuration share one configuration and one engine.
  const groups = new Map<string, number[]>();
  input.payload.forEach((payload, index) => {
    const key = JSON.stringify(configInput(payload, spec.configFields));
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const indexes of groups.values()) {
    let config: PlgConfig;
    try {
      config = configFromSettings(
        input.settings,
        input.host,
        input.payload[indexes[0] as number] as Payload,
        spec.configFields,
      );
    } catch (error) {
      for (const index of indexes) results[index] = { result: failed(undefined, classifyFailure(error)), intents: [] };
      continue;
    }
    const items: Array<{ index: number; intents: WorkflowIntent[]; messageId?: string }> = [];
    for (const index of indexes) {
      const payload = input.payload[index] as Payload;
      const messageId = spec.messageId(payload);
      try {
        items.push({
          index,
          intents: spec.intents(payload, config),
          ...(messageId === undefined ? {} : { messageId }),
        });
      } catch (error) {
        results[index] = { result: failed(messageId, classifyFailure(error)), intents: [] };
      }
    }
    if (items.length === 0) continue;
    const { apiUrl, apiKey } = config;
    const engine = new PlgEngine({
      client: new AttioClient(
        segmentTransport(request, {
          apiUrl,
          timeoutMs: input.host.requestTimeoutMs,
          pacing: pacingFor(apiUrl, apiKey, input.host),
        }),
      ),
      config,
      // Segment retries what fails for a passing reason; a run inside the call would only hold it open.
      maxRuns: 1,
      schemaStore: schemaStoreFor(apiUrl, apiKey),
      locks: locksFor(apiUrl, apiKey),
      logger: loggerFrom(input.logger),
    });
    const applied = await engine.processIntentBatch(items);
    items.forEach((item, position) => {
      const result = applied[position] as EventResult;
      results[item.index] = {
        result: result.failure ? { ...result, failure: blameField(result.failure, spec.configFields) } : result,
        intents: item.intents,
      };
    });
  }
  return results;
}

/** A single perform: the outcome, or the Segment error for its failure. */
export function reportOne(results: ItemResult[]): JSONLikeObject {
  const [item] = results;
  if (item === undefined) return { status: 'ignored' };
  if (item.result.failure) throw errorFor(item.result.failure);
  return successBody(item.result);
}

/** A batch: each payload's own status, in payload order. */
export function reportBatch(results: ItemResult[]): MultiStatusResponse {
  const response = new MultiStatusResponse();
  for (const { result, intents } of results) {
    if (result.failure) response.pushErrorResponse(errorResponseFor(result.failure));
    else response.pushSuccessResponse({ status: 200, sent: toJson({ intents }), body: successBody(result) });
  }
  return response;
}

function successBody(result: EventResult): JSONLikeObject {
  return toJson({ status: result.status, outcomes: result.outcomes });
}

/** Intents and outcomes are plain data (strings, numbers, arrays, objects): JSON round-trips them unchanged. */
function toJson(value: object): JSONLikeObject {
  return JSON.parse(JSON.stringify(value)) as JSONLikeObject;
}

/** A configuration failure found while working (an unknown list or stage) names the action field it came from. */
function blameField(failure: Failure, names: readonly ConfigFieldName[]): Failure {
  if (failure.category !== 'config' || failure.field === undefined) return failure;
  const field = fieldForConfigPath(failure.field, names);
  if (field === undefined) return failure;
  const message = failure.message.startsWith(`${failure.field}:`)
    ? `${field}${failure.message.slice(failure.field.length)}`
    : failure.message;
  return { ...failure, field, message };
}

/** Segment's logger, as far as it has one: its own test harness passes one with only `info` and `error`, or none. */
function loggerFrom(logger: Partial<SegmentLogger> | undefined): Logger | undefined {
  const warn =
    typeof logger?.warn === 'function' ? logger.warn : typeof logger?.info === 'function' ? logger.info : undefined;
  return warn === undefined ? undefined : { warn: (message) => warn.call(logger, message) };
}
