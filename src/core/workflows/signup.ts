/**
 * Signup (seed steps 1-5 in three requests): assert the company by domain (not for free-mail addresses),
 * assert the person by email with the company reference, assert the trial list entry.
 */
import { personalName, recordIdOf, values } from '../attio/values.js';
import type { SignupIntent } from '../../mapping/intents.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { companyDomainForEmail, companyRef } from './people.js';
import { assertListEntry } from './lists.js';
import { InvalidEventError } from '../errors.js';

export async function runSignup(intent: SignupIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('signup', ctx);
  const { email } = intent.person;
  if (email === undefined) throw new InvalidEventError('traits.email', 'a signup needs the person’s email');
  const { profile } = intent;
  const domain = companyDomainForEmail(run, email);
  // Both records' values are checked against the schema before the first write, so a configuration
  // problem (strict mode, an unknown option) leaves nothing half-written.
  const personValues = await run.prepare(
    'people',
    values({
      email_addresses: email,
      name: profile.name ? personalName(profile.name) : undefined,
      job_title: profile.jobTitle,
      signup_date: profile.signupDate,
      signup_source: profile.signupSource,
      plan_type: profile.plan,
    }),
  );
  const companyValues = domain === undefined ? undefined : await run.prepare('companies', values({ domains: domain, name: profile.companyName }));
  let companyId: string | undefined;
  if (companyValues) {
    const company = await ctx.client.assertRecord('companies', 'domains', companyValues);
    companyId = recordIdOf(company);
    run.step('assertCompany', 'asserted', companyId, domain);
  } else {
    run.step('assertCompany', 'skipped', undefined, 'personal email domain');
  }
  const person = await ctx.client.assertRecord('people', 'email_addresses', {
    ...personValues,
    ...(companyId ? { company: [companyRef(companyId)] } : {}),
  });
  run.step('assertPerson', 'asserted', recordIdOf(person));
  await assertListEntry(run, 'trialList', recordIdOf(person));
  return run.outcome();
}
