/**
 * The engine: the one path every adapter takes from an event to Attio. Events are mapped (pure, so an invalid
 * event is rejected before any request), then their intents run as workflows. A batch is de-duplicated by
 * messageId and split by person, so one person's events keep their order while different people run in
 * parallel; each event keeps its own result.
 */
import PQueue from 'p-queue';
import type { AttioClient } from './attio/client.js';
import type { PlgConfig } from './config/index.js';
import { classifyFailure, isRejection, type Failure } from './failures.js';
import { KeyedMutex } from './locks.js';
import { silentLogger, type Logger } from './logger.js';
import { WorkspaceSchema, type SchemaStore } from './schema/workspace-schema.js';
import { runWorkflow, type WorkflowContext, type WorkflowIntent, type WorkflowOutcome } from './workflows/index.js';
import { mapEvent } from '../mapping/map-event.js';

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
      locks: new KeyedMutex(),
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

  /** Maps and applies one Segment-spec event. */
  async processEvent(raw: unknown): Promise<EventResult> {
    const messageId = messageIdOf(raw);
    let intents: WorkflowIntent[];
    try {
      intents = mapEvent(raw, this.ctx.config);
    } catch (error) {
      return failed(messageId, classifyFailure(error));
    }
    return this.processIntents(intents, messageId);
  }

  /** Applies intents already mapped (the Segment actions build them from their fields). */
  async processIntents(intents: WorkflowIntent[], messageId?: string): Promise<EventResult> {
    if (intents.length === 0) return { ...(messageId ? { messageId } : {}), status: 'ignored', outcomes: [] };
    const outcomes: WorkflowOutcome[] = [];
    for (const intent of intents) {
      try {
        outcomes.push(await this.runWithReruns(intent));
      } catch (error) {
        return { ...failed(messageId, classifyFailure(error)), outcomes };
      }
    }
    return { ...(messageId ? { messageId } : {}), status: 'applied', outcomes };
  }

  /**
   * Applies a batch of raw events; results are in input order. Events with the same messageId run once and
   * share a result; one person's events run in input order; different people run concurrently.
   */
  processBatch(raws: readonly unknown[]): Promise<EventResult[]> {
    return this.runInLanes(
      raws.map((raw) => ({ messageId: messageIdOf(raw), lane: laneKey(raw) })),
      (index) => this.processEvent(raws[index]),
    );
  }

  /** Applies a batch of already-mapped items (the Segment actions' payloads), with the same guarantees. */
  processIntentBatch(items: ReadonlyArray<{ intents: WorkflowIntent[]; messageId?: string }>): Promise<EventResult[]> {
    return this.runInLanes(
      items.map((item) => ({ messageId: item.messageId, lane: intentLaneKey(item.intents) })),
      (index) => this.processIntents(items[index]?.intents ?? [], items[index]?.messageId),
    );
  }

  private async runInLanes(
    items: ReadonlyArray<{ messageId?: string; lane?: string }>,
    process: (index: number) => Promise<EventResult>,
  ): Promise<EventResult[]> {
    const results: Array<EventResult | undefined> = new Array(items.length);
    const firstByMessageId = new Map<string, number>();
    const lanes = new Map<string, number[]>();
    items.forEach(({ messageId, lane }, index) => {
      if (messageId !== undefined) {
        if (firstByMessageId.has(messageId)) return;
        firstByMessageId.set(messageId, index);
      }
      const key = lane ?? `#${index}`;
      const indexes = lanes.get(key);
      if (indexes) indexes.push(index);
      else lanes.set(key, [index]);
    });
    const queue = new PQueue({ concurrency: this.concurrency });
    for (const indexes of lanes.values()) {
      void queue.add(async () => {
        for (const index of indexes) results[index] = await process(index);
      });
    }
    await queue.onIdle();
    return items.map(({ messageId }, index) => {
      const own = results[index] ?? results[firstByMessageId.get(messageId ?? '') ?? -1];
      return own ?? failed(messageId, { category: 'internal', message: 'event was not processed', retryable: true });
    });
  }

  private async runWithReruns(intent: WorkflowIntent): Promise<WorkflowOutcome> {
    for (let run = 1; ; run++) {
      try {
        return await runWorkflow(intent, this.ctx);
      } catch (error) {
        const failure = classifyFailure(error);
        if (!failure.retryable || failure.category === 'unknown-person' || run >= this.maxRuns) throw error;
        await this.sleep(failure.retryAfterMs ?? 250 * 2 ** (run - 1));
      }
    }
  }
}

function failed(messageId: string | undefined, failure: Failure): EventResult {
  return { ...(messageId ? { messageId } : {}), status: isRejection(failure) ? 'rejected' : 'failed', outcomes: [], failure };
}

function field(raw: unknown, name: string): unknown {
  return raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>)[name] : undefined;
}

export function messageIdOf(raw: unknown): string | undefined {
  const id = field(raw, 'messageId');
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function intentLaneKey(intents: readonly WorkflowIntent[]): string | undefined {
  for (const intent of intents) {
    if (intent.kind === 'assertRecord') continue;
    const person = intent.person;
    const key = person?.userId ?? person?.email ?? (intent.kind === 'group' ? intent.groupId : undefined);
    if (key !== undefined) return key.toLowerCase();
  }
  return undefined;
}

/** Who an event is about, for ordering: the user id, else an email, else the group. */
export function laneKey(raw: unknown): string | undefined {
  for (const candidate of [field(raw, 'userId'), field(field(raw, 'traits'), 'email'), field(field(field(raw, 'context'), 'traits'), 'email'), field(field(raw, 'properties'), 'email'), field(raw, 'groupId')]) {
    if (typeof candidate === 'string' && candidate !== '') return candidate.toLowerCase();
    if (typeof candidate === 'number') return String(candidate);
  }
  return undefined;
}
