/** An in-memory model of Attio's v2 REST API for the demo and end-to-end tests. */
export { startEmulator, EMULATOR_API_KEY } from './server.js';
export type { EmulatorHandle, EmulatorOptions, RequestLogEntry } from './types.js';
export type { RateLimits } from './rate-limit.js';
export { parseFaultSpec } from './faults.js';
