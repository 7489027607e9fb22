/**
 * The account's one PQL deal and its follow-up task, opened by a user's qualification (./pql.ts) or the
 * account's (./account-deal.ts): the same name, key and lock, so whichever comes first opens it and the
 * other finds it.
 */
import { recordRef } from '../attio/values.js';
import type { WorkflowRun } from './context.js';
import { findOrCreateDeal } from './deals.js';
import { deadlineAfter, ensureTask } from './notes-and-tasks.js';
import { ownerFor } from './owners.js';
import { PQL_TASK_PREFIX } from './pql-names.js';

export interface PqlDealRequest {
  /** The account's company; without one (a free-mail user), the deal is the person's. */
  companyId: string | undefined;
  personId: string;
  accountName: string;
  /** What the owner is assigned by (./owners.ts). */
  ownerKey: string;
  /** The follow-up task's text. */
  followUp: string;
  at: string;
  /** Runs once the deal exists, before the task: what else the qualification puts on the deal. */
  onDeal?: (dealId: string) => Promise<void>;
}

export async function openPqlDeal(run: WorkflowRun, request: PqlDealRequest): Promise<void> {
  const { ctx } = run;
  const { companyId, personId } = request;
  await ctx.locks.run(`pql-deal:${companyId ?? personId}`, async () => {
    const owner = await ownerFor(run, request.ownerKey);
    const deal = await findOrCreateDeal(run, {
      prefix: 'PQL',
      accountName: request.accountName,
      companyId,
      personId,
      stage: ctx.config.pqlStage,
      stageSetting: 'pqlStage',
      ownerEmail: owner,
    });
    const dealId = deal.id.record_id;
    await request.onDeal?.(dealId);
    await ensureTask(run, {
      prefix: PQL_TASK_PREFIX,
      key: 'pql-follow-up',
      body: request.followUp,
      deadlineAt: deadlineAfter(run, request.at),
      linkedRecords: [recordRef('deals', dealId), recordRef('people', personId)],
      assignees: [{ workspace_member_email_address: owner }],
      linkedObject: 'deals',
      linkedRecordId: dealId,
    });
  });
}
