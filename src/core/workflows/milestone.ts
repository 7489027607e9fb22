/**
 * Activation milestone: the person's `milestones_completed` gains the milestone and `activation_score`
 * becomes completed/configured; one `Activation Milestone` note per (person, milestone).
 *
 * Attributes are written before the note, so a milestone already in `milestones_completed` means the note
 * was at least attempted: only then is the note looked up (a redelivery, or a crash between the two).
 * A new milestone costs three requests, a repeated one two.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { dateOf, readDate, readSelectTitles, recordIdOf } from '../attio/values.js';
import type { MilestoneIntent } from '../intents.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { createNote, ensureNote, type NoteSpec } from './notes-and-tasks.js';
import { nameAttribute, resolvePerson } from './people.js';

export const MILESTONE_NOTE_TITLE = 'Activation Milestone';

/** The milestone keys the configuration knows: the denominator of `activation_score`. */
export function configuredMilestones(ctx: WorkflowContext): Set<string> {
  return new Set(Object.values(ctx.config.milestoneEvents));
}

export function activationScore(completed: Iterable<string>, configured: Set<string>): number {
  if (configured.size === 0) return 0;
  const done = [...new Set(completed)].filter((m) => configured.has(m)).length;
  return Math.round((done / configured.size) * 100) / 100;
}

export async function runMilestone(intent: MilestoneIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('milestone', ctx);
  const person = await resolvePerson(run, intent.person, intent.timestamp, nameAttribute(intent.name));
  const personId = recordIdOf(person);
  const note = milestoneNote(intent, person);
  const completed = readSelectTitles(person, 'milestones_completed');

  if (completed.includes(intent.milestone)) {
    await ensureNote(run, note);
    return run.outcome();
  }

  const options = await milestoneOptions(run);
  if (!options.includes(intent.milestone)) {
    run.warn(`milestone "${intent.milestone}" is not an option of people.milestones_completed; only its note was written`);
    await ensureNote(run, note);
    return run.outcome();
  }
  const score = activationScore([...completed, intent.milestone], configuredMilestones(ctx));
  const values = await run.prepare('people', {
    milestones_completed: [intent.milestone],
    activation_score: [score],
    last_activity_date: [dateOf(intent.timestamp)],
  });
  await ctx.client.updateRecord('people', personId, values);
  run.step('updateActivation', 'updated', personId, `${intent.milestone}, activation ${score}`);
  await createNote(run, note);
  return run.outcome();
}

export async function milestoneOptions(run: WorkflowRun): Promise<string[]> {
  const attributes = await run.ctx.schema.attributes('people');
  if (!attributes.has('milestones_completed')) return [];
  return run.ctx.schema.selectOptions('people', 'milestones_completed');
}

export function milestoneNote(intent: MilestoneIntent, person: AttioRecord): NoteSpec {
  const signupDate = readDate(person, 'signup_date');
  const days = signupDate ? Math.max(0, Math.floor((Date.parse(intent.timestamp) - Date.parse(signupDate)) / 86_400_000)) : undefined;
  const keyLine = `Milestone: ${intent.milestone}`;
  return {
    parentObject: 'people',
    parentRecordId: recordIdOf(person),
    title: MILESTONE_NOTE_TITLE,
    keyLine,
    content: [keyLine, `Timestamp: ${intent.timestamp}`, `Days since signup: ${days ?? 'unknown'}`].join('\n'),
    createdAt: intent.timestamp,
  };
}
