/**
 * A tier change — a user or an account moving from one band to another (warm to hot, hot to warm) — raises
 * a task for the owner when `tierChangeTasks` asks for it. One task per change: its key names the change and
 * the event that made it, so a redelivered event finds the task instead of making a second one.
 */
import { recordRef } from '../attio/values.js';
import type { PlgConfig } from '../config/index.js';
import type { WorkflowRun } from './context.js';
import { deadlineAfter, ensureTask } from './notes-and-tasks.js';
import { ownerFor } from './owners.js';

export const TIER_TASK_PREFIX = 'Tier changed';

export interface TierChange {
  subject: 'users' | 'accounts';
  /** The person's or company's name, as the task reads. */
  name: string;
  from: string;
  to: string;
  score: number;
  explanation: string;
  /** The event that made the change. */
  at: string;
  linkedObject: 'people' | 'companies';
  linkedRecordId: string;
  /** What the owner is chosen by: the company's domain, or the person's email. */
  ownerKey: string;
}

export function tierTasksWanted(config: Pick<PlgConfig, 'tierChangeTasks'>, subject: TierChange['subject']): boolean {
  return config.tierChangeTasks === 'both' || config.tierChangeTasks === subject;
}

export async function raiseTierChangeTask(run: WorkflowRun, change: TierChange): Promise<void> {
  if (!tierTasksWanted(run.ctx.config, change.subject)) return;
  const owner = await ownerFor(run, change.ownerKey);
  const what = change.subject === 'accounts' ? 'account' : 'user';
  await ensureTask(run, {
    prefix: TIER_TASK_PREFIX,
    key: `tier:${change.from}->${change.to}@${change.at}`,
    body: `${change.name} moved from ${change.from} to ${change.to} (${what} score ${change.score}/100). ${change.explanation}`,
    deadlineAt: deadlineAfter(run, change.at),
    linkedRecords: [recordRef(change.linkedObject, change.linkedRecordId)],
    assignees: [{ workspace_member_email_address: owner }],
    linkedObject: change.linkedObject,
    linkedRecordId: change.linkedRecordId,
  });
}
