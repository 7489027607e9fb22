/**
 * The writes of a lane whose results no later step needs: list-entry asserts, attribute updates, the
 * account's deal people, and each person's final write with its completion marker. They are idempotent
 * (PUT asserts, PATCH by record id), so whoever sends them may resend them. In-process the engine sends
 * them when the lane ends; for RudderStack they become the lane's `batchedRequest`, which rudder-server
 * delivers in order, stopping at the first failure. Their order is their stage: a completion marker goes
 * last, so that a delivery that stops half way leaves the event to be completed by its retry.
 */
import type { AttioRequest } from '../attio/transport.js';
import type { DeferredWrite, WriteStage } from '../workflows/context.js';

const STAGE_ORDER: Record<WriteStage, number> = { asserts: 0, account: 1, completion: 2 };

type Values = Record<string, unknown[]>;

/** The lane's deferred writes, in stage order; appending PATCHes of one record merge into one write. */
export class DeferredWrites {
  private readonly writes: DeferredWrite[] = [];

  add(write: DeferredWrite): void {
    const same =
      write.appendOnly === true
        ? this.writes.find((w) => w.appendOnly === true && w.request.path === write.request.path)
        : undefined;
    if (same === undefined) {
      this.writes.push(write);
      return;
    }
    // Both only append to multi-value attributes, so one PATCH carrying the union does what the two would.
    same.request = {
      ...same.request,
      body: { data: { values: unionValues(valuesOf(same.request), valuesOf(write.request)) } },
    };
    if (STAGE_ORDER[write.stage] > STAGE_ORDER[same.stage]) same.stage = write.stage;
  }

  /** The writes to send, in order. */
  list(): DeferredWrite[] {
    return this.writes
      .map((w, index) => ({ w, index }))
      .sort((a, b) => STAGE_ORDER[a.w.stage] - STAGE_ORDER[b.w.stage] || a.index - b.index)
      .map(({ w }) => w);
  }

  get size(): number {
    return this.writes.length;
  }

  /** A copy to return to when an item fails half way. */
  snapshot(): DeferredWrite[] {
    return this.writes.map((w) => ({ ...w }));
  }

  restore(snapshot: readonly DeferredWrite[]): void {
    this.writes.splice(0, this.writes.length, ...snapshot.map((w) => ({ ...w })));
  }
}

function valuesOf(request: AttioRequest): Values {
  const body = request.body as { data?: { values?: Values } } | undefined;
  return body?.data?.values ?? {};
}

function unionValues(earlier: Values, later: Values): Values {
  const out: Values = { ...earlier };
  for (const [slug, values] of Object.entries(later)) {
    const before = out[slug];
    if (before === undefined) {
      out[slug] = values;
      continue;
    }
    const seen = new Set(before.map((v) => JSON.stringify(v)));
    out[slug] = [...before, ...values.filter((v) => !seen.has(JSON.stringify(v)))];
  }
  return out;
}
