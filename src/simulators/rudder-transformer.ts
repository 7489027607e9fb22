/**
 * rudder-transformer's service around a native destination, as rudder-server sees it over HTTP: the router
 * route groups its input by destination and calls `processRouterDest` once per group, adds its own stat tags
 * to error entries and turns a thrown error into one entry for the whole group; the processor route calls
 * `process` per event and wraps each returned request as an output, or the thrown error as an error entry.
 * (src/services/destination/{nativeIntegration,postTransformation}.ts and `generateErrorObject`.)
 */
import { BaseError } from '@rudderstack/integrations-lib';
import { isRecord } from '../lib/is-record.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface RouterTransformRequest {
  input: Array<{
    message: unknown;
    metadata: Record<string, unknown>;
    destination: Record<string, unknown>;
    connection?: unknown;
  }>;
  destType: string;
}

/** The body of rudder-transformer's 200 answer to `POST /routerTransform` (sent with header `apiVersion: 2`). */
export interface RouterTransformResponse {
  output: unknown[];
}

export type RouterTransformer = (request: RouterTransformRequest) => Promise<RouterTransformResponse>;

export interface NativeDestination {
  processRouterDest(inputs: unknown[], reqMetadata?: unknown): Promise<unknown[]>;
  process(event: unknown, reqMetadata?: unknown): Promise<unknown>;
}

type StatTags = Record<string, unknown>;

function errorDetails(destType: string, metadata: unknown, feature: 'router' | 'processor'): StatTags {
  const { destinationId, workspaceId } = (isRecord(metadata) ? metadata : {}) as StatTags;
  return {
    destType: destType.toUpperCase(),
    module: 'destination',
    implementation: 'native',
    feature,
    destinationId,
    workspaceId,
  };
}

/** rudder-transformer's status for a thrown error: the first number at `response.status`, `code` or `status`; else 500. */
function statusOf(error: unknown): number {
  const e = (isRecord(error) ? error : {}) as { response?: { status?: unknown }; code?: unknown; status?: unknown };
  const found = [e.response?.status, e.code, e.status].find((value) => typeof value === 'number');
  return typeof found === 'number' ? found : 500;
}

/** `generateErrorObject`: an integrations-lib error keeps its tags (with the service's added); anything else is a TransformationError. */
function errorObject(error: unknown, details: StatTags): { status: number; message: string; statTags: StatTags } {
  const {
    message = '',
    statTags,
    destinationResponse,
  } = (isRecord(error) ? error : {}) as { message?: string; statTags?: StatTags; destinationResponse?: unknown };
  const enriched = destinationResponse ? JSON.stringify({ message, destinationResponse }) : message;
  if (error instanceof BaseError)
    return { status: statusOf(error), message: enriched, statTags: { ...statTags, ...details } };
  return { status: statusOf(error), message: enriched, statTags: { errorCategory: 'transformation' } };
}

/** The router route of rudder-transformer around `destination`, with its process environment given by `run`. */
export function routerTransformService(
  destination: NativeDestination,
  run: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): RouterTransformer {
  return async (request) => {
    const groups = new Map<unknown, RouterTransformRequest['input']>();
    for (const input of request.input) {
      const key = isRecord(input.destination) ? input.destination['ID'] : undefined;
      groups.set(key, [...(groups.get(key) ?? []), input]);
    }
    const outputs = await Promise.all(
      [...groups.values()].map(async (group) => {
        const details = errorDetails(request.destType, group[0]?.metadata, 'router');
        try {
          const entries = await run(() => destination.processRouterDest(group, {}));
          return entries.map((entry) => withServiceTags(entry, details));
        } catch (error) {
          const { status, message, statTags } = errorObject(error, details);
          return [
            {
              metadata: group.map((input) => input.metadata),
              batched: false,
              statusCode: status,
              error: message || '[Router Transform] Error occurred while processing the payload.',
              statTags,
            },
          ];
        }
      }),
    );
    return { output: outputs.flat() };
  };
}

/** The processor route (`POST /v0/destinations/:destination`): one or more entries per event. */
export function processorTransformService(
  destination: NativeDestination,
  run: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
) {
  return async (
    destType: string,
    events: Array<{ message: unknown; metadata: Record<string, unknown>; destination: unknown }>,
  ): Promise<unknown[]> => {
    const responses = await Promise.all(
      events.map(async (event) => {
        try {
          const payloads = await run(() => destination.process(event, {}));
          return (Array.isArray(payloads) ? payloads : [payloads]).map((payload: Record<string, unknown>) => ({
            output: { ...payload, userId: payload['userId'] ? String(payload['userId']) : '' },
            metadata: event.metadata,
            statusCode: 200,
          }));
        } catch (error) {
          const { status, message, statTags } = errorObject(error, errorDetails(destType, event.metadata, 'processor'));
          return [
            {
              metadata: event.metadata,
              statusCode: status,
              error: message || '[Processor Transform] Error occurred while processing the payload.',
              statTags,
            },
          ];
        }
      }),
    );
    return responses.flat();
  };
}

/** `handleRouterTransformSuccessEvents`: request userIds become strings; error entries with tags get the service's tags. */
function withServiceTags(entry: unknown, details: StatTags): unknown {
  if (!isRecord(entry)) return entry;
  const copy: Record<string, unknown> = { ...entry };
  const stringUserId = (request: unknown) =>
    isRecord(request) && request['userId'] != null ? { ...request, userId: String(request['userId']) } : request;
  if (Array.isArray(copy['batchedRequest'])) copy['batchedRequest'] = copy['batchedRequest'].map(stringUserId);
  else if (isRecord(copy['batchedRequest']) && copy['batchedRequest']['userId'])
    copy['batchedRequest'] = stringUserId(copy['batchedRequest']);
  if ('error' in copy && isRecord(copy['statTags']) && Object.keys(copy['statTags']).length > 0)
    copy['statTags'] = { ...copy['statTags'], ...details };
  return copy;
}
