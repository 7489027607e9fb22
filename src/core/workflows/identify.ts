/**
 * identifyUser (parity with Segment's Attio destination, plus the PLG profile): assert the company of the
 * person's work email, the person with their profile and company, and — when the workspace has the Users
 * object — the user record (user_id -> person), which lets later events find the person by userId alone.
 */
import { personalName, recordIdOf, values } from '../attio/values.js';
import type { IdentifyIntent } from '../../mapping/intents.js';
import { WorkflowRun, type WorkflowContext, type WorkflowOutcome } from './context.js';
import { assertCompany, companyDomainForEmail, companyRef, personRef, productObjectEnabled, resolvePerson } from './people.js';

export async function runIdentify(intent: IdentifyIntent, ctx: WorkflowContext): Promise<WorkflowOutcome> {
  const run = new WorkflowRun('identify', ctx);
  const { profile, person: key } = intent;
  const domain = companyDomainForEmail(run, key.email);
  const company = domain === undefined ? undefined : await assertCompany(run, domain, { name: profile.companyName });
  const person = await resolvePerson(run, key, intent.timestamp, {
    name: profile.name ? personalName(profile.name) : undefined,
    job_title: profile.jobTitle,
    plan_type: profile.plan,
    company: company ? companyRef(recordIdOf(company)) : undefined,
  });
  if (key.userId !== undefined && (await productObjectEnabled(run, 'users'))) {
    const prepared = await run.prepare(
      'users',
      values({ user_id: key.userId, primary_email_address: key.email, person: personRef(recordIdOf(person)) }),
    );
    const user = await ctx.client.assertRecord('users', 'user_id', prepared);
    run.step('assertUser', 'asserted', recordIdOf(user));
  }
  return run.outcome();
}
