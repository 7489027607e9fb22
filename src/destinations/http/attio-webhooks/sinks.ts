/**
 * Where product events go: Segment's HTTP Tracking API and RudderStack's HTTP API through their official
 * server SDKs (a write key and a host), and a product webhook, signed so the product can tell the events are
 * ours. A sink sends one event and resolves once its receiver took it, or rejects: the outbox (./loop.ts)
 * keeps the event and tries again later, so each SDK's own retries are kept short. A rejection's message
 * names the sink and status, never a write key or signature.
 */
import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import type RudderAnalytics from '@rudderstack/rudder-sdk-node';
import { Analytics as SegmentAnalytics } from '@segment/analytics-node';
import type { ProductEvent } from './product-events.js';

export interface ProductEventSink {
  /** `segment`, `rudderstack` or `webhook`: the outbox's rows are per sink. */
  readonly name: string;
  send(event: ProductEvent): Promise<void>;
  close(): Promise<void>;
}

/** A sink did not take an event; retried later. */
export class SinkError extends Error {
  override readonly name = 'SinkError';
}

const SDK_TIMEOUT_MS = 10_000;

function trackParams(event: ProductEvent) {
  return {
    messageId: event.messageId,
    event: event.event,
    properties: event.properties,
    timestamp: new Date(event.timestamp),
    // Segment's B2B spec ties a track call to its account through context.groupId.
    ...(event.groupId ? { context: { groupId: event.groupId } } : {}),
    ...(event.userId ? { userId: event.userId } : { anonymousId: event.anonymousId ?? event.messageId }),
  };
}

/** Segment's HTTP Tracking API (`POST {host}/v1/batch`, the write key as Basic auth) via @segment/analytics-node. */
export function segmentSink(options: { writeKey: string; host: string }): ProductEventSink {
  const analytics = new SegmentAnalytics({
    writeKey: options.writeKey,
    host: options.host,
    flushAt: 1,
    maxRetries: 2,
    httpRequestTimeout: SDK_TIMEOUT_MS,
  });
  // The SDK reports failures as events too; the callback below is what the outbox acts on.
  analytics.on('error', () => {});
  return {
    name: 'segment',
    send: (event) =>
      new Promise<void>((resolve, reject) =>
        analytics.track(trackParams(event), (error) =>
          error ? reject(new SinkError(`segment: the event was not accepted (${reasonOf(error)})`)) : resolve(),
        ),
      ),
    close: () => analytics.closeAndFlush({ timeout: SDK_TIMEOUT_MS }),
  };
}

// RudderStack's SDK is CommonJS (`module.exports = Analytics`), typed by its own index.d.ts.
type RudderConstructor = new (
  writeKey: string,
  options: { dataPlaneUrl: string; flushAt: number; retryCount: number; timeout: number; logLevel: string },
) => RudderAnalytics;
const RudderAnalyticsClass = createRequire(import.meta.url)('@rudderstack/rudder-sdk-node') as RudderConstructor;

/** RudderStack's HTTP API (`POST {dataPlaneUrl}/v1/batch`, the write key as Basic auth) via @rudderstack/rudder-sdk-node. */
export function rudderstackSink(options: { writeKey: string; dataPlaneUrl: string }): ProductEventSink {
  const analytics = new RudderAnalyticsClass(options.writeKey, {
    dataPlaneUrl: options.dataPlaneUrl,
    flushAt: 1,
    retryCount: 2,
    timeout: SDK_TIMEOUT_MS,
    logLevel: 'error',
  });
  return {
    name: 'rudderstack',
    send: (event) =>
      new Promise<void>((resolve, reject) => {
        const done = (error?: unknown) =>
          error ? reject(new SinkError(`rudderstack: the event was not accepted (${reasonOf(error)})`)) : resolve();
        // The SDK's typing has a callback without arguments; at run time it is called with the error, if any.
        analytics.track(trackParams(event), done as () => void);
      }),
    close: async () => {
      await analytics.flush();
    },
  };
}

/** The product webhook's signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
export const PRODUCT_SIGNATURE_HEADER = 'attio-plg-signature';

export function signProductEvent(rawBody: string, secret: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${rawBody}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

/** A product endpoint: one signed JSON POST per event; any 2xx is taken, anything else retried. */
export function webhookSink(options: {
  url: string;
  secret: string;
  now?: () => number;
  timeoutMs?: number;
}): ProductEventSink {
  const now = options.now ?? Date.now;
  return {
    name: 'webhook',
    async send(event) {
      const body = JSON.stringify(event);
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': event.messageId,
            [PRODUCT_SIGNATURE_HEADER]: signProductEvent(body, options.secret, Math.floor(now() / 1000)),
          },
          body,
          signal: AbortSignal.timeout(options.timeoutMs ?? SDK_TIMEOUT_MS),
        });
      } catch (error) {
        throw new SinkError(`webhook: no answer (${reasonOf(error)})`);
      }
      await response.body?.cancel();
      if (!response.ok) throw new SinkError(`webhook: answered ${response.status}`);
    },
    close: async () => {},
  };
}

/** A short reason without the request (an SDK's error may carry its configuration, write key included). */
function reasonOf(error: unknown): string {
  if (error instanceof Error) {
    const status = (error as { response?: { status?: unknown }; code?: unknown }).response?.status;
    if (typeof status === 'number') return `HTTP ${status}`;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    return error.name;
  }
  return 'failed';
}
