export * from './client.js';
export * from './create-client.js';
export * from './errors.js';
export * from './got-transport.js';
export * from './metrics.js';
export * from './retry.js';
export * from './schemas.js';
export * from './transport.js';
