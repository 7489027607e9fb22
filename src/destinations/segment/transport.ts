/**
 * The core's Transport over Segment's `request`: Segment owns the HTTP client (its timeouts, its metrics,
 * the bearer header from `extendRequest`), so the connector sends through it and never through got here.
 * Every HTTP answer is returned as it is; only a missing answer (timeout, reset) becomes an AttioError,
 * which the core classifies as retryable.
 */
import type { RequestClient } from '@segment/actions-core';
import { AttioError } from '../../core/attio/errors.js';
import { attioMetrics } from '../../core/attio/metrics.js';
import { buildPathWithQuery, type AttioRequest, type AttioResponse, type Transport } from '../../core/attio/transport.js';

/** Segment's own default request timeout; Segment retries what times out. */
export const REQUEST_TIMEOUT_MS = 10_000;

export function segmentTransport(request: RequestClient, apiUrl: string, timeoutMs: number = REQUEST_TIMEOUT_MS): Transport {
  return {
    async send(attio: AttioRequest): Promise<AttioResponse> {
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
          message: timedOut ? `no response within ${timeoutMs} ms` : `no response (${error instanceof Error ? error.name : 'unknown error'})`,
        });
      }
      return { status: response.status, headers: headersOf(response.headers), body: bodyOf(response) };
    },
  };
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
