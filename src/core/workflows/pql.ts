/**
 * PQL scoring: the signals are scored and `pql_score`, `pql_tier`, `pql_explanation` and `pql_scored_at`
 * join the person's write — unless a newer score is already stored. On a person's first qualification: the
 * PQL list entry, a note explaining the score, the account's PQL deal (one per company; later qualifiers
 * join its people) with a follow-up task for the assigned rep, and `pql_qualified_at`, which goes out with
 * the person's write after everything else, so that an interrupted qualification is completed by the
 * redelivered event.
 */
import type { PqlIntent } from '../intents.js';
import { scoreSignals, type Score } from '../scoring/index.js';
import type { WorkflowRun } from './context.js';
import { ensureListEntry } from './lists.js';
import { touchActivity } from './milestone.js';
import { ensureNote } from './notes-and-tasks.js';
import { accountOf, companyDomainForEmail, personIdOf, personOf } from './people.js';
import type { PersonState } from './person-state.js';
import { openPqlDeal } from './pql-deal.js';
import { PQL_NOTE_TITLE } from './pql-names.js';
import { accountScoringOn, rollUpPersonAccount } from './account.js';
import { raiseTierChangeTask, tierTasksWanted } from './tier-tasks.js';
import { signalsText } from './account-facts.js';

export { PQL_NOTE_TITLE, PQL_TASK_PREFIX } from './pql-names.js';

export async function runPql(intent: PqlIntent, run: WorkflowRun): Promise<void> {
  const state = await personOf(run, intent.person, intent.timestamp);
  state.set('name', intent.name, intent.timestamp);
  const scoredAt = state.facts.pqlScoredAt;
  if (scoredAt !== undefined && Date.parse(intent.timestamp) < Date.parse(scoredAt)) {
    run.step('updateScore', 'skipped', state.id, `a newer score (${scoredAt}) is already stored`);
    return;
  }
  const { config } = run.ctx;
  const score = scoreSignals(intent.signals, config.scoringModel, config.pqlThreshold, config.userTiers);
  const previousTier = state.facts.pqlTier;
  const accounts = accountScoringOn(config);
  Object.assign(state.facts, {
    pqlScore: score.score,
    pqlTier: score.tier,
    pqlExplanation: score.explanation,
    pqlScoredAt: intent.timestamp,
    // Stored so that an account's roll-up, in any process, can read what this person reported.
    ...(accounts ? { pqlSignals: signalsText(intent.signals) } : {}),
  });
  touchActivity(state, intent.timestamp);
  run.step('updateScore', 'deferred', state.id, `${score.score} ${score.tier}`);
  if (score.qualified && state.facts.pqlQualifiedAt === undefined && !state.qualified)
    await qualify(run, state, intent, score);
  if (previousTier !== undefined && previousTier !== score.tier)
    await userTierChanged(run, state, intent.timestamp, previousTier, score);
  if (accounts) await rollUpPersonAccount(run, state, intent.timestamp);
}

async function userTierChanged(
  run: WorkflowRun,
  state: PersonState,
  at: string,
  from: string,
  score: Score,
): Promise<void> {
  if (!tierTasksWanted(run.ctx.config, 'users')) return;
  const personId = await personIdOf(run, state);
  await raiseTierChangeTask(run, {
    subject: 'users',
    name: state.facts.name?.fullName ?? state.email ?? 'A user',
    from,
    to: score.tier,
    score: score.score,
    explanation: score.explanation,
    at,
    linkedObject: 'people',
    linkedRecordId: personId,
    ownerKey: companyDomainForEmail(run, state.email) ?? state.email ?? personId,
  });
}

/** A person's first qualification (list entry, note, the account's deal and task, then `pql_qualified_at`). */
async function qualify(run: WorkflowRun, state: PersonState, intent: PqlIntent, score: Score): Promise<void> {
  const { ctx } = run;
  const personId = await personIdOf(run, state);
  await ensureListEntry(run, 'pqlList', state, { pql_score: [score.score] });
  await ensureNote(run, {
    parentObject: 'people',
    parentRecordId: personId,
    title: PQL_NOTE_TITLE,
    key: 'pql-qualified',
    content: [
      `PQL score: ${score.score}/100 (${score.tier}), threshold ${ctx.config.pqlThreshold}`,
      `Qualified at: ${intent.timestamp}`,
      `Why: ${score.explanation}`,
    ].join('\n'),
    createdAt: intent.timestamp,
  });

  const account = await accountOf(run, state, intent.timestamp);
  const { companyId } = account;
  // With `dealTrigger: "account"` the account's own qualification opens its deal (./account.ts).
  if (ctx.config.dealTrigger !== 'account')
    await openPqlDeal(run, {
      companyId,
      personId,
      accountName: account.name,
      ownerKey: account.key,
      followUp: `${account.personName}${companyId ? ` at ${account.name}` : ''} qualified with PQL score ${score.score}/100 (${score.tier}). ${score.explanation}`,
      at: intent.timestamp,
    });
  state.qualified = true;
  state.facts.pqlQualifiedAt = intent.timestamp;
  run.step('markQualified', 'deferred', personId);
}
