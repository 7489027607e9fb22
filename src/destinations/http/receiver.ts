/**
 * The receiver: Segment and RudderStack deliveries over HTTP, run like a production service.
 * - `POST /v1/batch`, `/v1/{identify,track,group,page,screen,alias}`: Segment's HTTP Tracking API and
 *   RudderStack's HTTP API as their server SDKs send them; `POST /` (any other path): webhook deliveries.
 *   Each event is mapped first (pure: an invalid one is refused naming its field), the valid ones are
 *   stored in the queue on disk (./queue/), and the delivery is answered as ./answer.ts explains: 2xx only
 *   once stored, so a sender retries what is not. The queue's drain takes the events to Attio.
 * - `GET /health` (the process is alive), `GET /ready` (the workspace check passes, Attio answers and the
 *   queue keeps up), `GET /metrics` (Prometheus text format).
 * - One JSON log line per delivery. `close()` stops accepting, lets deliveries in flight finish, then ends.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { intentLaneKey } from '../../core/batch/plan.js';
import type { PlgConfig } from '../../core/config/index.js';
import { isRejection } from '../../core/failures.js';
import { messageIdOf } from '../../mapping/event-keys.js';
import { workflowOf } from '../../mapping/map-event.js';
import { mapItem } from '../../pipeline.js';
import { answerFor, HttpProblem, type Receipt } from './answer.js';
import { isAuthorised, parseSecrets } from './auth.js';
import { bodyReader } from './body.js';
import { logDelivery, logRefused, silentReceiverLogger, type ReceiverLogger } from './log.js';
import type { ReceiverMetrics } from './metrics.js';
import { eventsOf, isIgnoredCall, routeOf, type Route } from './protocol.js';
import type { Readiness } from './readiness.js';
import { QueueWriteError, type Intake, type NewEvent } from './queue/index.js';
import { ATTIO_WEBHOOKS_PATH, serveAttioWebhook, type AttioWebhooksRoute } from './attio-webhooks/route.js';

/** Seconds a sender is asked to wait when the queue cannot be written. */
const STORE_RETRY_AFTER_SECONDS = 30;

export interface ReceiverOptions {
  /** Where valid events are stored before the answer. */
  intake: Intake;
  /** The configuration events are mapped with (the drain's engine uses the same). */
  config: PlgConfig;
  /** The shared secret, or several separated by commas (one per source). */
  secret: string;
  port?: number;
  host?: string;
  /** Default 1 MiB, after decompression. */
  maxBodyBytes?: number;
  /** Default 1,000 events per delivery. */
  maxBatch?: number;
  logger?: ReceiverLogger;
  metrics?: ReceiverMetrics;
  /** Without one, /ready answers as /health does. */
  readiness?: Readiness;
  /** How long close() lets deliveries in flight finish before it cuts them off. Default 25 s. */
  shutdownGraceMs?: number;
  /** Attio's webhooks at `POST /attio/webhooks` (./attio-webhooks/loop.ts); without it, that path is not special. */
  attioWebhooks?: AttioWebhooksRoute;
}

export interface Receiver {
  url: string;
  /** Stops accepting, finishes the deliveries in flight (within the grace period), then resolves. */
  close(): Promise<void>;
}

/** The port is taken (or not ours to use): one line for the operator, no stack. */
class ListenError extends Error {
  override readonly name = 'ListenError';
}

