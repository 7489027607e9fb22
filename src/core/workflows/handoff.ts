/**
 * Sales handoff, once per (account, event kind): the account's `Enterprise Upgrade` deal at the handoff
 * stage with its value, a `PLG -> Sales Handoff` task for the rep linked to the deal, and a
 * `PLG Handoff Context` note on the deal that gives sales the product story as the lane knows it so far.
 */
import { recordIdOf, recordRef } from '../attio/values.js';
import type { HandoffIntent } from '../intents.js';
import type { WorkflowRun } from './context.js';
import { findOrCreateDeal } from './deals.js';
import { deadlineAfter, ensureNote, ensureTask } from './notes-and-tasks.js';
import { ownerFor } from './owners.js';
import { accountOf, companyRef, personOf } from './people.js';
import type { PersonState } from './person-state.js';

export const HANDOFF_TASK_PREFIX = 'PLG -> Sales Handoff';
export const HANDOFF_NOTE_TITLE = 'PLG Handoff Context';

export async function runHandoff(intent: HandoffIntent, run: WorkflowRun): Promise<void> {
  const { ctx } = run;
  const state = await personOf(run, intent.person, intent.timestamp);
  state.set('name', intent.name, intent.timestamp);
  const account = await accountOf(run, state, intent.timestamp);
  const { companyId, personId } = account;

  await ctx.locks.run(`handoff-deal:${companyId ?? personId}`, async () => {
    const owner = await ownerFor(run, account.key);
    const deal = await findOrCreateDeal(run, {
      prefix: 'Enterprise Upgrade',
      accountName: account.name,
      companyId,
      personId,
      stage: ctx.config.handoffStage,
      stageSetting: 'handoffStage',
      ownerEmail: owner,
      value: intent.value,
    });
    const dealId = recordIdOf(deal);
    await ensureTask(run, {
      prefix: `${HANDOFF_TASK_PREFIX} (${intent.eventName})`,
      key: `handoff:${intent.eventName}`,
      body: `${account.personName}${companyId ? ` at ${account.name}` : ''} asked for sales: schedule discovery and confirm the upgrade path.${intent.reason ? ` Reason: ${intent.reason}` : ''}`,
      deadlineAt: deadlineAfter(run, intent.timestamp),
      linkedRecords: [recordRef('deals', dealId), recordRef('people', personId)],
      assignees: [{ workspace_member_email_address: owner }],
      linkedObject: 'deals',
      linkedRecordId: dealId,
    });
    const activeUsers = companyId ? await countCompanyPeople(run, companyId) : 1;
    await ensureNote(run, {
      parentObject: 'deals',
      parentRecordId: dealId,
      title: HANDOFF_NOTE_TITLE,
      key: `handoff:${intent.eventName}`,
      content: handoffContext(intent, state, activeUsers),
      createdAt: intent.timestamp,
    });
  });
}

async function countCompanyPeople(run: WorkflowRun, companyId: string): Promise<number> {
  let count = 0;
  for await (const _ of run.ctx.client.queryAllRecords('people', { filter: { company: companyRef(companyId) } }))
    count++;
  return count;
}

function handoffContext(intent: HandoffIntent, state: PersonState, activeUsers: number): string {
  const {
    pqlScore: score,
    activationScore: activation,
    milestones: features,
    signupDate,
    pqlExplanation,
  } = state.facts;
  const plan = intent.plan ?? state.facts.plan;
  return [
    `Request: ${intent.eventName}`,
    `PQL Score: ${score ?? 'not scored'}`,
    `Active Users: ${activeUsers}`,
    `Key Features: ${features.length > 0 ? features.join(', ') : 'none recorded'}`,
    `Trial Start: ${signupDate ?? 'unknown'}`,
    `Activation: ${activation === undefined ? 'unknown' : `${Math.round(activation * 100)}%`}`,
    ...(intent.value === undefined ? [] : [`Deal Value: ${intent.value}`]),
    ...(plan ? [`Plan: ${plan}`] : []),
    ...(intent.reason ? [`Reason: ${intent.reason}`] : []),
    `Latest Score Explanation: ${pqlExplanation ?? 'none'}`,
    `Recommended Approach: ${recommendApproach(intent, score, plan)}`,
  ].join('\n');
}

function recommendApproach(intent: HandoffIntent, score: number | undefined, plan: string | undefined): string {
  if ((intent.value ?? 0) >= 50_000 || plan === 'enterprise')
    return 'Enterprise motion: involve an executive sponsor, security review, multi-year terms';
  if ((score ?? 0) >= 60) return 'Offer an annual plan upgrade; the team is already getting value';
  return 'Discovery call to confirm the use case before proposing a plan';
}
