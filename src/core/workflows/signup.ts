/**
 * Signup (the seed recipe's five steps, in three writes): the company of the work email (not for free-mail addresses), the person
 * with their profile linked to it, and their entry in the trial list.
 */
import { InvalidEventError } from '../errors.js';
import type { SignupIntent } from '../intents.js';
import type { WorkflowRun } from './context.js';
import { applyProfile } from './identify.js';
import { ensureListEntry } from './lists.js';
import { personOf } from './people.js';

export async function runSignup(intent: SignupIntent, run: WorkflowRun): Promise<void> {
  if (intent.person.email === undefined)
    throw new InvalidEventError('traits.email', 'a signup needs the person’s email');
  const state = await personOf(run, intent.person, intent.timestamp);
  await applyProfile(run, state, intent.profile, intent.timestamp, true);
  await ensureListEntry(run, 'trialList', state, { trial_started_at: [intent.timestamp] });
}
