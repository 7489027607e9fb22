/**
 * The delivery formats the receiver speaks, from the request path and its parsed body:
 * - Segment's HTTP Tracking API and RudderStack's HTTP API, as their server SDKs send them: `/v1/batch`
 *   with `{batch: [...]}`, and `/v1/identify|track|group|page|screen|alias` with one call whose type is the
 *   endpoint's. Like those APIs, the receiver stamps `receivedAt` on each call.
 * - webhook deliveries on any other path: one event, an array, or `{batch: [...]}`.
 * `page`, `screen` and `alias` calls are accepted and ignored: the PLG workflows need none of them.
 */
import { HttpProblem } from './answer.js';

const CALL_TYPES = ['identify', 'track', 'group', 'page', 'screen', 'alias'] as const;
const IGNORED_TYPES = new Set(['page', 'screen', 'alias']);

export type Route =
  | { kind: 'sdk'; path: string; type?: (typeof CALL_TYPES)[number] }
  | { kind: 'webhook'; path: string };

/** The route a POST path names, or undefined for an unknown `/v1/...` endpoint. */
export function routeOf(path: string): Route | undefined {
  const match = /^\/v1\/([a-z]+)\/?$/.exec(path);
  if (match) {
    const name = match[1] as string;
    if (name === 'batch') return { kind: 'sdk', path: '/v1/batch' };
    const type = CALL_TYPES.find((t) => t === name);
    return type ? { kind: 'sdk', path: `/v1/${type}`, type } : undefined;
  }
  if (path.startsWith('/v1/')) return undefined;
  return { kind: 'webhook', path: '/' };
}

/** The events a delivery carries, in order. */
export function eventsOf(route: Route, body: unknown, receivedAt: string): unknown[] {
  if (route.kind === 'webhook') return webhookEvents(body);
  if (route.type !== undefined) {
    if (!isObject(body)) throw new HttpProblem(400, `body must be one ${route.type} call (a JSON object)`);
    if (body.type !== undefined && body.type !== route.type)
      throw new HttpProblem(400, `type: must be "${route.type}" on ${route.path}, got ${JSON.stringify(body.type)}`);
    return [stamped({ ...body, type: route.type }, receivedAt)];
  }
  if (!isObject(body) || !Array.isArray(body.batch))
    throw new HttpProblem(400, 'batch: is required, an array of calls');
  return body.batch.map((event) => (isObject(event) ? stamped(event, receivedAt) : event));
}

/** A call the tracking plan never uses, answered as applied without any work. */
export function isIgnoredCall(event: unknown): boolean {
  return isObject(event) && typeof event.type === 'string' && IGNORED_TYPES.has(event.type.toLowerCase());
}

function webhookEvents(body: unknown): unknown[] {
  if (Array.isArray(body)) return body;
  if (isObject(body)) {
    if (body.batch === undefined) return [body];
    if (Array.isArray(body.batch)) return body.batch;
  }
  throw new HttpProblem(400, 'body must be an event, an array of events or {"batch": [...]}');
}

function stamped(event: Record<string, unknown>, receivedAt: string): Record<string, unknown> {
  return event.receivedAt === undefined ? { ...event, receivedAt } : event;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
