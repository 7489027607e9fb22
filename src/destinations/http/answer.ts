/**
 * What the receiver answers, chosen for how senders react: Segment's and RudderStack's SDKs and webhook
 * deliveries retry 429 and 5xx and drop a batch on other 4xx. So:
 * - 200 once every event is applied (or ignored by the tracking plan);
 * - 400 naming each invalid event, after the valid ones were applied (sending it again cannot help);
 * - 429 with Attio's Retry-After when throttled, 503 with Retry-After for other passing trouble (outages,
 *   a person whose identify has not arrived yet): the sender retries, which is safe since every workflow
 *   is idempotent;
 * - 500 without Retry-After when something retrying will not fix (the configuration no longer fits the
 *   workspace, a revoked token): senders give up after their own bounded retries, /ready fails and the log
 *   says why, rather than an endless 503.
 */
import type { EventResult } from '../../core/engine.js';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Seconds a sender is asked to wait after an outage (Attio's own Retry-After is used when throttled). */
const OUTAGE_RETRY_AFTER_SECONDS = 5;

interface Problem {
  index: number;
  messageId?: string;
  reason: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  retryAfterSeconds?: number;
  /** Why the delivery failed for good, when it did (a 500). */
  permanent?: string;
}

export function answerFor(results: readonly EventResult[]): Answer {
  const problems = (status: EventResult['status']): Problem[] =>
    results.flatMap((r, index) => (r.status === status ? [{ index, ...(r.messageId ? { messageId: r.messageId } : {}), reason: r.failure?.message ?? status }] : []));
  const applied = results.filter((r) => r.status === 'applied' || r.status === 'ignored').length;
  const rejected = problems('rejected');
  const failed = problems('failed');
  const failures = results.filter((r) => r.status === 'failed');
  const permanent = failures.find((r) => r.failure?.retryable !== true);
  if (permanent) {
    const reason = permanent.failure?.message ?? 'failed';
    return { status: 500, body: { success: false, error: reason, applied, rejected, failed }, permanent: reason };
  }
  if (failures.length > 0) {
    const throttled = failures.find((r) => r.failure?.category === 'throttled');
    const retryAfterSeconds = throttled ? Math.max(1, Math.ceil((throttled.failure?.retryAfterMs ?? 1000) / 1000)) : OUTAGE_RETRY_AFTER_SECONDS;
    return { status: throttled ? 429 : 503, body: { success: false, applied, rejected, failed }, retryAfterSeconds };
  }
  if (rejected.length > 0) return { status: 400, body: { success: false, applied, rejected } };
  return { status: 200, body: { success: true, applied } };
}
