/** attio-plg core API: the Attio client and its transports, errors and the workflow intent types. */
export * from './core/attio/index.js';
export * from './core/errors.js';
export type * from './mapping/intents.js';
