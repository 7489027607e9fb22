/**
 * Attio requests through rudder-transformer's own HTTP layer: `handleHttpRequest(requestType, url, [data,]
 * options, statTags)` from its src/adapters/network.js, which resolves with `{httpResponse, processedResponse}`
 * whatever Attio answered. Through it, the host's component tests serve Attio from their axios mocks and its
 * `outgoing_request_count`/`outgoing_request_latency` metrics count ATTIO_PLG, tagged as its own destinations
 * tag their calls. This is one attempt under the core's budgets and retries, like the got transport it replaces.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { AttioError } from '../../core/attio/errors.js';
import type { AttioRequest, AttioResponse, Transport } from '../../core/attio/transport.js';

/** rudder-transformer's `handleHttpRequest`: GET and DELETE take `(url, options, statTags)`, the others `(url, data, options, statTags)`. */
export type HandleHttpRequest = (requestType: string, ...httpArgs: unknown[]) => Promise<unknown>;

/** What the destination needs of the host's network module (`require('../../../adapters/network')`). */
export interface HostNetwork {
  handleHttpRequest: HandleHttpRequest;
}

/** Which stage of rudder-transformer made the call, and for which job: the `module` and `metadata` stat tags. */
export interface HostCall {
  module: 'router' | 'processor';
  metadata?: Record<string, unknown>;
}

/** Set around each `process` and `processRouterDest`; read by the transport when a request is sent. */
export const hostCall = new AsyncLocalStorage<HostCall>();

export interface HostNetworkSettings {
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
  userAgent: string;
}

/** `processedResponse` (network.js's processAxiosResponse): Attio's status, body (`''` when empty) and headers. */
const processedResponseSchema = z.object({
  status: z.number(),
  response: z.unknown(),
  headers: z.unknown().optional(),
});

/** `httpResponse` when no HTTP answer came: axios's error, with no `response` and a Node or axios `code`. */
const noAnswerSchema = z.object({
  success: z.literal(false),
  response: z.object({ response: z.undefined().optional(), code: z.string().optional() }),
});

/** Axios reports its own timeout as ECONNABORTED (ETIMEDOUT with `clarifyTimeoutError`). */
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);

export function hostNetworkTransport(network: HostNetwork, settings: HostNetworkSettings): Transport {
  const base = settings.apiUrl.replace(/\/+$/, '');
  return {
    async send(request: AttioRequest): Promise<AttioResponse> {
      const method = request.method.toLowerCase();
      const options = {
        headers: {
          Authorization: `Bearer ${settings.apiKey}`,
          Accept: 'application/json',
          'User-Agent': settings.userAgent,
          ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(request.query === undefined ? {} : { params: queryParams(request.query) }),
        timeout: settings.timeoutMs,
      };
      const call = hostCall.getStore();
      const statTags = {
        destType: 'ATTIO_PLG',
        feature: 'transformation',
        endpointPath: endpointPath(request.path),
        requestMethod: request.method,
        module: call?.module ?? 'router',
        ...(call?.metadata === undefined ? {} : { metadata: call.metadata }),
      };
      const url = `${base}${request.path}`;
      const args =
        method === 'get' || method === 'delete'
          ? [url, options, statTags]
          : [url, request.body ?? {}, options, statTags];
      const answer = z
        .object({ httpResponse: z.unknown(), processedResponse: z.unknown() })
        .safeParse(await network.handleHttpRequest(method, ...args));
      if (!answer.success)
        throw unexpected(request, 'the host’s handleHttpRequest answered without httpResponse and processedResponse');
      const noAnswer = noAnswerSchema.safeParse(answer.data.httpResponse);
      if (noAnswer.success) throw noResponse(request, noAnswer.data.response.code);
      const processed = processedResponseSchema.safeParse(answer.data.processedResponse);
      if (!processed.success) throw unexpected(request, 'the host’s handleHttpRequest answered without a status');
      const { status, response, headers } = processed.data;
      return { status, headers: flattenHeaders(headers), body: response === '' ? undefined : parseBody(response) };
    },
  };
}

/** `/v2/objects/people/records/<uuid>` -> `/v2/objects/people/records/:id`, as the host's metrics want one series per endpoint. */
export function endpointPath(path: string): string {
  return path.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=\/|$)/gi, '/:id');
}

/** Query values as strings: what axios would send, and what the host's mocks compare against. */
function queryParams(query: NonNullable<AttioRequest['query']>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(query).flatMap(([key, value]) => (value === undefined ? [] : [[key, String(value)]])),
  );
}

/** Axios's headers (an AxiosHeaders object, or a plain one from a mock) as lower-cased strings. */
function flattenHeaders(headers: unknown): Record<string, string | undefined> {
  if (typeof headers !== 'object' || headers === null) return {};
  const entries = Object.entries(headers).filter(
    ([, value]) => value !== undefined && value !== null && typeof value !== 'function',
  );
  return Object.fromEntries(
    entries.map(([key, value]) => [key.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value)]),
  );
}

function parseBody(body: unknown): unknown {
  if (typeof body !== 'string') return body;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return { message: body.slice(0, 200) };
  }
}

/** Only the code crosses over: the host's error carries the request config, headers (the token) included. */
function noResponse(request: AttioRequest, code: string | undefined): AttioError {
  const timedOut = code !== undefined && TIMEOUT_CODES.has(code);
  return new AttioError({
    kind: timedOut ? 'timeout' : 'network',
    method: request.method,
    path: request.path,
    code,
    message: timedOut ? 'no response before the timeout' : `connection failed${code ? ` (${code})` : ''}`,
  });
}

function unexpected(request: AttioRequest, message: string): AttioError {
  return new AttioError({ kind: 'network', method: request.method, path: request.path, message });
}
