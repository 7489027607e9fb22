/**
 * Signup (seed steps 1-5 in three requests): assert the company by domain (not for free-mail addresses),
 * assert the person by email with the company reference, assert the trial list entry.
 */
import { recordIdOf } from '../attio/values.js';
import type { SignupIntent } from '../intents.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { assertPersonWithCompany } from './people.js';
import { assertListEntry } from './lists.js';
import { InvalidEventError } from '../errors.js';

export async function runSignup(intent: SignupIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('signup', ctx);
  const { email } = intent.person;
  if (email === undefined) throw new InvalidEventError('traits.email', 'a signup needs the person’s email');
  const person = await assertPersonWithCompany(run, email, intent.profile);
  await assertListEntry(run, 'trialList', recordIdOf(person));
  return run.outcome();
}
