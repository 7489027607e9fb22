import { AttioClient } from './client.js';
import { createGotTransport, type GotTransportOptions } from './got-transport.js';
import { withRetries, type AttemptObserver, type RetryPolicy, type RetryStats } from './retry.js';

export interface AttioConnection {
  client: AttioClient;
  /** Attempts, retries and throttled responses seen by the retrying transport. */
  stats: RetryStats;
  /** Resolves once no request is queued or in flight. */
  onIdle(): Promise<void>;
}

/** The default stack: got + p-queue rate budgets, wrapped in the retry policy, behind the typed client. */
export function createAttioConnection(
  options: GotTransportOptions & { retry?: Partial<RetryPolicy>; observe?: AttemptObserver },
): AttioConnection {
  const limited = createGotTransport(options);
  const retrying = withRetries(limited, options.retry, undefined, options.observe);
  return { client: new AttioClient(retrying), stats: retrying.stats, onIdle: () => limited.onIdle() };
}
