/**
 * A webhook receiver for Segment and RudderStack deliveries: one event, an array, or `{batch: [...]}`.
 * It answers 2xx only once every event is applied (or ignored), 400 naming each invalid event, and
 * 429/503 when anything failed for a passing reason, so the sender retries — safe, since every workflow is
 * idempotent. A shared secret is required; bodies are capped in size and must be JSON.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventResult } from '../core/engine.js';
import type { EventEngine } from '../pipeline.js';

export interface ReceiverOptions {
  engine: EventEngine;
  secret: string;
  port?: number;
  host?: string;
  /** Default 1 MiB. */
  maxBodyBytes?: number;
  /** Default 1,000 events per delivery. */
  maxBatch?: number;
}

export interface Receiver {
  url: string;
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  if (options.secret.length < 16) throw new Error('the webhook secret must be at least 16 characters');
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const maxBatch = options.maxBatch ?? 1000;
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      const problem = error instanceof HttpProblem ? error : new HttpProblem(500, 'internal error');
      reply(response, problem.status, { error: problem.message });
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') throw new HttpProblem(405, 'only POST is accepted');
    if (!authorised(request, options.secret)) throw new HttpProblem(401, 'missing or wrong webhook secret');
    const type = request.headers['content-type'] ?? '';
    if (!/^application\/json\b/i.test(type)) throw new HttpProblem(415, 'content-type must be application/json');
    const events = eventsOf(await readJson(request, maxBodyBytes));
    if (events.length > maxBatch) throw new HttpProblem(413, `a delivery may carry at most ${maxBatch} events`);
    const results = await options.engine.processBatch(events);
    const { status, body, retryAfterSeconds } = answer(results);
    if (retryAfterSeconds !== undefined) response.setHeader('retry-after', String(retryAfterSeconds));
    reply(response, status, body);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function authorised(request: IncomingMessage, secret: string): boolean {
  const header = request.headers['x-webhook-secret'];
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const given = typeof header === 'string' ? header : bearer;
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readJson(request: IncomingMessage, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes) throw new HttpProblem(413, `body larger than ${maxBytes} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      request.destroy();
      throw new HttpProblem(413, `body larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpProblem(400, 'body is not valid JSON');
  }
}

function eventsOf(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (body !== null && typeof body === 'object') {
    const batch = (body as { batch?: unknown }).batch;
    if (batch === undefined) return [body];
    if (Array.isArray(batch)) return batch;
  }
  throw new HttpProblem(400, 'body must be an event, an array of events or {"batch": [...]}');
}

function answer(results: EventResult[]): { status: number; body: unknown; retryAfterSeconds?: number } {
  const failed = results.filter((r) => r.status === 'failed');
  const rejected = results.flatMap((r, index) => (r.status === 'rejected' ? [{ index, messageId: r.messageId, reason: r.failure?.message }] : []));
  const applied = results.filter((r) => r.status === 'applied' || r.status === 'ignored').length;
  if (failed.length > 0) {
    const throttled = failed.find((r) => r.failure?.category === 'throttled');
    const retryAfterMs = throttled?.failure?.retryAfterMs;
    return {
      status: throttled ? 429 : 503,
      body: { applied, rejected, failed: failed.map((r) => ({ messageId: r.messageId, reason: r.failure?.message })) },
      retryAfterSeconds: throttled ? Math.max(1, Math.ceil((retryAfterMs ?? 1000) / 1000)) : 5,
    };
  }
  if (rejected.length > 0) return { status: 400, body: { applied, rejected } };
  return { status: 200, body: { applied } };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
