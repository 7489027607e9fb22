import type { Intent } from '../intents.js';
import { runAssertRecord, type AssertRecordIntent } from './assert-record.js';
import { WorkflowRun, type WorkflowLane, type WorkflowOutcome } from './context.js';
import { runGroup } from './group.js';
import { runHandoff } from './handoff.js';
import { runIdentify } from './identify.js';
import { runMilestone } from './milestone.js';
import { runPql } from './pql.js';
import { runSignup } from './signup.js';

export type WorkflowIntent = Intent | AssertRecordIntent;

/**
 * Runs the workflow an intent asks for, in its lane (which holds the person it is about and the writes left
 * for later). Every workflow is idempotent: running it again changes nothing.
 */
export async function runWorkflow(intent: WorkflowIntent, lane: WorkflowLane): Promise<WorkflowOutcome> {
  const run = new WorkflowRun(intent.kind, lane);
  switch (intent.kind) {
    case 'signup':
      await runSignup(intent, run);
      break;
    case 'milestone':
      await runMilestone(intent, run);
      break;
    case 'pql':
      await runPql(intent, run);
      break;
    case 'handoff':
      await runHandoff(intent, run);
      break;
    case 'identify':
      await runIdentify(intent, run);
      break;
    case 'group':
      await runGroup(intent, run);
      break;
    case 'assertRecord':
      await runAssertRecord(intent, run);
      break;
    default: {
      const unreachable: never = intent;
      throw new Error(`unknown intent ${JSON.stringify(unreachable)}`);
    }
  }
  return run.outcome();
}

export type { AssertRecordIntent } from './assert-record.js';
export * from './context.js';
export { chooseRep } from './owners.js';
export { activationScore, queuePersonWrites } from './person-state.js';
export { queueAccountWrites } from './account.js';
export { HANDOFF_NOTE_TITLE, HANDOFF_TASK_PREFIX } from './handoff.js';
export { MILESTONE_NOTE_TITLE } from './milestone.js';
export { PQL_NOTE_TITLE, PQL_TASK_PREFIX } from './pql.js';
export { DEAL_KEY_ATTRIBUTE, dealKeyAttribute } from './deals.js';
export { compareCandidates, ensureOne, winnerOf, type Candidate, type ConvergeSteps } from './converge.js';
export { keyMarker } from './notes-and-tasks.js';
export { createRecordCaches, type RecordCaches } from './record-caches.js';
export { followRecordMerge, type MergeContext, type MergeOutcome, type RecordMerge } from './merges.js';
export { heldByReps, lastSetByMember, ownerOf, type AttributeOwner } from './ownership.js';