const GET_PATHS = new Set(['/health', '/ready', '/metrics']);

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const secrets = parseSecrets(options.secret);
  const maxBatch = options.maxBatch ?? 1000;
  const readBody = bodyReader(options.maxBodyBytes ?? 1024 * 1024);
  const logger = options.logger ?? silentReceiverLogger;
  const { intake, config, metrics, readiness } = options;
  let closing = false;

  const server = createServer((request, response) => {
    const started = performance.now();
    const path = new URL(request.url ?? '/', 'http://receiver').pathname;
    if (options.attioWebhooks && path === ATTIO_WEBHOOKS_PATH && request.method === 'POST')
      return serveAttioWebhook(options.attioWebhooks, request, response, logger, () => closing);
    const route = request.method === 'POST' ? routeOf(path) : undefined;
    handle(request, response, path, route)
      .catch((error: unknown) => {
        const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'internal error');
        if (!(error instanceof HttpProblem))
          logger.error(
            { err: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
            'internal error',
          );
        if (route)
          logRefused(logger, {
            route: route.path,
            status: problem.status,
            reason: problem.message,
            retryAfterSeconds: problem.retryAfterSeconds,
          });
        if (problem.retryAfterSeconds !== undefined)
          response.setHeader('retry-after', String(problem.retryAfterSeconds));
        reply(response, problem.status, { error: problem.message });
      })
      .finally(() => {
        if (route) metrics?.delivery(route.path, response.statusCode, (performance.now() - started) / 1000);
      });
  });

  async function handle(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    route: Route | undefined,
  ): Promise<void> {
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (!GET_PATHS.has(path))
        throw new HttpProblem(
          path === '/' || path.startsWith('/v1/') ? 405 : 404,
          path === '/' || path.startsWith('/v1/') ? 'deliveries are POSTed' : `no such endpoint: ${path}`,
        );
      return serveGet(path, response);
    }
    if (request.method !== 'POST') {
      response.setHeader('allow', GET_PATHS.has(path) ? 'GET, HEAD' : 'POST');
      throw new HttpProblem(405, GET_PATHS.has(path) ? 'use GET' : 'deliveries are POSTed');
    }
    if (route === undefined)
      throw new HttpProblem(
        404,
        `no such endpoint: ${path} (the SDK endpoints are /v1/batch and /v1/{identify,track,group,page,screen,alias})`,
      );
    if (!isAuthorised(request.headers, secrets))
      throw new HttpProblem(
        401,
        'missing or wrong webhook secret (the write key, as Basic auth user name; or an x-webhook-secret or Bearer header)',
      );
    const started = performance.now();
    const events = eventsOf(route, await readBody(request, response), new Date().toISOString());
    if (events.length > maxBatch) throw new HttpProblem(413, `a delivery may carry at most ${maxBatch} events`);
    const admission = intake.admission();
    if (!admission.admit)
      throw new HttpProblem(
        429,
        `the receiver's queue is full (${admission.reason}): retry after ${admission.retryAfterSeconds} s`,
        admission.retryAfterSeconds,
      );
    const { receipts, stored } = take(events);
    const storing = performance.now();
    try {
      await intake.enqueue(stored);
    } catch (error) {
      if (!(error instanceof QueueWriteError)) throw error;
      logger.error(
        { code: error.code },
        `the queue could not be written: ${error.diskFull ? 'the disk is full' : error.message}`,
      );
      throw new HttpProblem(
        503,
        `the receiver could not store the delivery${error.diskFull ? ' (its disk is full)' : ''}: retry later`,
        STORE_RETRY_AFTER_SECONDS,
      );
    }
    const answer = answerFor(receipts);
    const durationMs = performance.now() - started;
    const storeMs = performance.now() - storing;
    // Answered first: the sender waits on the answer, not on this process's own log line and metrics.
    reply(response, answer.status, answer.body);
    if (metrics) countEvents(metrics, events, receipts);
    if (answer.permanent !== undefined) readiness?.permanentFailure(answer.permanent);
    logDelivery(logger, { route: route.path, events, receipts, answer, durationMs, storeMs });
  }

  /** Intake's outcomes by workflow: one counter update per kind in the delivery, not one per event. */
  function countEvents(metrics: ReceiverMetrics, events: readonly unknown[], receipts: readonly Receipt[]): void {
    const counts = new Map<string, { workflow: string; outcome: string; count: number }>();
    for (const [index, receipt] of receipts.entries()) {
      const workflow = isIgnoredCall(events[index]) ? 'untracked' : workflowOf(events[index], config);
      const key = `${workflow} ${receipt.status}`;
      const count = counts.get(key);
      if (count) count.count++;
      else counts.set(key, { workflow, outcome: receipt.status, count: 1 });
    }
    for (const { workflow, outcome, count } of counts.values()) metrics.event(workflow, outcome, count);
  }

  /**
   * Each event mapped (pure, no request): an invalid one is refused, page/screen/alias calls and events the
   * tracking plan ignores need no work, the rest are stored in their person's lane.
   */
  function take(events: readonly unknown[]): { receipts: Receipt[]; stored: NewEvent[] } {
    const receipts: Receipt[] = [];
    const stored: NewEvent[] = [];
    for (const event of events) {
      const id = messageIdOf(event);
      const messageId = id === undefined ? {} : { messageId: id };
      if (isIgnoredCall(event)) {
        receipts.push({ ...messageId, status: 'ignored' });
        continue;
      }
      const item = mapItem(event, config);
      if (item.failure) {
        receipts.push({
          ...messageId,
          status: isRejection(item.failure) ? 'rejected' : 'failed',
          failure: item.failure,
        });
      } else if (item.intents.length === 0) {
        receipts.push({ ...messageId, status: 'ignored' });
      } else {
        receipts.push({ ...messageId, status: 'accepted' });
        stored.push({ lane: intentLaneKey(item) ?? `#${randomUUID()}`, payload: JSON.stringify(event) });
      }
    }
    return { receipts, stored };
  }

  async function serveGet(path: string, response: ServerResponse): Promise<void> {
    if (path === '/health') return reply(response, 200, { status: 'ok' });
    if (path === '/metrics') {
      if (!metrics) throw new HttpProblem(404, 'metrics are off');
      const text = await metrics.registry.metrics();
      response
        .writeHead(200, { 'content-type': metrics.registry.contentType, ...(closing ? { connection: 'close' } : {}) })
        .end(text);
      return;
    }
    if (!readiness) return reply(response, 200, { ready: true });
    const state = await readiness.state();
    reply(response, state.ready ? 200 : 503, state);
  }

  function reply(response: ServerResponse, status: number, body: unknown): void {
    if (response.headersSent) return;
    // While closing, a keep-alive connection ends after its answer, so close() need not wait for the client.
    if (closing) response.setHeader('connection', 'close');
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }

  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close() {
      closing = true;
      return new Promise<void>((resolve) => {
        const deadline = setTimeout(() => server.closeAllConnections(), options.shutdownGraceMs ?? 25_000);
        server.close(() => {
          clearTimeout(deadline);
          resolve();
        });
        // Connections with no request in flight end now; busy ones end after their answer (see reply).
        server.closeIdleConnections();
      });
    },
  };
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => {
      const where = `${host}:${port}`;
      if (error.code === 'EADDRINUSE')
        reject(
          new ListenError(
            `port ${port} on ${host} is already in use: stop what is using it or choose another with --port`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(new ListenError(`not allowed to listen on ${where}: choose a port above 1023 with --port`));
      else if (error.code === 'EADDRNOTAVAIL')
        reject(new ListenError(`cannot listen on ${where}: ${host} is not an address of this machine (--host)`));
      else reject(new ListenError(`cannot listen on ${where}: ${error.code ?? error.message}`));
    };
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve();
    });
  });
}
