/** The emulator's public option and handle types (the package's `./emulator` export). */
import type { RateLimits } from './rate-limit.js';
import type { EmulatorWebhooks, WebhookDeliveryOptions } from './webhooks/delivery.js';

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
  /**
   * A second bearer token, standing in for a rep working in Attio's UI: what is written with it carries
   * `created_by_actor: {type: "workspace-member", id}`, and its webhook events name that member as actor
   * (writes with `apiKey` carry `{type: "api-token"}`).
   */
  memberToken?: string;
  /** The member `memberToken` acts as; default the first member who is not the admin (the admin if alone). */
  memberEmail?: string;
  /** Webhook delivery: retries, their back-off, the attempt timeout and the scheduler retries run on. */
  webhooks?: WebhookDeliveryOptions;
}

/** Who a token writes as: `api-token` for the API key, `workspace-member` for the member token. */
export interface EmulatorActor {
  type: 'api-token' | 'workspace-member';
  id: string;
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
  /** The API key's actor, as values written with it carry it. */
  apiTokenActor: EmulatorActor;
  /** The member token's actor and the member's email, when `memberToken` is set. */
  member?: EmulatorActor & { email: string };
  /** Webhook deliveries: every attempt, waiting for them to settle, redelivering a message. */
  webhooks: EmulatorWebhooks;
}
