/**
 * identifyUser (parity with Segment's Attio destination, plus the PLG profile): the company of the person's
 * work email, the person's profile and company link, and — when the workspace has the Users object — the
 * user record (user_id -> person), which lets later events find the person by userId alone.
 */
import { AttioError } from '../attio/errors.js';
import type { AttioRecord } from '../attio/schemas.js';
import { readRecordRef, readText, recordIdOf, values } from '../attio/values.js';
import type { IdentifyIntent, PersonProfile } from '../intents.js';
import type { WorkflowRun } from './context.js';
import {
  companyDomainForEmail,
  ensureCompany,
  personIdOf,
  personOf,
  personRef,
  productObjectEnabled,
} from './people.js';
import { changedValues } from './person-facts.js';
import type { PersonState } from './person-state.js';
import type { CachedUser } from './record-caches.js';

export async function runIdentify(intent: IdentifyIntent, run: WorkflowRun): Promise<void> {
  const state = await personOf(run, intent.person, intent.timestamp);
  await applyProfile(run, state, intent.profile, intent.timestamp, false);
  if (intent.person.userId !== undefined && (await productObjectEnabled(run, 'users'))) {
    await ensureUser(run, intent.person.userId, state.email, await personIdOf(run, state));
  }
}

/**
 * A profile from an identify or a signup into the person's facts, and the company of their work email
 * (asserted, and linked to the person). `signup` adds what only a signup writes: its date and source. The
 * person's values are checked against the workspace before the company is written, so a configuration
 * problem (strict mode, an unknown option) leaves nothing half-written.
 */
export async function applyProfile(
  run: WorkflowRun,
  state: PersonState,
  profile: PersonProfile,
  timestamp: string,
  signup: boolean,
): Promise<void> {
  state.set('name', profile.name, timestamp);
  state.set('jobTitle', profile.jobTitle, timestamp);
  state.set('plan', profile.plan, timestamp);
  if (signup) {
    state.set('signupDate', profile.signupDate, timestamp);
    state.set('signupSource', profile.signupSource, timestamp);
  }
  await run.prepare('people', changedValues(state.stored, state.facts));
  const domain = companyDomainForEmail(run, state.email);
  if (domain === undefined) run.step('assertCompany', 'skipped', undefined, 'personal email domain');
  else state.set('companyId', await ensureCompany(run, domain, { name: profile.companyName }, timestamp), timestamp);
}

/**
 * The user record (user_id -> person), read first (once, then remembered) and asserted only when it does
 * not hold this person and email. Attio keeps `primary_email_address` unique across users, so when another
 * user id already holds this email (a re-created account), the record is written without it rather than
 * rejecting the identify: the person link is what later events need.
 */
export async function ensureUser(
  run: WorkflowRun,
  userId: string,
  email: string | undefined,
  personId: string,
): Promise<void> {
  const { client, records } = run.ctx;
  let known = records.users.get(userId);
  if (known === undefined) {
    const [record] = await client.queryRecords('users', { filter: { user_id: userId }, limit: 1 });
    if (record) records.users.set(userId, (known = userFacts(record)));
  }
  if (
    known?.personId === personId &&
    (email === undefined ||
      known.email === email ||
      (known.email === undefined && (await emailHeldByAnother(run, userId, email))))
  ) {
    run.step('assertUser', 'unchanged', known.id);
    return;
  }
  const write = async (withEmail: boolean) => {
    const prepared = await run.prepare(
      'users',
      values({ user_id: userId, primary_email_address: withEmail ? email : undefined, person: personRef(personId) }),
    );
    return client.assertRecord('users', 'user_id', prepared);
  };
  let user: AttioRecord;
  try {
    user = await write(true);
  } catch (error) {
    if (!(error instanceof AttioError && error.code === 'uniqueness_conflict' && email !== undefined)) throw error;
    run.warn(
      'another Attio user already has this email as primary_email_address; the user record was written without it',
    );
    user = await write(false);
  }
  records.users.set(userId, userFacts(user));
  run.step('assertUser', 'asserted', recordIdOf(user));
}

/** Another user record holds `email` as its primary email address (so this one cannot). */
async function emailHeldByAnother(run: WorkflowRun, userId: string, email: string): Promise<boolean> {
  const [holder] = await run.ctx.client.queryRecords('users', { filter: { primary_email_address: email }, limit: 1 });
  return holder !== undefined && readText(holder, 'user_id') !== userId;
}

function userFacts(user: AttioRecord): CachedUser {
  const email = user.values.primary_email_address?.[0]?.email_address;
  const personId = readRecordRef(user, 'person');
  return { id: recordIdOf(user), ...(personId ? { personId } : {}), ...(typeof email === 'string' ? { email } : {}) };
}
