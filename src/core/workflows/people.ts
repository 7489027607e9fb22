/**
 * Finding and upserting the people and companies an event is about. People are asserted by email; without
 * an email, a person is found through the `users` object (user_id -> person). Companies are asserted by
 * domain, never for free-mail domains unless configured.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { personalName, readDomains, readEmails, readFullName, recordIdOf, recordRef, readRecordRef, values, type RecordRef } from '../attio/values.js';
import { emailDomain, isPersonalDomain } from '../domains/index.js';
import { PersonNotResolvedError } from '../errors.js';
import type { PersonKey, PersonName, PersonProfile } from '../intents.js';
import type { WorkflowRun } from './context.js';

/** An event whose person is unknown may be waiting for its identify: retry for this long. */
export const UNKNOWN_USER_RETRY_WINDOW_MS = 60 * 60 * 1000;

/** The company domain for a person's email: its domain, unless it is a free-mail one (SPEC §4). */
export function companyDomainForEmail(run: WorkflowRun, email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const domain = emailDomain(email);
  if (domain === undefined) return undefined;
  const { personalDomains, extraPersonalDomains } = run.ctx.config;
  if (personalDomains === 'skip-company' && isPersonalDomain(domain, extraPersonalDomains)) return undefined;
  return domain;
}

export async function assertCompany(run: WorkflowRun, domain: string, attributes: Record<string, unknown> = {}): Promise<AttioRecord> {
  const prepared = await run.prepare('companies', values({ domains: domain, ...attributes }));
  const company = await run.ctx.client.assertRecord('companies', 'domains', prepared);
  run.step('assertCompany', 'asserted', recordIdOf(company), domain);
  return company;
}

export async function assertPersonByEmail(run: WorkflowRun, email: string, attributes: Record<string, unknown> = {}): Promise<AttioRecord> {
  const prepared = await run.prepare('people', values({ email_addresses: email, ...attributes }));
  const person = await run.ctx.client.assertRecord('people', 'email_addresses', prepared);
  run.step('assertPerson', 'asserted', recordIdOf(person));
  return person;
}

/**
 * The person record an event refers to, with `attributes` written to it. By email: one assert. By userId:
 * the `users` object's person reference, then an update (or a read when there is nothing to write).
 */
export async function resolvePerson(
  run: WorkflowRun,
  person: PersonKey,
  timestamp: string,
  attributes: Record<string, unknown> = {},
): Promise<AttioRecord> {
  if (person.email !== undefined) return assertPersonByEmail(run, person.email, attributes);
  const personId = await findPersonIdByUserId(run, person.userId ?? '', timestamp);
  const prepared = await run.prepare('people', values(attributes));
  const record =
    Object.keys(prepared).length > 0
      ? await run.ctx.client.updateRecord('people', personId, prepared)
      : await run.ctx.client.getRecord('people', personId);
  run.step('findPersonByUserId', 'found', personId);
  return record;
}

async function findPersonIdByUserId(run: WorkflowRun, userId: string, timestamp: string): Promise<string> {
  const { ctx } = run;
  if (userId === '') throw new PersonNotResolvedError('traits.email', 'the event names no person: send an email or a userId', false);
  if (!(await usersObjectEnabled(run))) {
    throw new PersonNotResolvedError('traits.email', 'no email on the event, and the Attio Users object is not enabled to find the person by userId', false);
  }
  const [user] = await ctx.client.queryRecords('users', { filter: { user_id: userId }, limit: 1 });
  const personId = user ? readRecordRef(user, 'person') : undefined;
  if (personId !== undefined) return personId;
  const age = ctx.now() - Date.parse(timestamp);
  const retryable = age < UNKNOWN_USER_RETRY_WINDOW_MS;
  throw new PersonNotResolvedError(
    'userId',
    retryable
      ? 'no Attio user with this userId yet (its identify may still be on the way); retry later'
      : 'no Attio user with this userId: send traits.email, or identify the user first with the Users object enabled',
    retryable,
  );
}

/** Whether to also assert the product objects (`users`, `workspaces`): on, off, or when the workspace has them. */
export async function productObjectEnabled(run: WorkflowRun, object: 'users' | 'workspaces'): Promise<boolean> {
  const mode = run.ctx.config.productObjects;
  if (mode === 'off') return false;
  if (mode === 'on') return true;
  return (await run.ctx.schema.objects()).has(object);
}

async function usersObjectEnabled(run: WorkflowRun): Promise<boolean> {
  return run.ctx.config.productObjects !== 'off' && (await run.ctx.schema.objects()).has('users');
}

/** The `name` attribute when an event carries the person's name, else nothing (never clears a stored name). */
export function nameAttribute(name: PersonName | undefined): Record<string, unknown> {
  return name ? { name: personalName(name) } : {};
}

export const companyRef = (companyId: string): RecordRef => recordRef('companies', companyId);
export const personRef = (personId: string): RecordRef => recordRef('people', personId);

/**
 * The person's company: their `company` reference, or — when an event for them arrived before their signup
 * or identify linked one — the company of their work email, asserted and linked now, so that a deal is
 * always opened for the account rather than for a lone person.
 */
export async function companyOfPerson(run: WorkflowRun, person: AttioRecord): Promise<string | undefined> {
  const linked = readRecordRef(person, 'company');
  if (linked !== undefined) return linked;
  const domain = companyDomainForEmail(run, readEmails(person)[0]);
  if (domain === undefined) return undefined;
  const company = await assertCompany(run, domain);
  const companyId = recordIdOf(company);
  await run.ctx.client.updateRecord('people', recordIdOf(person), { company: [companyRef(companyId)] });
  run.step('linkPersonToCompany', 'updated', recordIdOf(person));
  return companyId;
}

/**
 * The person of a signup (or a merged signup/identify): the company of their work email, then the person
 * with their profile and the company reference. Both records' values are checked against the schema before
 * the first write, so a configuration problem (strict mode, an unknown option) leaves nothing half-written.
 */
export async function assertPersonWithCompany(run: WorkflowRun, email: string, profile: PersonProfile): Promise<AttioRecord> {
  const { client } = run.ctx;
  const domain = companyDomainForEmail(run, email);
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
    companyId = recordIdOf(await client.assertRecord('companies', 'domains', companyValues));
    run.step('assertCompany', 'asserted', companyId, domain);
  } else {
    run.step('assertCompany', 'skipped', undefined, 'personal email domain');
  }
  const person = await client.assertRecord('people', 'email_addresses', { ...personValues, ...(companyId ? { company: [companyRef(companyId)] } : {}) });
  run.step('assertPerson', 'asserted', recordIdOf(person));
  return person;
}

/** The account a deal is opened for: the person's company, or the person alone with a free-mail address. */
export interface Account {
  personId: string;
  personName: string;
  companyId?: string;
  /** The company's name, or the person's when there is no company. */
  name: string;
  /** What the rep is chosen by: the company's domain, or the person's email. */
  key: string;
}

export async function accountOf(run: WorkflowRun, person: AttioRecord): Promise<Account> {
  const personId = recordIdOf(person);
  const personName = readFullName(person) ?? readEmails(person)[0] ?? 'Unknown person';
  const companyId = await companyOfPerson(run, person);
  if (companyId === undefined) return { personId, personName, name: personName, key: readEmails(person)[0] ?? personId };
  const company = await run.ctx.client.getRecord('companies', companyId);
  const domain = readDomains(company)[0];
  return { personId, personName, companyId, name: readFullName(company) ?? domain ?? 'Unknown company', key: domain ?? companyId };
}
