/** The emulator's public option and handle types (the package's `./emulator` export). */
import type { RateLimits } from './rate-limit.js';

export interface EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1. */
  host?: string;
  /** Starting workspace; default `plg-demo`. */
  seed?: 'plg-demo' | 'empty';
  /** Attio's limits (true: 100 reads/s, 25 writes/s) or custom ones; default off. */
  rateLimit?: boolean | RateLimits;
  /** Fault spec, e.g. `429=0.1,503=0.05,reset=0.02,timeout=0.01,latency=20-80,after-commit-502=0.02,seed=42`. */
  faults?: string;
  /** Bearer token the emulator accepts; default `emulator-key`. */
  apiKey?: string;
  /**
   * How many requests `requests` keeps at least (default 100,000): older ones are dropped in batches, so a
   * long-running emulator (a month-scale replay) does not hold every request body it ever received.
   */
  requestLogLimit?: number;
  /** The clock the rate limiter's one-second windows are read from; default `Date.now` (tests inject one). */
  now?: () => number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  query: Record<string, string>;
  /** HTTP status answered; 0 when the connection was reset or never answered. */
  status: number;
  write: boolean;
  /** The injected fault, if any: `429`, `503`, `reset`, `timeout`, `after-commit-502`, ... */
  fault?: string;
  body?: unknown;
}

export interface EmulatorHandle {
  url: string;
  close(): Promise<void>;
  /** The requests received, in order of arrival (at least the last `requestLogLimit`). */
  requests: RequestLogEntry[];
  /** Clears the request log. */
  reset(): void;
}
