/**
 * Sales handoff, once per (account, event kind): the account's `Enterprise Upgrade` deal at the handoff
 * stage with its value, a `PLG -> Sales Handoff` task for the rep linked to the deal, and a
 * `PLG Handoff Context` note on the deal that gives sales the product story.
 */
import type { AttioRecord } from '../attio/schemas.js';
import {
  readDate,
  readNumber,
  readSelectTitles,
  readText,
  recordIdOf,
  recordRef,
} from '../attio/values.js';
import type { HandoffIntent } from '../intents.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { findOrCreateDeal } from './deals.js';
import { deadlineAfter, ensureNote, ensureTask } from './notes-and-tasks.js';
import { ownerFor } from './owners.js';
import { accountOf, companyRef, nameAttribute, resolvePerson } from './people.js';

export const HANDOFF_TASK_PREFIX = 'PLG -> Sales Handoff';
export const HANDOFF_NOTE_TITLE = 'PLG Handoff Context';

export async function runHandoff(intent: HandoffIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('handoff', ctx);
  const person = await resolvePerson(run, intent.person, intent.timestamp, nameAttribute(intent.name));
  const personId = recordIdOf(person);
  const account = await accountOf(run, person);
  const { companyId } = account;

  await ctx.locks.run(`handoff-deal:${companyId ?? personId}`, async () => {
    const owner = await ownerFor(run, account.key);
    const { deal } = await findOrCreateDeal(run, {
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
    const request = `Request: ${intent.eventName}`;
    await ensureTask(run, {
      prefix: `${HANDOFF_TASK_PREFIX} (${intent.eventName})`,
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
      keyLine: request,
      content: handoffContext(intent, person, request, activeUsers),
      createdAt: intent.timestamp,
    });
  });
  return run.outcome();
}

async function countCompanyPeople(run: WorkflowRun, companyId: string): Promise<number> {
  let count = 0;
  for await (const _ of run.ctx.client.queryAllRecords('people', { filter: { company: companyRef(companyId) } })) count++;
  return count;
}

function handoffContext(intent: HandoffIntent, person: AttioRecord, request: string, activeUsers: number): string {
  const score = readNumber(person, 'pql_score');
  const activation = readNumber(person, 'activation_score');
  const features = readSelectTitles(person, 'milestones_completed');
  const plan = intent.plan ?? readSelectTitles(person, 'plan_type')[0];
  return [
    request,
    `PQL Score: ${score ?? 'not scored'}`,
    `Active Users: ${activeUsers}`,
    `Key Features: ${features.length > 0 ? features.join(', ') : 'none recorded'}`,
    `Trial Start: ${readDate(person, 'signup_date') ?? 'unknown'}`,
    `Activation: ${activation === undefined ? 'unknown' : `${Math.round(activation * 100)}%`}`,
    ...(intent.value === undefined ? [] : [`Deal Value: ${intent.value}`]),
    ...(plan ? [`Plan: ${plan}`] : []),
    ...(intent.reason ? [`Reason: ${intent.reason}`] : []),
    `Latest Score Explanation: ${readText(person, 'pql_explanation') ?? 'none'}`,
    `Recommended Approach: ${recommendApproach(intent, score, plan)}`,
  ].join('\n');
}

function recommendApproach(intent: HandoffIntent, score: number | undefined, plan: string | undefined): string {
  if ((intent.value ?? 0) >= 50_000 || plan === 'enterprise') return 'Enterprise motion: involve an executive sponsor, security review, multi-year terms';
  if ((score ?? 0) >= 60) return 'Offer an annual plan upgrade; the team is already getting value';
  return 'Discovery call to confirm the use case before proposing a plan';
}
