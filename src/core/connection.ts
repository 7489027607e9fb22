import {
  createAttioConnection,
  type AttemptObserver,
  type AttioConnection,
  type RetryPolicy,
  type Transport,
} from './attio/index.js';
import type { PlgConfig } from './config/index.js';

/** The default Attio connection for a configuration: its URL, key, rate budgets and request timeout. */
export function connectionFor(
  config: PlgConfig,
  options: { userAgent: string; retry?: Partial<RetryPolicy>; observe?: AttemptObserver; http?: Transport },
): AttioConnection {
  return createAttioConnection({
    apiUrl: config.apiUrl,
    apiKey: config.apiKey,
    readsPerSecond: config.readsPerSecond,
    writesPerSecond: config.writesPerSecond,
    timeoutMs: config.requestTimeoutMs,
    ...options,
  });
}
