/**
 * What every workflow receives (the client, the cached workspace schema, the configuration) and what it
 * returns: a typed outcome listing its steps, so callers can report and tests can assert whole outcomes.
 */
import type { AttioClient } from '../attio/client.js';
import type { PlgConfig } from '../config/index.js';
import type { KeyedMutex } from '../locks.js';
import type { WorkspaceSchema } from '../schema/workspace-schema.js';
import { prepareValues } from '../schema/prepare-values.js';
import type { RecordCaches } from './record-caches.js';

export type WorkflowName = 'signup' | 'milestone' | 'pql' | 'handoff' | 'identify' | 'group' | 'assertRecord';

/** `deferred`: queued as a deferred write (sent when the lane ends, or handed to the platform to deliver). */
export type StepResult = 'asserted' | 'created' | 'updated' | 'found' | 'skipped' | 'deferred' | 'deleted' | 'unchanged';

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

/** One workflow execution: collects steps and warnings into its outcome. */
export class WorkflowRun {
  readonly steps: Step[] = [];
  readonly warnings: string[] = [];

  constructor(
    readonly workflow: WorkflowName,
    readonly ctx: WorkflowContext,
  ) {}

  step(op: string, result: StepResult, recordId?: string, detail?: string): void {
    this.steps.push({ op, result, ...(recordId ? { recordId } : {}), ...(detail ? { detail } : {}) });
  }

  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
    this.ctx.warn(message);
  }

  /** Values checked against the workspace schema (see prepareValues). */
  prepare(object: string, values: Record<string, unknown[]>, statusSetting?: string): Promise<Record<string, unknown[]>> {
    return prepareValues(this.ctx.schema, object, values, {
      strict: this.ctx.config.strict,
      warn: (m) => this.warn(m),
      statusSetting,
    });
  }

  outcome(): WorkflowOutcome {
    return { workflow: this.workflow, steps: this.steps, warnings: this.warnings };
  }
}
