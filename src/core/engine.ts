/**
 * The engine: the one path every adapter takes from intents to Attio. A batch is planned (pure:
 * de-duplicated by messageId, split into one lane per person — ./batch/plan.ts), then each lane runs as a
 * session (./batch/lane.ts): its person is read once, its events run in order, the writes nothing later
 * needs are deferred to the lane's end, and the person's one final write joins them last
 * (./workflows/person-state.ts). Lanes run in parallel. In-process (`processIntentBatch`) the engine
 * sends the deferred writes itself; for RudderStack (`transformIntentBatch`) it returns them, for
 * rudder-server to deliver. Each item keeps its own result. Raw events reach it through ../pipeline.ts.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import PQueue from 'p-queue';
import type { AttioClient } from './attio/client.js';
import type { AttioRequest } from './attio/transport.js';
import type { PlgConfig } from './config/index.js';
import { classifyFailure, isRejection, type Failure } from './failures.js';
import { KeyedMutex } from './locks.js';
import { silentLogger, type Logger } from './logger.js';
import { WorkspaceSchema, type SchemaStore } from './schema/workspace-schema.js';
import { LaneSession } from './batch/lane.js';
import { planBatch, type BatchItem } from './batch/plan.js';
import {
  createRecordCaches,
  queuePersonWrites,
  queueAccountWrites,
  runWorkflow,
  WorkflowRun,
  type RecordCaches,
  type WorkflowContext,
  type WorkflowOutcome,
} from './workflows/index.js';

export type EventStatus = 'applied' | 'ignored' | 'rejected' | 'failed';

export interface EventResult {
  messageId?: string;
  status: EventStatus;
  outcomes: WorkflowOutcome[];
  failure?: Failure;
}

/** A batch item: the intents of one event (none when the tracking plan ignores it), or why it has none. */
export interface MappedItem extends BatchItem {
  failure?: Failure;
}

/** One lane's applied items and the writes left for the platform to deliver, in order. */
export interface DeferredGroup {
  /** Indexes of the batch items (duplicates included) whose effect these writes complete. */
  items: number[];
  writes: AttioRequest[];
  /** Every request the engine itself sent for these items (reads included), for the platform's records. */
  performed: AttioRequest[];
}

export interface TransformedBatch {
  results: EventResult[];
  groups: DeferredGroup[];
}

export interface EngineOptions {
  client: AttioClient;
  config: PlgConfig;
  logger?: Logger;
  /**
   * Runs of an event when a run fails for a passing reason (default 1: the platform retries). A re-run is
   * safe because every workflow looks before it creates.
   */
  maxRuns?: number;
  /** Lanes (people) of a batch run at once. Default 8. */
  concurrency?: number;
  now?: () => number;
  /** Share cached workspace metadata between engines of the same workspace. */
  schemaStore?: SchemaStore;
  /** Share the per-account locks between engines of the same workspace in one process. */
  locks?: KeyedMutex;
  /** Share what this process confirmed of companies, users and workspaces between engines of one workspace. */
  recordCaches?: RecordCaches;
  sleep?: (ms: number) => Promise<void>;
}

interface ItemOutcome {
  outcomes: WorkflowOutcome[];
  failure?: Failure;
}

