import type { Intent } from '../intents.js';
import { runAssertRecord, type AssertRecordIntent } from './assert-record.js';
import type { WorkflowContext, WorkflowOutcome } from './context.js';
import { runGroup } from './group.js';
import { runHandoff } from './handoff.js';
import { runIdentify } from './identify.js';
import { runMilestone } from './milestone.js';
import { runPql } from './pql.js';
import { runSignup } from './signup.js';

export type WorkflowIntent = Intent | AssertRecordIntent;

/** Runs the workflow an intent asks for. Every workflow is idempotent: running it again changes nothing. */
export function runWorkflow(intent: WorkflowIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  switch (intent.kind) {
    case 'signup':
      return runSignup(intent, ctx);
    case 'milestone':
      return runMilestone(intent, ctx);
    case 'pql':
      return runPql(intent, ctx);
    case 'handoff':
      return runHandoff(intent, ctx);
    case 'identify':
      return runIdentify(intent, ctx);
    case 'group':
      return runGroup(intent, ctx);
    case 'assertRecord':
      return runAssertRecord(intent, ctx);
    default: {
      const unreachable: never = intent;
      throw new Error(`unknown intent ${JSON.stringify(unreachable)}`);
    }
  }
}

export type { AssertRecordIntent } from './assert-record.js';
export * from './context.js';
export { chooseRep, stableHash } from './owners.js';
export { activationScore } from './milestone.js';
export { HANDOFF_NOTE_TITLE, HANDOFF_TASK_PREFIX } from './handoff.js';
export { MILESTONE_NOTE_TITLE } from './milestone.js';
export { PQL_NOTE_TITLE, PQL_TASK_PREFIX } from './pql.js';
