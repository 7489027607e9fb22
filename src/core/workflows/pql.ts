/**
 * PQL scoring: score the signals, write `pql_score`, `pql_tier`, `pql_explanation` and `pql_scored_at`
 * unless a newer score is already stored (two requests below the threshold). On a person's first
 * qualification: the PQL list entry, a note explaining the score, the account's PQL deal (one per company;
 * later qualifiers join its people) with a follow-up task for the assigned rep, then `pql_qualified_at`,
 * written last so that an interrupted qualification is completed by the redelivered event.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { dateOf, readDate, recordIdOf, recordRef } from '../attio/values.js';
import type { PqlIntent } from '../intents.js';
import { scoreSignals, type Score } from '../scoring/index.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { findOrCreateDeal } from './deals.js';
import { assertListEntry } from './lists.js';
import { deadlineAfter, ensureNote, ensureTask } from './notes-and-tasks.js';
import { ownerFor } from './owners.js';
import { accountOf, nameAttribute, resolvePerson } from './people.js';

export const PQL_NOTE_TITLE = 'PQL Qualified';
export const PQL_TASK_PREFIX = 'PQL Follow-up';

export async function runPql(intent: PqlIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('pql', ctx);
  const person = await resolvePerson(run, intent.person, intent.timestamp, nameAttribute(intent.name));
  const personId = recordIdOf(person);

  const scoredAt = readDate(person, 'pql_scored_at');
  if (scoredAt !== undefined && Date.parse(intent.timestamp) < Date.parse(scoredAt)) {
    run.step('updateScore', 'skipped', personId, `a newer score (${scoredAt}) is already stored`);
    return run.outcome();
  }

  const score = scoreSignals(intent.signals, ctx.config.scoringModel, ctx.config.pqlThreshold);
  const values = await run.prepare('people', {
    pql_score: [score.score],
    pql_tier: [score.tier],
    pql_explanation: [score.explanation],
    pql_scored_at: [intent.timestamp],
    last_activity_date: [dateOf(intent.timestamp)],
  });
  await ctx.client.updateRecord('people', personId, values);
  run.step('updateScore', 'updated', personId, `${score.score} ${score.tier}`);

  if (score.qualified && readDate(person, 'pql_qualified_at') === undefined) {
    await qualify(run, intent, person, score);
  }
  return run.outcome();
}

/** A person's first qualification (list entry, note, the account's deal and task, then `pql_qualified_at`). */
export async function qualify(run: WorkflowRun, intent: PqlIntent, person: AttioRecord, score: Score): Promise<void> {
  const { ctx } = run;
  const personId = recordIdOf(person);

  await assertListEntry(run, 'pqlList', personId);
  await ensureNote(run, {
    parentObject: 'people',
    parentRecordId: personId,
    title: PQL_NOTE_TITLE,
    content: [
      `PQL score: ${score.score}/100 (${score.tier}), threshold ${ctx.config.pqlThreshold}`,
      `Qualified at: ${intent.timestamp}`,
      `Why: ${score.explanation}`,
    ].join('\n'),
    createdAt: intent.timestamp,
  });

  const account = await accountOf(run, person);
  const { companyId } = account;

  await ctx.locks.run(`pql-deal:${companyId ?? personId}`, async () => {
    const owner = await ownerFor(run, account.key);
    const { deal } = await findOrCreateDeal(run, {
      prefix: 'PQL',
      accountName: account.name,
      companyId,
      personId,
      stage: ctx.config.pqlStage,
      stageSetting: 'pqlStage',
      ownerEmail: owner,
    });
    const dealId = recordIdOf(deal);
    await ensureTask(run, {
      prefix: PQL_TASK_PREFIX,
      body: `${account.personName}${companyId ? ` at ${account.name}` : ''} qualified with PQL score ${score.score}/100 (${score.tier}). ${score.explanation}`,
      deadlineAt: deadlineAfter(run, intent.timestamp),
      linkedRecords: [recordRef('deals', dealId), recordRef('people', personId)],
      assignees: [{ workspace_member_email_address: owner }],
      linkedObject: 'deals',
      linkedRecordId: dealId,
    });
  });

  const values = await run.prepare('people', { pql_qualified_at: [intent.timestamp] });
  if (Object.keys(values).length > 0) {
    await ctx.client.updateRecord('people', personId, values);
    run.step('markQualified', 'updated', personId);
  }
}