interface LaneResult {
  items: Map<number, ItemOutcome>;
  applied: number[];
  writes: AttioRequest[];
  performed: AttioRequest[];
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
      schema: new WorkspaceSchema(options.client, {
        ttlSeconds: options.config.schemaCacheTtlSeconds,
        now,
        store: options.schemaStore,
      }),
      locks: options.locks ?? new KeyedMutex(),
      records: options.recordCaches ?? createRecordCaches(options.config.schemaCacheTtlSeconds, now),
      now,
      warn: (message) => {
        if (this.warned.has(message)) return;
        this.warned.add(message);
        logger.warn(message);
      },
    };
    this.maxRuns = Math.max(1, options.maxRuns ?? 1);
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.sleep = options.sleep ?? ((ms) => sleep(ms));
  }

  get config(): PlgConfig {
    return this.ctx.config;
  }

  /** Applies intents already mapped (the Segment actions build them from their fields). */
  async processIntents(intents: MappedItem['intents'], messageId?: string): Promise<EventResult> {
    const [result] = await this.processIntentBatch([{ intents, ...(messageId === undefined ? {} : { messageId }) }]);
    return result as EventResult;
  }

  /**
   * Applies a batch of mapped items, deferred writes included; results are in input order. An item that
   * carries a failure (its event could not be mapped) is reported as such, before any request. Items with
   * the same messageId run once and share a result; one person's items run in input order, different
   * people's concurrently.
   */
  async processIntentBatch(items: readonly MappedItem[]): Promise<EventResult[]> {
    return (await this.run(items, true)).results;
  }

  /**
   * Like processIntentBatch, but the deferred writes are returned, not sent: each group's writes complete
   * its items once delivered in order. An applied item's effect is only whole when its group is delivered.
   */
  transformIntentBatch(items: readonly MappedItem[]): Promise<TransformedBatch> {
    return this.run(items, false);
  }

  private async run(items: readonly MappedItem[], send: boolean): Promise<TransformedBatch> {
    const plan = planBatch(items);
    const lanes: LaneResult[] = [];
    const queue = new PQueue({ concurrency: this.concurrency });
    const batch = {};
    for (const lane of plan.lanes) void queue.add(async () => lanes.push(await this.runLane(lane, items, send, batch)));
    await queue.onIdle();

    const outcomeOf = new Map<number, ItemOutcome>();
    for (const lane of lanes) for (const [index, outcome] of lane.items) outcomeOf.set(index, outcome);
    const original = (index: number) => plan.duplicateOf.get(index) ?? index;
    const results = items.map((item, index): EventResult => {
      const messageId = item.messageId === undefined ? {} : { messageId: item.messageId };
      const source = items[original(index)] as MappedItem;
      if (source.failure) return failed(item.messageId, source.failure);
      if (source.intents.length === 0) return { ...messageId, status: 'ignored', outcomes: [] };
      const outcome = outcomeOf.get(original(index));
      if (outcome === undefined)
        return failed(item.messageId, { category: 'internal', message: 'event was not processed', retryable: true });
      return outcome.failure
        ? { ...failed(item.messageId, outcome.failure), outcomes: outcome.outcomes }
        : { ...messageId, status: 'applied', outcomes: outcome.outcomes };
    });
    return { results, groups: send ? [] : groupsOf(lanes, items.length, original) };
  }

  /**
   * One lane: its items in order on one session. After an item fails for a passing reason the lane holds
   * the person's later items back (applying them first would reorder them: a later score before an earlier
   * one, a milestone before its signup); they are retried with it. The items before it are still applied.
   */
  private async runLane(
    lane: readonly number[],
    items: readonly MappedItem[],
    send: boolean,
    batch: object,
  ): Promise<LaneResult> {
    const session = new LaneSession(this.ctx, { record: !send, batch });
    const outcomes = new Map<number, ItemOutcome>();
    let held: Failure | undefined;
    for (const index of lane) {
      if (held !== undefined) {
        outcomes.set(index, { outcomes: [], failure: heldBack(held) });
        continue;
      }
      const outcome = await this.runItem(session, items[index] as MappedItem);
      outcomes.set(index, outcome);
      if (outcome.failure?.retryable === true) held = outcome.failure;
    }
    let applied = lane.filter((index) => outcomes.get(index)?.failure === undefined);
    const fail = (failure: Failure) => {
      for (const index of applied) outcomes.set(index, { outcomes: outcomes.get(index)?.outcomes ?? [], failure });
      applied = [];
    };
    if (applied.length > 0) {
      // The person's final write belongs to the lane's last applied workflow run: its steps join that outcome.
      const lastOutcomes = outcomes.get(applied[applied.length - 1] as number)?.outcomes ?? [];
      const last = lastOutcomes[lastOutcomes.length - 1];
      const finishing = new WorkflowRun(last?.workflow ?? 'identify', session);
      try {
        await queuePersonWrites(finishing);
        await queueAccountWrites(finishing);
        last?.steps.push(...finishing.steps);
        last?.warnings.push(...finishing.warnings.filter((w) => !last.warnings.includes(w)));
      } catch (error) {
        fail(classifyFailure(error));
      }
    }
    const writes = applied.length > 0 ? session.writes.list() : [];
    if (send && writes.length > 0) {
      try {
        for (const write of writes) {
          const data = await session.ctx.client.send(write.request);
          write.onSent?.(data);
        }
      } catch (error) {
        fail(classifyFailure(error));
      }
    }
    return { items: outcomes, applied, writes: send ? [] : writes.map((w) => w.request), performed: session.performed };
  }

  /** One item's intents on the session; on failure the session returns to where it was before the item. */
  private async runItem(session: LaneSession, item: MappedItem): Promise<ItemOutcome> {
    for (let attempt = 1; ; attempt++) {
      const snapshot = session.snapshot();
      try {
        const outcomes: WorkflowOutcome[] = [];
        for (const intent of item.intents) outcomes.push(await runWorkflow(intent, session));
        return { outcomes };
      } catch (error) {
        session.restore(snapshot);
        const failure = classifyFailure(error);
        if (!failure.retryable || failure.category === 'unknown-person' || attempt >= this.maxRuns)
          return { outcomes: [], failure };
        await this.sleep(failure.retryAfterMs ?? 250 * 2 ** (attempt - 1));
      }
    }
  }
}

/** Each lane that applied items, with those items and their duplicates in input order: one pass over the batch. */
function groupsOf(lanes: readonly LaneResult[], count: number, original: (index: number) => number): DeferredGroup[] {
  const laneOf = new Map<number, DeferredGroup>();
  const groups: DeferredGroup[] = [];
  for (const lane of lanes) {
    if (lane.applied.length === 0) continue;
    const group: DeferredGroup = { items: [], writes: lane.writes, performed: lane.performed };
    groups.push(group);
    for (const index of lane.applied) laneOf.set(index, group);
  }
  for (let index = 0; index < count; index++) laneOf.get(original(index))?.items.push(index);
  return groups;
}

function heldBack(cause: Failure): Failure {
  return { ...cause, message: `held back until an earlier event of the same person is applied (${cause.message})` };
}

/** The result of an event that failed before or during its workflows: rejected or failed, by its category. */
export function failed(messageId: string | undefined, failure: Failure): EventResult {
  return {
    ...(messageId ? { messageId } : {}),
    status: isRejection(failure) ? 'rejected' : 'failed',
    outcomes: [],
    failure,
  };
}
