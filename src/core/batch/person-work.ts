/**
 * Applies one person's merged work (see ./plan.ts) with the requests of one event: the company of the email
 * domain and the person asserted once with the merged profile, the user records and the trial entry when an
 * identify or signup asked for them, then one update carrying every new milestone and the score, then the
 * milestone notes and a first qualification. The final CRM state is the one the intents would leave run one
 * by one in input order: milestones and the stale-score rule are replayed over the stored record in memory.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { dateOf, readDate, readSelectTitles, recordIdOf } from '../attio/values.js';
import type { MilestoneIntent, PqlIntent } from '../intents.js';
import { scoreSignals, type Score } from '../scoring/index.js';
import { WorkflowRun, type WorkflowContext, type WorkflowName, type WorkflowOutcome } from '../workflows/context.js';
import { assertUser } from '../workflows/identify.js';
import { assertListEntry } from '../workflows/lists.js';
import { activationScore, configuredMilestones, milestoneNote, milestoneOptions } from '../workflows/milestone.js';
import { createNote, ensureNote } from '../workflows/notes-and-tasks.js';
import { assertPersonWithCompany, nameAttribute, productObjectEnabled, resolvePerson } from '../workflows/people.js';
import { qualify } from '../workflows/pql.js';
import type { PersonWork } from './plan.js';

export async function runPersonWork(work: PersonWork, ctx: WorkflowContext): Promise<WorkflowOutcome[]> {
  const runs = new Map<WorkflowName, WorkflowRun>(work.workflows.map((name) => [name, new WorkflowRun(name, ctx)]));
  const runOf = (name: WorkflowName) => runs.get(name) ?? (runs.values().next().value as WorkflowRun);
  const person = await assertMergedPerson(work, runOf(work.workflows[0] ?? 'identify'), runOf);
  const personId = recordIdOf(person);

  const milestones = await planMilestones(runOf('milestone'), work.milestones, person);
  const scores = replayScores(runOf('pql'), work.scores, person);

  const update: Record<string, unknown[]> = {};
  if (milestones.added.length > 0) {
    update.milestones_completed = milestones.added.map((m) => m.milestone);
    update.activation_score = [milestones.activation];
  }
  if (scores.latest) {
    const { intent, score } = scores.latest;
    Object.assign(update, { pql_score: [score.score], pql_tier: [score.tier], pql_explanation: [score.explanation], pql_scored_at: [intent.timestamp] });
  }
  const written = [...milestones.added, ...(scores.latest ? [scores.latest.intent] : [])];
  if (written.length > 0) {
    update.last_activity_date = [dateOf(latest(written.map((i) => i.timestamp)))];
    await ctx.client.updateRecord('people', personId, await runOf('milestone').prepare('people', update));
    if (milestones.added.length > 0) {
      runOf('milestone').step('updateActivation', 'updated', personId, `${milestones.added.map((m) => m.milestone).join(', ')}, activation ${milestones.activation}`);
    }
    if (scores.latest) runOf('pql').step('updateScore', 'updated', personId, `${scores.latest.score.score} ${scores.latest.score.tier}`);
  }

  for (const intent of milestones.added) await createNote(runOf('milestone'), milestoneNote(intent, person));
  for (const intent of milestones.recheck) await ensureNote(runOf('milestone'), milestoneNote(intent, person));
  if (scores.qualifier) await qualify(runOf('pql'), scores.qualifier.intent, person, scores.qualifier.score);
  return [...runs.values()].map((run) => run.outcome());
}

/**
 * The person, asserted once. With an identify or signup: the company first (both records' values checked
 * before the first write, as the signup workflow does), the person with the merged profile and the company
 * reference, then the user records and the trial entry. Otherwise the person as a milestone or score finds it.
 */
async function assertMergedPerson(work: PersonWork, run: WorkflowRun, runOf: (name: WorkflowName) => WorkflowRun): Promise<AttioRecord> {
  const { profile } = work;
  if (!work.linkCompany || work.person.email === undefined) {
    return resolvePerson(run, work.person, work.timestamp, nameAttribute(profile.name));
  }
  const email = work.person.email;
  const person = await assertPersonWithCompany(run, email, profile);
  if (work.userIds.length > 0 && (await productObjectEnabled(run, 'users'))) {
    for (const userId of work.userIds) await assertUser(runOf('identify'), userId, email, recordIdOf(person));
  }
  if (work.trialEntry) await assertListEntry(runOf('signup'), 'trialList', recordIdOf(person));
  return person;
}

interface MilestonePlan {
  /** New milestones, written in the update and each given its note. */
  added: MilestoneIntent[];
  activation: number;
  /** Milestones already stored (or not options): their note is looked up, as a repeated milestone's is. */
  recheck: MilestoneIntent[];
}

async function planMilestones(run: WorkflowRun, intents: readonly MilestoneIntent[], person: AttioRecord): Promise<MilestonePlan> {
  const stored = readSelectTitles(person, 'milestones_completed');
  const seen = new Set<string>();
  const added: MilestoneIntent[] = [];
  const recheck: MilestoneIntent[] = [];
  let options: string[] | undefined;
  for (const intent of intents) {
    // The first event of a milestone decides its note; later ones in the batch would only find that note.
    if (seen.has(intent.milestone)) continue;
    seen.add(intent.milestone);
    if (stored.includes(intent.milestone)) {
      recheck.push(intent);
      continue;
    }
    options ??= await milestoneOptions(run);
    if (options.includes(intent.milestone)) {
      added.push(intent);
    } else {
      run.warn(`milestone "${intent.milestone}" is not an option of people.milestones_completed; only its note was written`);
      recheck.push(intent);
    }
  }
  const activation = activationScore([...stored, ...added.map((m) => m.milestone)], configuredMilestones(run.ctx));
  return { added, activation, recheck };
}

interface ScoredIntent {
  intent: PqlIntent;
  score: Score;
}

/**
 * The stale-score rule over the scores in input order, as one-by-one runs would apply it: a score older than
 * the last written one is skipped; the last written is stored; the first qualifying one (when the person has
 * not qualified before) qualifies, with its own timestamp and score.
 */
function replayScores(run: WorkflowRun, intents: readonly PqlIntent[], person: AttioRecord): { latest?: ScoredIntent; qualifier?: ScoredIntent } {
  const { config } = run.ctx;
  let scoredAt = readDate(person, 'pql_scored_at');
  const alreadyQualified = readDate(person, 'pql_qualified_at') !== undefined;
  let latestScore: ScoredIntent | undefined;
  let qualifier: ScoredIntent | undefined;
  for (const intent of intents) {
    if (scoredAt !== undefined && Date.parse(intent.timestamp) < Date.parse(scoredAt)) {
      run.step('updateScore', 'skipped', recordIdOf(person), `a newer score (${scoredAt}) is already stored`);
      continue;
    }
    latestScore = { intent, score: scoreSignals(intent.signals, config.scoringModel, config.pqlThreshold) };
    scoredAt = intent.timestamp;
    if (latestScore.score.qualified && !alreadyQualified && qualifier === undefined) qualifier = latestScore;
  }
  return { ...(latestScore ? { latest: latestScore } : {}), ...(qualifier ? { qualifier } : {}) };
}

function latest(timestamps: readonly string[]): string {
  return timestamps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}
