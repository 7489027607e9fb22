/**
 * The engine: the one path every adapter takes from intents to Attio. A batch is planned (pure:
 * de-duplicated by messageId, split by person, one person's intents merged — ./batch/plan.ts), then the plan
 * runs: one person's work in order, different people in parallel. A single item is a batch of one. Each
 * item keeps its own result. Raw events reach it through ../pipeline.ts, where mapping and core meet.
 */
import PQueue from 'p-queue';
import type { AttioClient } from './attio/client.js';
import type { PlgConfig } from './config/index.js';
import { classifyFailure, isRejection, type Failure } from './failures.js';
import { KeyedMutex } from './locks.js';
import { silentLogger, type Logger } from './logger.js';
import { WorkspaceSchema, type SchemaStore } from './schema/workspace-schema.js';
import { runPersonWork } from './batch/person-work.js';
import { planBatch, type BatchItem, type WorkUnit } from './batch/plan.js';
import { runWorkflow, type WorkflowContext, type WorkflowOutcome } from './workflows/index.js';

export type EventStatus = 'applied' | 'ignored' | 'rejected' | 'failed';

export interface EventResult {
  messageId?: string;
  status: EventStatus;
  outcomes: WorkflowOutcome[];
  failure?: Failure;
}

export interface EngineOptions {
  client: AttioClient;
  config: PlgConfig;
  logger?: Logger;
  /**
   * Runs of a workflow when a run fails for a passing reason (default 1: the platform retries). A re-run is
   * safe because every workflow looks before it creates.
   */
  maxRuns?: number;
  /** Concurrent people in a batch. Default 8. */
  concurrency?: number;
  now?: () => number;
  /** Share cached workspace metadata between engines of the same workspace. */
  schemaStore?: SchemaStore;
  /** Share the per-account locks between engines of the same workspace in one process. */
  locks?: KeyedMutex;
  sleep?: (ms: number) => Promise<void>;
}

export class PlgEngine {
  readonly ctx: WorkflowContext;
  private readonly maxRuns: number;
  private readonly concurrency: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly warned = new Set<string>();

  constructor(options: EngineOptions) {
    const logger = options.logger ?? silentLogger;
    const now = options.now ?? Date.now;
    this.ctx = {
      client: options.client,
      config: options.config,
      schema: new WorkspaceSchema(options.client, { ttlSeconds: options.config.schemaCacheTtlSeconds, now, store: options.schemaStore }),
      locks: options.locks ?? new KeyedMutex(),
      now,
      warn: (message) => {
        if (this.warned.has(message)) return;
        this.warned.add(message);
        logger.warn(message);
      },
    };
    this.maxRuns = Math.max(1, options.maxRuns ?? 1);
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get config(): PlgConfig {
    return this.ctx.config;
  }

  /**
   * Applies a batch of mapped items; results are in input order. An item that carries a failure (its event
   * could not be mapped) is reported as such, before any request. The batch is coalesced (see ./batch/plan.ts):
   * items with the same messageId run once and share a result, one person's intents merge into one piece of
   * work, one person's work runs in input order and different people's concurrently.
   */
  async processIntentBatch(items: readonly MappedItem[]): Promise<EventResult[]> {
    const plan = planBatch(items);
    const unitResults = new Map<WorkUnit, UnitResult>();
    const queue = new PQueue({ concurrency: this.concurrency });
    for (const lane of plan.lanes) {
      void queue.add(async () => {
        // After a failure worth retrying the lane stops: applying the person's later events first would reorder
        // them (a later score before an earlier one, a milestone before its signup). They are retried with it.
        let held: UnitResult | undefined;
        for (const unit of lane) {
          const result = held ?? (await this.runUnit(unit));
          unitResults.set(unit, result);
          if (held === undefined && result.failure?.retryable === true) held = { outcomes: [], failure: heldBack(result.failure) };
        }
      });
    }
    await queue.onIdle();

    const byItem = new Map<number, UnitResult[]>();
    for (const [unit, result] of unitResults) {
      for (const index of unit.items) {
        const list = byItem.get(index);
        if (list) list.push(result);
        else byItem.set(index, [result]);
      }
    }
    const resultOf = (item: MappedItem, index: number): EventResult => {
      const base = item.messageId === undefined ? {} : { messageId: item.messageId };
      if (item.failure) return failed(item.messageId, item.failure);
      if (item.intents.length === 0) return { ...base, status: 'ignored', outcomes: [] };
      const results = byItem.get(index);
      if (results === undefined) return failed(item.messageId, { category: 'internal', message: 'event was not processed', retryable: true });
      const outcomes = results.flatMap((r) => r.outcomes);
      const failure = results.find((r) => r.failure)?.failure;
      return failure ? { ...failed(item.messageId, failure), outcomes } : { ...base, status: 'applied', outcomes };
    };
    const own = items.map((item, index) => (plan.duplicateOf.has(index) ? undefined : resultOf(item, index)));
    return items.map((item, index) => own[index] ?? own[plan.duplicateOf.get(index) ?? -1] ?? resultOf(item, index));
  }

  /** One unit of planned work; its outcome (or failure) belongs to every item that contributed to it. */
  private async runUnit(unit: WorkUnit): Promise<UnitResult> {
    const { work } = unit;
    try {
      const outcomes = await this.withReruns(() => (work.kind === 'person' ? runPersonWork(work, this.ctx) : runWorkflow(work.intent, this.ctx).then((o) => [o])));
      return { outcomes };
    } catch (error) {
      return { outcomes: [], failure: classifyFailure(error) };
    }
  }

  private async withReruns<T>(run: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (error) {
        const failure = classifyFailure(error);
        if (!failure.retryable || failure.category === 'unknown-person' || attempt >= this.maxRuns) throw error;
        await this.sleep(failure.retryAfterMs ?? 250 * 2 ** (attempt - 1));
      }
    }
  }
}

/** A batch item: the intents of one event (none when the tracking plan ignores it), or why it has none. */
export interface MappedItem extends BatchItem {
  failure?: Failure;
}

interface UnitResult {
  outcomes: WorkflowOutcome[];
  failure?: Failure;
}

function heldBack(cause: Failure): Failure {
  return { ...cause, message: `held back until an earlier event of the same person is applied (${cause.message})` };
}

/** The result of an event that failed before or during its workflows: rejected or failed, by its category. */
export function failed(messageId: string | undefined, failure: Failure): EventResult {
  return { ...(messageId ? { messageId } : {}), status: isRejection(failure) ? 'rejected' : 'failed', outcomes: [], failure };
}
