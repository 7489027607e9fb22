/**
 * The core's Transport over Segment's `request`: Segment owns the HTTP client (its timeouts, its metrics,
 * the bearer header from `extendRequest`), so the connector sends through it and never through got here.
 *
 * Inside one Segment call, Attio's rate limit is handled in two ways. Requests are paced per workspace,
 * shared by every call of this process (./pacer.ts), so a batch never throttles itself. A 429 whose
 * Retry-After falls within about two seconds — Attio's usual "the next second" — is waited out here, as are
 * brief 5xx and dropped connections on requests that are safe to repeat (the core's withRetries); a longer
 * wait goes back to Segment as a retryable 429, since Segment retries later and a call must stay short.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RequestClient } from '@segment/actions-core';
import { AttioError } from '../../core/attio/errors.js';
import { attioMetrics } from '../../core/attio/metrics.js';
import { withRetries, type RetryClock, type RetryPolicy } from '../../core/attio/retry.js';
import {
  buildPathWithQuery,
  type AttioRequest,
  type AttioResponse,
  type Transport,
} from '../../core/attio/transport.js';
import type { WorkspacePacing } from './workspace-state.js';

/** Waiting inside one call: at most this long per request, in all, for Retry-After and backoff. */
export const IN_CALL_WAIT_MS = 2_000;

export const SEGMENT_RETRY_POLICY: Partial<RetryPolicy> = {
  maxAttempts: 4,
  maxTotalWaitMs: IN_CALL_WAIT_MS,
  baseDelayMs: 200,
  maxDelayMs: 1_000,
  defaultThrottleDelayMs: 1_000,
};

/**
 * Waits are stretched by up to a quarter (at most 250 ms) at random: Attio's Retry-After names the next
 * second, and requests that all woke at that instant would throttle each other again.
 */
const jitteredClock: RetryClock = {
  sleep: (ms) => sleep(ms + Math.round(Math.random() * Math.min(250, ms / 4))),
  random: Math.random,
  now: Date.now,
};

/** A request whose turn under the workspace's budget is further away than this is not queued: Segment retries it. */
export const MAX_PACING_WAIT_MS = 10_000;

export interface SegmentTransportOptions {
  apiUrl: string;
  /** Per attempt. */
  timeoutMs: number;
  pacing: WorkspacePacing;
}

export function segmentTransport(request: RequestClient, options: SegmentTransportOptions): Transport {
  const { apiUrl, timeoutMs, pacing } = options;
  const once: Transport = {
    async send(attio: AttioRequest): Promise<AttioResponse> {
      const pacer = attio.read ? pacing.reads : pacing.writes;
      if (!(await pacer.take(MAX_PACING_WAIT_MS))) {
        const waitMs = pacer.backlogMs();
        throw new AttioError({
          kind: 'http',
          method: attio.method,
          path: attio.path,
          status: 429,
          message: `not sent: this process has the workspace's ${attio.read ? 'read' : 'write'} budget booked for the next ${Math.ceil(waitMs / 1000)} s`,
          retryAfterMs: waitMs,
        });
      }
      const url = `${apiUrl}${buildPathWithQuery(attio)}`;
      attioMetrics.attempts++;
      let response: Awaited<ReturnType<RequestClient>>;
      try {
        response = await request(url, {
          method: attio.method,
          ...(attio.body === undefined ? {} : { json: attio.body }),
          throwHttpErrors: false,
          timeout: timeoutMs,
          // actions-core otherwise reads a clone of the response, and node-fetch 2 stalls a clone whose original
          // is never read once the body passes 16 KB: a large Attio answer would hang the action for good.
          skipResponseCloning: true,
        });
      } catch (error) {
        const timedOut = error instanceof Error && /timeout/i.test(`${error.name} ${error.message}`);
        throw new AttioError({
          kind: timedOut ? 'timeout' : 'network',
          method: attio.method,
          path: attio.path,
          message: timedOut
            ? `no response within ${timeoutMs} ms`
            : `no response (${error instanceof Error ? error.name : 'unknown error'})`,
        });
      }
      return { status: response.status, headers: headersOf(response.headers), body: bodyOf(response) };
    },
  };
  return withRetries(once, SEGMENT_RETRY_POLICY, jitteredClock);
}

function headersOf(headers: Headers): Record<string, string | undefined> {
  const out: Record<string, string> = {};
  headers.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

/** Segment parses JSON bodies into `data`; anything else stays text in `content`. */
function bodyOf(response: { data?: unknown; content?: string }): unknown {
  if (response.data !== undefined) return response.data;
  if (typeof response.content !== 'string' || response.content === '') return undefined;
  try {
    return JSON.parse(response.content) as unknown;
  } catch {
    return response.content;
  }
}
