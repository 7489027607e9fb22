/** An in-memory model of Attio's v2 REST API for the demo and end-to-end tests. */
export { startEmulator, EMULATOR_API_KEY } from './server.js';
export type { EmulatorActor, EmulatorHandle, EmulatorOptions, RequestLogEntry } from './types.js';
export type { EmulatorWebhooks, WebhookDeliveryAttempt, WebhookDeliveryOptions } from './webhooks/delivery.js';
export { ManualScheduler, type DeliveryScheduler } from './webhooks/scheduler.js';
export { MERGE_MODES, type MergeMode } from './merge.js';
export type { RateLimits } from './rate-limit.js';
export { parseFaultSpec } from './faults.js';
