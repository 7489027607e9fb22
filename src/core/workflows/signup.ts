/**
 * Signup (seed steps 1-5 in three requests): assert the company by domain (not for free-mail addresses),
 * assert the person by email with the company reference, assert the trial list entry.
 */
import { personalName, recordIdOf } from '../attio/values.js';
import type { SignupIntent } from '../../mapping/intents.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { assertCompany, assertPersonByEmail, companyDomainForEmail, companyRef } from './people.js';
import { assertListEntry } from './lists.js';
import { InvalidEventError } from '../errors.js';

export async function runSignup(intent: SignupIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('signup', ctx);
  const { email } = intent.person;
  if (email === undefined) throw new InvalidEventError('traits.email', 'a signup needs the person’s email');
  const { profile } = intent;
  const domain = companyDomainForEmail(run, email);
  const company = domain === undefined ? undefined : await assertCompany(run, domain, { name: profile.companyName });
  if (domain === undefined) run.step('assertCompany', 'skipped', undefined, 'personal email domain');
  const person = await assertPersonByEmail(run, email, {
    name: profile.name ? personalName(profile.name) : undefined,
    job_title: profile.jobTitle,
    signup_date: profile.signupDate,
    signup_source: profile.signupSource,
    plan_type: profile.plan,
    company: company ? companyRef(recordIdOf(company)) : undefined,
  });
  await assertListEntry(run, 'trialList', recordIdOf(person));
  return run.outcome();
}
