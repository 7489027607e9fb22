/**
 * What the receiver answers, chosen for how senders react: Segment's and RudderStack's SDKs and webhook
 * deliveries retry 429 and 5xx and drop a batch on other 4xx. A delivery is answered once its valid events
 * are stored in the receiver's queue on disk, not once they reach Attio (the drain takes them there, see
 * ./queue/), so:
 * - 200 once every event is stored (or ignored by the tracking plan);
 * - 400 naming each invalid event, after the valid ones were stored (sending it again cannot help);
 * - 429 with Retry-After when the queue is past its bound, and 503 with Retry-After when the queue cannot
 *   be written (a full disk): nothing of the delivery was stored, and the sender keeps it and retries;
 * - 500 without Retry-After when the configuration cannot map an event (retrying will not fix it).
 */
import type { Failure } from '../../core/failures.js';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** What became of one event of a delivery at intake. */
export interface Receipt {
  messageId?: string;
  status: 'accepted' | 'ignored' | 'rejected' | 'failed';
  failure?: Failure;
}

interface Problem {
  index: number;
  messageId?: string;
  reason: string;
}

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  /** Why the delivery failed for good, when it did (a 500). */
  permanent?: string;
}

export function answerFor(receipts: readonly Receipt[]): Answer {
  const problems = (status: Receipt['status']): Problem[] =>
    receipts.flatMap((r, index) =>
      r.status === status
        ? [{ index, ...(r.messageId ? { messageId: r.messageId } : {}), reason: r.failure?.message ?? status }]
        : [],
    );
  const accepted = receipts.filter((r) => r.status === 'accepted' || r.status === 'ignored').length;
  const rejected = problems('rejected');
  const failed = problems('failed');
  if (failed.length > 0) {
    const reason = failed[0]?.reason ?? 'failed';
    return { status: 500, body: { success: false, error: reason, accepted, rejected, failed }, permanent: reason };
  }
  if (rejected.length > 0) return { status: 400, body: { success: false, accepted, rejected } };
  return { status: 200, body: { success: true, accepted } };
}
