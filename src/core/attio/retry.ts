/**
 * Retries around any transport: 429 waits for Retry-After (the request was not processed, so it is always
 * safe); 5xx, timeouts and resets back off exponentially with full jitter, but only for idempotent requests.
 * Attempts and total waiting are capped; other 4xx are final at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { AttioError, classifyAttioResponse } from './errors.js';
import type { AttioRequest, AttioResponse, Transport } from './transport.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. Default 5. */
  maxAttempts: number;
  /** Give up rather than wait longer than this in total. Default 30 000 ms. */
  maxTotalWaitMs: number;
  /** First backoff step for 5xx/network errors. Default 250 ms. */
  baseDelayMs: number;
  /** Largest single backoff step. Default 8 000 ms. */
  maxDelayMs: number;
  /** Wait on a 429 without Retry-After. Default 1 000 ms. */
  defaultThrottleDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxTotalWaitMs: 30_000,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  defaultThrottleDelayMs: 1_000,
};

export interface RetryClock {
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): number;
}

const realClock: RetryClock = {
  sleep: (ms) => sleep(ms),
  random: Math.random,
  now: Date.now,
};

export interface RetryStats {
  attempts: number;
  retries: number;
  throttled: number;
}

export interface RetryingTransport extends Transport {
  readonly stats: RetryStats;
}

/** One attempt as the retry layer saw it: for metrics, without the core knowing any metrics library. */
export interface AttemptReport {
  request: AttioRequest;
  /** 1 for the first attempt; more means a retry. */
  attempt: number;
  /** Attio's HTTP status, or how the attempt ended without one. */
  status: number | 'timeout' | 'network';
  /** From sending to the answer, including any wait for the client's own rate budget. */
  durationMs: number;
}

/** Told about every attempt; must not throw. */
export type AttemptObserver = (report: AttemptReport) => void;

/**
 * Wraps `inner` so that every `send` either resolves with a 2xx response or rejects with an AttioError
 * whose `retryable` says whether the caller (a workflow re-run, or the platform) should try again.
 */
export function withRetries(
  inner: Transport,
  policy: Partial<RetryPolicy> = {},
  clock: RetryClock = realClock,
  observe?: AttemptObserver,
): RetryingTransport {
  const settings = { ...DEFAULT_RETRY_POLICY, ...policy };
  const stats: RetryStats = { attempts: 0, retries: 0, throttled: 0 };

  async function send(request: AttioRequest): Promise<AttioResponse> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const error = await attemptOnce(request, attempt);
      if (!(error instanceof AttioError)) return error;
      const delay = nextDelay(error, request, attempt);
      if (delay === undefined || attempt >= settings.maxAttempts || waited + delay > settings.maxTotalWaitMs) {
        throw error;
      }
      waited += delay;
      stats.retries++;
      await clock.sleep(delay);
    }
  }

  async function attemptOnce(request: AttioRequest, attempt: number): Promise<AttioResponse | AttioError> {
    stats.attempts++;
    const started = clock.now();
    let response: AttioResponse;
    try {
      response = await inner.send(request);
    } catch (error) {
      if (error instanceof AttioError) {
        observe?.({
          request,
          attempt,
          status: error.status ?? (error.kind === 'timeout' ? 'timeout' : 'network'),
          durationMs: clock.now() - started,
        });
        return error;
      }
      throw error;
    }
    observe?.({ request, attempt, status: response.status, durationMs: clock.now() - started });
    if (response.status >= 200 && response.status < 300) return response;
    if (response.status === 429) stats.throttled++;
    return classifyAttioResponse(request, response.status, response.headers, response.body, clock.now());
  }

  function nextDelay(error: AttioError, request: AttioRequest, attempt: number): number | undefined {
    if (error.throttled) return error.retryAfterMs ?? settings.defaultThrottleDelayMs;
    if (!error.retryable || !request.idempotent) return undefined;
    const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(clock.random() * ceiling);
  }

  return { send, stats };
}
