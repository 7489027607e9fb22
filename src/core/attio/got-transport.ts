/**
 * The default transport: got for HTTP, p-queue for Attio's per-workspace budgets (reads and writes are
 * limited separately) and a concurrency cap. It makes one attempt per call; retries are ./retry.ts's job.
 * A host with an HTTP layer of its own (rudder-transformer's) passes it as `http`: its attempts then go
 * through that layer, under the same budgets.
 */
import { createHash } from 'node:crypto';
import { AsyncResource } from 'node:async_hooks';
import got, { RequestError, type Got } from 'got';
import PQueue from 'p-queue';
import { AttioError } from './errors.js';
import { attioMetrics } from './metrics.js';
import { buildPathWithQuery, type AttioRequest, type AttioResponse, type Transport } from './transport.js';

export interface GotTransportOptions {
  apiUrl: string;
  apiKey: string;
  /** Default 100, Attio's read limit per workspace. */
  readsPerSecond?: number;
  /** Default 25, Attio's write limit per workspace. */
  writesPerSecond?: number;
  /** Requests in flight at once. Default 10. */
  concurrency?: number;
  /** Per-attempt timeout. Default 15 000 ms. */
  timeoutMs?: number;
  userAgent?: string;
  /**
   * Makes each attempt instead of got: the host's HTTP layer, which resolves with any HTTP answer and rejects
   * with an AttioError when none came. It sets its own URL, headers and timeout from the same settings.
   */
  http?: Transport;
}

export interface RateLimitedTransport extends Transport {
  /** Waits until nothing is queued or in flight. */
  onIdle(): Promise<void>;
}

interface Budget {
  reads: PQueue;
  writes: PQueue;
}

/**
 * Attio's budgets are per workspace, so every transport of this process to one workspace (the same URL and
 * key) with the same budgets draws from one pair of queues: two engines, or a transformer and the deliveries
 * of its requests, never spend the workspace's 25 writes a second twice. The key is kept only as a hash.
 */
const budgets = new Map<string, Budget>();

function budgetFor(options: GotTransportOptions): Budget {
  const concurrency = options.concurrency ?? 10;
  const readsPerSecond = options.readsPerSecond ?? 100;
  const writesPerSecond = options.writesPerSecond ?? 25;
  const id = [
    options.apiUrl.replace(/\/+$/, ''),
    createHash('sha256').update(options.apiKey).digest('hex'),
    readsPerSecond,
    writesPerSecond,
    concurrency,
  ].join('\n');
  let budget = budgets.get(id);
  if (budget === undefined) {
    budget = {
      reads: new PQueue({ concurrency, intervalCap: readsPerSecond, interval: 1000 }),
      writes: new PQueue({ concurrency, intervalCap: writesPerSecond, interval: 1000 }),
    };
    budgets.set(id, budget);
  }
  return budget;
}

/** Waits for one write of the workspace's budget, for requests this process sends to Attio by other means. */
export function takeWriteSlot(options: GotTransportOptions): Promise<void> {
  return budgetFor(options).writes.add(() => undefined);
}

export function createGotTransport(options: GotTransportOptions): RateLimitedTransport {
  const { reads, writes } = budgetFor(options);
  const http: Got = got.extend({
    prefixUrl: options.apiUrl.replace(/\/+$/, ''),
    headers: {
      authorization: `Bearer ${options.apiKey}`,
      'user-agent': options.userAgent ?? 'attio-plg',
      accept: 'application/json',
    },
    throwHttpErrors: false,
    retry: { limit: 0 },
    timeout: { request: options.timeoutMs ?? 15_000 },
    responseType: 'text',
  });

  async function sendOnce(request: AttioRequest): Promise<AttioResponse> {
    attioMetrics.attempts++;
    if (options.http) return options.http.send(request);
    try {
      const response = await http(buildPathWithQuery(request).replace(/^\//, ''), {
        method: request.method,
        ...(request.body === undefined ? {} : { json: request.body }),
      });
      return { status: response.statusCode, headers: flattenHeaders(response.headers), body: parseJson(response.body) };
    } catch (error) {
      throw networkError(request, error);
    }
  }

  return {
    send(request) {
      const queue = request.read ? reads : writes;
      // A queued attempt starts later, from another attempt's completion: bound to its caller's async
      // context, so what a host keeps per call (rudder-transformer's stat tags) follows the request.
      return queue.add(
        AsyncResource.bind(() => sendOnce(request)),
        { throwOnTimeout: true },
      );
    },
    async onIdle() {
      await Promise.all([reads.onIdle(), writes.onIdle()]);
    },
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/** Only the error's code crosses over: got's own error carries the request options, headers included. */
function networkError(request: AttioRequest, error: unknown): AttioError {
  const code = error instanceof RequestError ? error.code : undefined;
  const timedOut = code === 'ETIMEDOUT' || (error instanceof Error && error.name === 'TimeoutError');
  return new AttioError({
    kind: timedOut ? 'timeout' : 'network',
    method: request.method,
    path: request.path,
    code,
    message: timedOut ? 'no response before the timeout' : `connection failed${code ? ` (${code})` : ''}`,
  });
}
