/**
 * A rudder-transformer component-test request answered by this package: the router body `{input, destType}`
 * or the processor's bare array, through rudder-transformer's service around a destination
 * (src/simulators/rudder-transformer.ts), with the transformer's environment given (the base URL is Attio's own).
 */
import {
  processorTransformService,
  routerTransformService,
  type RouterTransformRequest,
} from '../../../src/simulators/rudder-transformer.js';
import { process, processRouterDest, withTransformerEnv } from '../../../src/destinations/rudderstack/index.js';

export type Feature = 'router' | 'processor';

export async function answer(feature: Feature, body: unknown, env: Record<string, string> = {}): Promise<unknown> {
  const run = <T>(work: () => Promise<T>) => withTransformerEnv(env, work);
  if (feature === 'router')
    return routerTransformService({ process, processRouterDest }, run)(body as RouterTransformRequest);
  return processorTransformService({ process, processRouterDest }, run)(
    'attio_plg',
    body as Parameters<ReturnType<typeof processorTransformService>>[1],
  );
}
