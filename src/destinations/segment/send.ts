/**
 * The one path of every action, single or batch (as HubSpot's upsertObject does it): payloads become
 * intents (pure; an invalid payload fails alone, before any request), then one engine applies them all —
 * de-duplicated by messageId, one person's or company's payloads in order, different ones in parallel —
 * and every payload keeps its own result. `reportOne` and `reportBatch` only differ in how they tell Segment.
 */
import type { JSONLikeObject, Logger as SegmentLogger, RequestClient } from '@segment/actions-core';
import { AttioClient } from '../../core/attio/client.js';
import type { PlgConfig } from '../../core/config/index.js';
import { PlgEngine, failed, type EventResult } from '../../core/engine.js';
import { classifyFailure, type Failure } from '../../core/failures.js';
import type { Logger } from '../../core/logger.js';
import type { WorkflowIntent } from '../../core/workflows/index.js';
import { MultiStatusResponse } from './actions-core.js';
import { errorFor, errorResponseFor } from './errors.js';
import type { Settings } from './generated-types.js';
import { locksFor, schemaStoreFor } from './schema-stores.js';
import { blamedSetting, configFromSettings, type ConfigOverrides } from './settings.js';
import { REQUEST_TIMEOUT_MS, segmentTransport } from './transport.js';

/** What an action adds to the shared path: how its payload becomes intents, and which settings it may override. */
export interface PlgActionSpec<Payload> {
  /** The payload's intents; throws InvalidEventError (naming the action field) for a payload that can never apply. */
  intents(payload: Payload, config: PlgConfig): WorkflowIntent[];
  messageId(payload: Payload): string | undefined;
  /** Settings this payload overrides (from the action's own dropdown fields). */
  overrides?(payload: Payload): ConfigOverrides;
  /** The action field each override comes from, so that errors name what the user set. */
  overrideFields?: Partial<Record<keyof ConfigOverrides, string>>;
}

export interface SendInput<Payload> {
  settings: Settings;
  payload: Payload[];
  logger?: SegmentLogger;
}

export interface ItemResult {
  result: EventResult;
  intents: WorkflowIntent[];
}

export async function send<Payload>(request: RequestClient, input: SendInput<Payload>, spec: PlgActionSpec<Payload>): Promise<ItemResult[]> {
  const results: ItemResult[] = new Array(input.payload.length);
  // Payloads that override the same settings share one configuration and one engine.
  const groups = new Map<string, { overrides: ConfigOverrides; indexes: number[] }>();
  input.payload.forEach((payload, index) => {
    const overrides = spec.overrides?.(payload) ?? {};
    const key = JSON.stringify(overrides);
    const group = groups.get(key);
    if (group) group.indexes.push(index);
    else groups.set(key, { overrides, indexes: [index] });
  });
  for (const { overrides, indexes } of groups.values()) {
    const blame = (failure: Failure) => blameOverride(failure, overrides, spec.overrideFields ?? {});
    let config: PlgConfig;
    try {
      config = configFromSettings(input.settings, overrides, spec.overrideFields);
    } catch (error) {
      for (const index of indexes) results[index] = { result: failed(undefined, classifyFailure(error)), intents: [] };
      continue;
    }
    const items: Array<{ index: number; intents: WorkflowIntent[]; messageId?: string }> = [];
    for (const index of indexes) {
      const payload = input.payload[index] as Payload;
      const messageId = spec.messageId(payload);
      try {
        items.push({ index, intents: spec.intents(payload, config), ...(messageId === undefined ? {} : { messageId }) });
      } catch (error) {
        results[index] = { result: failed(messageId, classifyFailure(error)), intents: [] };
      }
    }
    if (items.length === 0) continue;
    const engine = new PlgEngine({
      client: new AttioClient(segmentTransport(request, config.apiUrl, Math.min(config.requestTimeoutMs, REQUEST_TIMEOUT_MS))),
      config,
      // Segment retries what fails for a passing reason; a run inside the call would only hold it open.
      maxRuns: 1,
      schemaStore: schemaStoreFor(config.apiUrl, config.apiKey),
      locks: locksFor(config.apiUrl, config.apiKey),
      logger: loggerFrom(input.logger),
    });
    const applied = await engine.processIntentBatch(items);
    items.forEach((item, position) => {
      const result = applied[position] as EventResult;
      results[item.index] = { result: result.failure ? { ...result, failure: blame(result.failure) } : result, intents: item.intents };
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

function blameOverride(failure: Failure, overrides: ConfigOverrides, fields: Partial<Record<keyof ConfigOverrides, string>>): Failure {
  if (failure.category !== 'config' || failure.field === undefined) return failure;
  const field = blamedSetting(failure.field, overrides, fields);
  if (field === failure.field) return failure;
  const message = failure.message.startsWith(`${failure.field}:`) ? `${field}${failure.message.slice(failure.field.length)}` : failure.message;
  return { ...failure, field, message };
}

function loggerFrom(logger: SegmentLogger | undefined): Logger | undefined {
  return logger === undefined ? undefined : { warn: (message) => logger.warn(message) };
}
