/**
 * What every workflow receives — one run, which holds the lane it runs in (the people and notes the lane
 * has met, the writes it defers) and through it the context (the client, the cached workspace schema, the
 * configuration) — and what it returns: a typed outcome listing its steps, so callers can report and tests
 * can assert whole outcomes. The batch layer implements the lane; the workflows only know this interface.
 */
import type { AttioClient } from '../attio/client.js';
import type { AttioNote, AttioTask } from '../attio/schemas.js';
import type { AttioRequest } from '../attio/transport.js';
import type { PlgConfig } from '../config/index.js';
import type { PersonKey } from '../intents.js';
import type { KeyedMutex } from '../locks.js';
import type { WorkspaceSchema } from '../schema/workspace-schema.js';
import { prepareValues } from '../schema/prepare-values.js';
import type { PersonState } from './person-state.js';
import type { RecordCaches } from './record-caches.js';

export type WorkflowName = 'signup' | 'milestone' | 'pql' | 'handoff' | 'identify' | 'group' | 'assertRecord';

/** `deferred`: queued as a deferred write (sent when the lane ends, or handed to the platform to deliver). */
export type StepResult =
  | 'asserted'
  | 'created'
  | 'updated'
  | 'found'
  | 'skipped'
  | 'deferred'
  | 'deleted'
  | 'unchanged';

export interface Step {
  /** What was done, in domain words: `assertCompany`, `createNote`, `findPqlDeal`, ... */
  op: string;
  result: StepResult;
  recordId?: string;
  detail?: string;
}

export interface WorkflowOutcome {
  workflow: WorkflowName;
  steps: Step[];
  warnings: string[];
}

export interface WorkflowContext {
  client: AttioClient;
  schema: WorkspaceSchema;
  config: PlgConfig;
  /** In-process serialisation of look-before-create steps per company/person. */
  locks: KeyedMutex;
  /** What this process last confirmed of companies, users and workspaces (see record-caches.ts). */
  records: RecordCaches;
  /** Reports a warning once per distinct message (the run records every one). */
  warn(message: string): void;
  /** Current time, for the age of events. */
  now(): number;
}

/** When a deferred write goes out: asserts of entries and records first, then the account's deal, then each person's final write. */
export type WriteStage = 'asserts' | 'account' | 'completion';

/**
 * A write whose result no later step needs: list-entry asserts, attribute updates, the account's deal
 * people, and each person's final write with its completion marker. Idempotent (PUT asserts, PATCH by
 * record id), so whoever sends it may resend it.
 */
export interface DeferredWrite {
  request: AttioRequest;
  stage: WriteStage;
  /** What the write does, in domain words (`updatePerson`, `addToTrialList`, ...). */
  op: string;
  /**
   * A PATCH that only appends to multi-value attributes (a deal's people): two of them for one record
   * merge into one write carrying both values.
   */
  appendOnly?: boolean;
  /** Told of Attio's answer when the write is sent in-process (e.g. to refresh a cache). */
  onSent?(data: unknown): void;
}

/** One lane of a batch (one person's events, in order), as the workflows use it. */
export interface WorkflowLane {
  /** The context, with a client that records what it sends when the platform keeps a record. */
  readonly ctx: WorkflowContext;
  /**
   * The batch the lane is one of: what the batch's lanes decide together (an account's roll-up) is kept
   * under it, and is gone with the batch.
   */
  readonly batch: object;
  /** The person a key names, if the lane has met them. */
  known(key: PersonKey): PersonState | undefined;
  /** Remembers a person under the key that found them (and their email); returns the one kept for them. */
  remember(key: PersonKey, state: PersonState): PersonState;
  /** Every person the lane has met. */
  everyone(): PersonState[];
  /** Notes of one record (`object:id`), as last listed or changed in this lane. */
  notesOf(parent: string): AttioNote[] | undefined;
  setNotes(parent: string, notes: AttioNote[]): void;
  /** Tasks linked to one record (`object:id`), as last listed or changed in this lane. */
  tasksOf(linked: string): AttioTask[] | undefined;
  setTasks(linked: string, tasks: AttioTask[]): void;
  /** Holds a write for the lane's end (the engine sends it, or hands it to the platform to deliver). */
  defer(write: DeferredWrite): void;
}

/** One workflow execution in its lane: collects steps and warnings into its outcome. */
export class WorkflowRun {
  readonly steps: Step[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly workflow: WorkflowName,
    readonly lane: WorkflowLane,
  ) {}

  get ctx(): WorkflowContext {
    return this.lane.ctx;
  }

  /**
   * Defers a write and records its step: the only way a write waits for the lane's end. The rule for which
   * writes wait lives here too: a workflow writes at once (through the client) only when a later step needs
   * the result — a record id, a note, a deal — and defers every other write. Who sends the deferred writes
   * (the engine, or the platform) is the engine's choice, not the workflow's.
   */
  defer(write: DeferredWrite, recordId?: string, detail?: string): void {
    this.lane.defer(write);
    this.step(write.op, 'deferred', recordId, detail);
  }

  step(op: string, result: StepResult, recordId?: string, detail?: string): void {
    this.steps.push({ op, result, ...(recordId ? { recordId } : {}), ...(detail ? { detail } : {}) });
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
    this.ctx.warn(message);
  }

  /** Values checked against the workspace schema (see prepareValues). */
  prepare(
    object: string,
    values: Record<string, unknown[]>,
    statusSetting?: string,
  ): Promise<Record<string, unknown[]>> {
    return prepareValues(this.ctx.schema, object, values, {
      strict: this.ctx.config.strict,
      warn: (m) => this.warn(m),
      statusSetting,
    });
  }

  /** A list entry's values checked against the list's entry attributes (see prepareValues). */
  prepareEntry(list: string, values: Record<string, unknown[]>): Promise<Record<string, unknown[]>> {
    return prepareValues(this.ctx.schema, list, values, {
      strict: this.ctx.config.strict,
      warn: (m) => this.warn(m),
      target: 'lists',
    });
  }

  outcome(): WorkflowOutcome {
    return { workflow: this.workflow, steps: this.steps, warnings: this.warnings };
  }
}
