/**
 * Activation milestone: the person's `milestones_completed` gains the milestone, `activation_score` becomes
 * completed/configured and `last_activity_date` moves on (all in the lane's one person write), and one
 * `Activation Milestone` note per (person, milestone), found before it is created and converged after.
 */
import type { MilestoneIntent } from '../intents.js';
import type { WorkflowRun } from './context.js';
import { ensureNote, type NoteSpec } from './notes-and-tasks.js';
import { personIdOf, personOf } from './people.js';
import { activationScore, configuredMilestones, type PersonState } from './person-state.js';

export const MILESTONE_NOTE_TITLE = 'Activation Milestone';

export async function runMilestone(intent: MilestoneIntent, run: WorkflowRun): Promise<void> {
  const state = await personOf(run, intent.person, intent.timestamp);
  state.set('name', intent.name, intent.timestamp);
  if (!state.facts.milestones.includes(intent.milestone)) {
    const options = await milestoneOptions(run);
    if (options.includes(intent.milestone)) {
      state.facts.milestones.push(intent.milestone);
      // Derived from every milestone the person has, whatever order they arrived in.
      state.facts.activationScore = activationScore(state.facts.milestones, configuredMilestones(run.ctx));
      run.step(
        'updateActivation',
        'deferred',
        state.id,
        `${intent.milestone}, activation ${state.facts.activationScore ?? 0}`,
      );
    } else {
      run.warn(
        `milestone "${intent.milestone}" is not an option of people.milestones_completed; only its note was written`,
      );
    }
  }
  touchActivity(state, intent.timestamp);
  await ensureNote(run, await milestoneNote(run, state, intent));
}

/** `last_activity_date` is the day of the latest activity (it never moves back). */
export function touchActivity(state: PersonState, timestamp: string): void {
  const day = timestamp.slice(0, 10);
  if (state.facts.lastActivityDate === undefined || state.facts.lastActivityDate < day)
    state.facts.lastActivityDate = day;
}

export async function milestoneOptions(run: WorkflowRun): Promise<string[]> {
  const attributes = await run.ctx.schema.attributes('people');
  if (!attributes.has('milestones_completed')) return [];
  return run.ctx.schema.selectOptions('people', 'milestones_completed');
}

async function milestoneNote(run: WorkflowRun, state: PersonState, intent: MilestoneIntent): Promise<NoteSpec> {
  const signupDate = state.facts.signupDate;
  const days = signupDate
    ? Math.max(0, Math.floor((Date.parse(intent.timestamp) - Date.parse(signupDate)) / 86_400_000))
    : undefined;
  return {
    parentObject: 'people',
    parentRecordId: await personIdOf(run, state),
    title: MILESTONE_NOTE_TITLE,
    key: `milestone:${intent.milestone}`,
    content: [
      `Milestone: ${intent.milestone}`,
      `Timestamp: ${intent.timestamp}`,
      `Days since signup: ${days ?? 'unknown'}`,
    ].join('\n'),
    createdAt: intent.timestamp,
  };
}
