/**
 * identifyUser (parity with Segment's Attio destination, plus the PLG profile): assert the company of the
 * person's work email, the person with their profile and company, and — when the workspace has the Users
 * object — the user record (user_id -> person), which lets later events find the person by userId alone.
 */
import { AttioError } from '../attio/errors.js';
import { personalName, recordIdOf, values } from '../attio/values.js';
import type { IdentifyIntent } from '../intents.js';
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
    await assertUser(run, key.userId, key.email, recordIdOf(person));
  }
  return run.outcome();
}

/**
 * The user record (user_id -> person). Attio keeps `primary_email_address` unique across users, so when
 * another user id already holds this email (a re-created account), the record is written without it
 * rather than rejecting the identify: the person link is what later events need.
 */
export async function assertUser(run: WorkflowRun, userId: string, email: string | undefined, personId: string): Promise<void> {
  const write = async (withEmail: boolean) => {
    const prepared = await run.prepare(
      'users',
      values({ user_id: userId, primary_email_address: withEmail ? email : undefined, person: personRef(personId) }),
    );
    return run.ctx.client.assertRecord('users', 'user_id', prepared);
  };
  let user;
  try {
    user = await write(true);
  } catch (error) {
    if (!(error instanceof AttioError && error.code === 'uniqueness_conflict' && email !== undefined)) throw error;
    run.warn('another Attio user already has this email as primary_email_address; the user record was written without it');
    user = await write(false);
  }
  run.step('assertUser', 'asserted', recordIdOf(user));
}
