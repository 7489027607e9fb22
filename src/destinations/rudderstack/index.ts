/**
 * attio-plg as a rudder-transformer destination (`attio-plg/rudderstack`): `process` and `processRouterDest`
 * over the shared core. docs/rudderstack.md lists the Config keys and what the outputs mean.
 */
export { process, processRouterDest, withHostNetwork, type RudderTransformerDestination } from './transform.js';
export type { HandleHttpRequest, HostNetwork } from './host-network.js';
export {
  OPERATOR_SETTINGS,
  rudderConfigSchema,
  toPlgConfig,
  transformerEnv,
  withTransformerEnv,
  type RudderConfig,
} from './config.js';
export { FILTER_EVENTS, SUPPRESS_EVENTS } from './types.js';
export type {
  ErrorEntry,
  RouterInput,
  RouterOutputEntry,
  RudderDestination,
  RudderMetadata,
  RudderRequest,
  SuccessEntry,
} from './types.js';
