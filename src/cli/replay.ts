/**
 * Replays a JSONL file of Segment-spec events through an adapter. Events are partitioned by person, so one
 * person's events stay in order while `concurrency` partitions deliver in parallel; each partition holds at
 * most two batches, so memory stays bounded whatever the file's size. A delivery retries as its platform
 * does; an event it still could not deliver for a passing reason holds back that person's later events, so
 * that they are not applied before it.
 */
import { stat } from 'node:fs/promises';
import { attioMetrics } from '../core/attio/metrics.js';
import type { PlgConfig } from '../core/config/index.js';
import { laneKey, messageIdOf } from '../mapping/event-keys.js';
import { stableHash } from '../lib/stable-hash.js';
import { workflowOf, type EventWorkflow } from '../mapping/map-event.js';
import type { Delivery, DeliveryResult } from './delivery.js';
import { assertReadableFile, readJsonLines } from './jsonl.js';
import { createProgress } from './progress.js';

export interface ReplayOptions {
  file: string;
  delivery: Delivery;
  config: PlgConfig;
  /** Partitions delivering at once. Default 4. */
  concurrency?: number;
  /** Events per delivery call. Default 100. */
  batchSize?: number;
  showProgress?: boolean;
}

export interface WorkflowCounts {
  applied: number;
  rejected: number;
  failed: number;
}

export interface EventProblem {
  line: number;
  messageId?: string;
  reason: string;
}

export interface ReplaySummary {
  events: number;
  applied: number;
  rejected: number;
  failed: number;
  requests: number;
  durationMs: number;
  byWorkflow: Partial<Record<EventWorkflow, WorkflowCounts>>;
  /** Every rejection counted by its reason (at most 100 reasons; the rest under OTHER_REASONS). */
  rejectedByReason: Record<string, number>;
  /** Up to the first 1,000 of each, for the report. */
  rejections: EventProblem[];
  failures: EventProblem[];
}

interface Pending {
  line: number;
  event: unknown;
  lane: string;
}

const PROBLEMS_KEPT = 1000;
const REASONS_COUNTED = 100;
const OTHER_REASONS = '(other reasons)';

export async function replayFile(options: ReplayOptions): Promise<ReplaySummary> {
  const started = Date.now();
  const attemptsBefore = attioMetrics.attempts;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const batchSize = Math.max(1, options.batchSize ?? 100);
  await assertReadableFile(options.file);
  const summary: ReplaySummary = {
    events: 0,
    applied: 0,
    rejected: 0,
    failed: 0,
    requests: 0,
    durationMs: 0,
    byWorkflow: {},
    rejectedByReason: {},
    rejections: [],
    failures: [],
  };
  // People with an event that could not be delivered for a passing reason: their later events wait too.
  const heldLanes = new Set<string>();
  const progress = options.showProgress ? createProgress((await stat(options.file)).size) : undefined;
  let bytesRead = 0;

  const record = (item: Pending, result: DeliveryResult): void => {
    if (result.status === 'failed' && result.retryable) heldLanes.add(item.lane);
    const workflow = workflowOf(item.event, options.config);
    const counts = (summary.byWorkflow[workflow] ??= { applied: 0, rejected: 0, failed: 0 });
    const outcome = result.status === 'ignored' ? 'applied' : result.status;
    summary[outcome]++;
    counts[outcome]++;
    const problem = {
      line: item.line,
      ...(messageIdOf(item.event) ? { messageId: messageIdOf(item.event) } : {}),
      reason: result.reason ?? outcome,
    };
    if (outcome === 'rejected') countReason(summary.rejectedByReason, problem.reason);
    if (outcome === 'rejected' && summary.rejections.length < PROBLEMS_KEPT) summary.rejections.push(problem);
    if (outcome === 'failed' && summary.failures.length < PROBLEMS_KEPT) summary.failures.push(problem);
  };

  const deliver = async (pending: Pending[]): Promise<void> => {
    const batch = pending.filter((item) => !heldLanes.has(item.lane));
    for (const item of pending.filter((p) => heldLanes.has(p.lane))) {
      record(item, {
        status: 'failed',
        reason: 'held back: an earlier event of the same person was not delivered',
        retryable: true,
      });
    }
    if (batch.length === 0) return;
    let results: DeliveryResult[];
    try {
      results = await options.delivery.deliver(batch.map((p) => p.event));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      results = batch.map(() => ({ status: 'failed', reason, retryable: true }));
    }
    batch.forEach((item, index) =>
      record(item, results[index] ?? { status: 'failed', reason: 'no result', retryable: true }),
    );
  };

  const partitions = Array.from({ length: concurrency }, () => ({
    buffer: [] as Pending[],
    running: Promise.resolve(),
  }));
  const flush = async (partition: (typeof partitions)[number]): Promise<void> => {
    const batch = partition.buffer;
    partition.buffer = [];
    await partition.running; // at most one batch delivering per partition, one more filling
    partition.running = deliver(batch);
  };

  for await (const item of readJsonLines(options.file)) {
    summary.events++;
    bytesRead += item.bytes;
    progress?.update(bytesRead, summary.events);
    if ('error' in item) {
      record(
        { line: item.line, event: undefined, lane: `line-${item.line}` },
        { status: 'rejected', reason: item.error },
      );
      continue;
    }
    // Neither adapter is built for a line that is not an object (null, a number, an array...): it never reaches them.
    const notAnObject = notAnEventObject(item.event);
    if (notAnObject !== undefined) {
      record(
        { line: item.line, event: item.event, lane: `line-${item.line}` },
        { status: 'rejected', reason: notAnObject },
      );
      continue;
    }
    const lane = laneKey(item.event) ?? `line-${item.line}`;
    const partition = partitions[stableHash(lane) % concurrency]!;
    partition.buffer.push({ line: item.line, event: item.event, lane });
    if (partition.buffer.length >= batchSize) await flush(partition);
  }
  await Promise.all(partitions.map(async (p) => (p.buffer.length > 0 ? flush(p) : undefined)));
  await Promise.all(partitions.map((p) => p.running));
  progress?.done();
  summary.requests = attioMetrics.attempts - attemptsBefore;
  summary.durationMs = Date.now() - started;
  return summary;
}

function notAnEventObject(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  return `message: must be a JSON object, got ${kind}`;
}

function countReason(counts: Record<string, number>, reason: string): void {
  const known = Object.prototype.hasOwnProperty.call(counts, reason);
  const key = known || Object.keys(counts).length < REASONS_COUNTED ? reason : OTHER_REASONS;
  counts[key] = (counts[key] ?? 0) + 1;
}
