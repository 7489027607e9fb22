/**
 * Finding the people and companies an event is about. A person is read by email (or, without one, found
 * through the `users` object: user_id -> person) once per lane, and created only when a step needs their
 * record id; companies are asserted by domain, never for free-mail domains unless configured, and only when
 * something of theirs changes.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { readNumber, readRecordRef, readText, recordIdOf, recordRef, values, type RecordRef } from '../attio/values.js';
import { emailDomain, isPersonalDomain } from '../domains/index.js';
import { PersonNotResolvedError } from '../errors.js';
import type { PersonKey } from '../intents.js';
import type { EmployeeRange, SignalReport } from '../scoring/index.js';
import type { WorkflowRun } from './context.js';
import { ACCOUNT_ATTRIBUTES, readStoredAccount, reportText } from './account-facts.js';
import { heldByReps } from './ownership.js';
import { allValues, PERSON_ATTRIBUTES } from './person-facts.js';
import { PersonState } from './person-state.js';
import type { CachedCompany } from './record-caches.js';

/** An event whose person is unknown may be waiting for its identify: retry for this long. */
export const UNKNOWN_USER_RETRY_WINDOW_MS = 60 * 60 * 1000;

export const companyRef = (companyId: string): RecordRef => recordRef('companies', companyId);
export const personRef = (personId: string): RecordRef => recordRef('people', personId);

/** The company domain for a person's email: its domain, unless it is a free-mail one (`personalDomains`). */
export function companyDomainForEmail(run: WorkflowRun, email: string | undefined): string | undefined {
  if (email === undefined) return undefined;
  const domain = emailDomain(email);
  if (domain === undefined) return undefined;
  const { personalDomains, extraPersonalDomains } = run.ctx.config;
  if (personalDomains === 'skip-company' && isPersonalDomain(domain, extraPersonalDomains)) return undefined;
  return domain;
}

export interface CompanyValues {
  name?: string;
  plan?: string;
  pqlScore?: number;
  /** What a group call says of the account, when accounts are scored: its fit facts and its own signals. */
  industry?: string;
  employeeRange?: EmployeeRange;
  country?: string;
  report?: SignalReport;
}

/**
 * The company of `domain`, asserted with whatever of `wanted` it does not hold yet — read first (once, then
 * remembered) so that an unchanged company costs no write. Values from an event older than the company's
 * `account_updated_at` (a late or redelivered event) only fill what the company has no value for, as a
 * person's older traits do.
 * Returns the company's record id.
 */
export async function ensureCompany(
  run: WorkflowRun,
  domain: string,
  wanted: CompanyValues,
  timestamp: string,
): Promise<string> {
  // One account's people run in parallel lanes: one of them reads and asserts, the others then find it known.
  return run.ctx.locks.run(`company:${domain}`, () => assertCompanyOnce(run, domain, wanted, timestamp));
}

async function assertCompanyOnce(
  run: WorkflowRun,
  domain: string,
  wanted: CompanyValues,
  timestamp: string,
): Promise<string> {
  const { client, records } = run.ctx;
  let known = records.companies.get(domain);
  if (known === undefined) {
    const [record] = await client.queryRecords('companies', { filter: { domains: domain }, limit: 1 });
    if (record) records.companies.set(domain, (known = companyFacts(run, record)));
  }
  const stale = known?.updatedAt !== undefined && Date.parse(timestamp) < Date.parse(known.updatedAt);
  const changes = changedCompanyValues(known, wanted, stale);
  if (known && Object.keys(changes).length === 0) {
    run.step('assertCompany', 'unchanged', known.id, domain);
    return known.id;
  }
  const prepared = await run.prepare(
    'companies',
    values({
      domains: domain,
      name: changes.name,
      plan_type: changes.plan,
      pql_score: changes.pqlScore,
      [COMPANY_ATTRIBUTES.industry]: changes.industry,
      [COMPANY_ATTRIBUTES.employeeRange]: changes.employeeRange,
      [COMPANY_ATTRIBUTES.country]: changes.country,
      [COMPANY_ATTRIBUTES.report]: changes.report && reportText(changes.report),
      // The guard only moves forward: a late event that fills a missing value leaves it where it was.
      account_updated_at: Object.keys(changes).length > 0 && !stale ? timestamp : undefined,
    }),
  );
  const company = await client.assertRecord('companies', 'domains', prepared);
  records.companies.set(domain, companyFacts(run, company));
  run.step('assertCompany', 'asserted', recordIdOf(company), domain);
  return recordIdOf(company);
}

const COMPANY_ATTRIBUTES = {
  name: 'name',
  plan: 'plan_type',
  pqlScore: 'pql_score',
  industry: ACCOUNT_ATTRIBUTES.industry,
  employeeRange: ACCOUNT_ATTRIBUTES.employeeRange,
  country: ACCOUNT_ATTRIBUTES.country,
  report: ACCOUNT_ATTRIBUTES.signals,
} as const;

/**
 * What of `wanted` the company lacks; from a stale event, only what it has no value for at all; never what a
 * rep holds (./ownership.ts). A group's signals carry their own time: a newer report replaces an older one.
 */
function changedCompanyValues(known: CachedCompany | undefined, wanted: CompanyValues, stale: boolean): CompanyValues {
  const out: CompanyValues = {};
  const held = (key: keyof CompanyValues) => known?.heldByReps?.includes(COMPANY_ATTRIBUTES[key]) === true;
  for (const key of ['name', 'plan', 'pqlScore', 'industry', 'employeeRange', 'country'] as const) {
    const value = wanted[key];
    const have = known?.[key];
    if (value === undefined || value === have || (stale && have !== undefined) || held(key)) continue;
    Object.assign(out, { [key]: value });
  }
  const report = wanted.report;
  const stored = known?.report;
  if (
    report !== undefined &&
    !held('report') &&
    (stored === undefined ||
      (Date.parse(report.at) >= Date.parse(stored.at) && reportText(report) !== reportText(stored)))
  )
    out.report = report;
  return out;
}

function companyFacts(run: WorkflowRun, company: AttioRecord): CachedCompany {
  const held = [...heldByReps(run.ctx.config, 'companies', company)].filter((a) =>
    (Object.values(COMPANY_ATTRIBUTES) as string[]).includes(a),
  );
  const name = readText(company, 'name');
  const pqlScore = readNumber(company, 'pql_score');
  const { facts, report, updatedAt } = readStoredAccount(company);
  return {
    id: recordIdOf(company),
    ...(name === undefined ? {} : { name }),
    ...facts,
    ...(pqlScore === undefined ? {} : { pqlScore }),
    ...(report === undefined ? {} : { report }),
    ...(updatedAt === undefined ? {} : { updatedAt }),
    ...(held.length === 0 ? {} : { heldByReps: held }),
  };
}

/**
 * The person `key` names, as this lane knows them: read from Attio the first time (by email; by userId
 * through the `users` object), then kept in the lane. A person found by neither does not exist yet.
 */
export async function personOf(run: WorkflowRun, key: PersonKey, timestamp: string): Promise<PersonState> {
  const { lane } = run;
  const known = lane.known(key);
  if (known) return known;
  if (key.email !== undefined) {
    const [record] = await run.ctx.client.queryRecords('people', { filter: { email_addresses: key.email }, limit: 1 });
    run.step(
      'findPerson',
      record ? 'found' : 'skipped',
      record ? recordIdOf(record) : undefined,
      record ? undefined : 'new person',
    );
    return lane.remember(key, new PersonState(record, key.email, record && personHeld(run, record)));
  }
  const personId = await findPersonIdByUserId(run, key.userId ?? '', timestamp);
  const record = await run.ctx.client.getRecord('people', personId);
  run.step('findPersonByUserId', 'found', personId);
  return lane.remember(key, new PersonState(record, undefined, personHeld(run, record)));
}

const personHeld = (run: WorkflowRun, record: AttioRecord) => heldByReps(run.ctx.config, 'people', record);

/**
 * The person's record id, creating the record when it does not exist yet (with what the lane knows so far;
 * milestones are left to the final write, which appends them). Asserted by email, so that a person another
 * process created in the meantime is updated rather than duplicated.
 */
export async function personIdOf(run: WorkflowRun, state: PersonState): Promise<string> {
  if (state.id !== undefined) return state.id;
  if (state.email === undefined)
    throw new PersonNotResolvedError('traits.email', 'the event names no person: send an email or a userId', false);
  const { [PERSON_ATTRIBUTES.milestones]: _milestones, ...facts } = allValues(state.facts);
  const prepared = await run.prepare('people', { email_addresses: [state.email], ...facts });
  const record = await run.ctx.client.assertRecord('people', 'email_addresses', prepared);
  state.created(record);
  run.step('assertPerson', 'asserted', recordIdOf(record));
  return recordIdOf(record);
}

async function findPersonIdByUserId(run: WorkflowRun, userId: string, timestamp: string): Promise<string> {
  const { ctx } = run;
  if (userId === '')
    throw new PersonNotResolvedError('traits.email', 'the event names no person: send an email or a userId', false);
  if (!(await usersObjectEnabled(run))) {
    throw new PersonNotResolvedError(
      'traits.email',
      'no email on the event, and the Attio Users object is not enabled to find the person by userId',
      false,
    );
  }
  const cached = ctx.records.users.get(userId);
  if (cached?.personId !== undefined) return cached.personId;
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

/**
 * The person's account: their company, or — when an event for them arrived before their signup or identify
 * linked one — the company of their work email, asserted and linked now, so that a deal is always opened for
 * the account rather than for a lone person.
 */
export async function accountOf(run: WorkflowRun, state: PersonState, timestamp: string): Promise<Account> {
  const personId = await personIdOf(run, state);
  const personName = state.facts.name?.fullName ?? state.email ?? 'Unknown person';
  let companyId = state.facts.companyId;
  const domain = companyDomainForEmail(run, state.email);
  if (companyId === undefined && domain !== undefined) {
    companyId = await ensureCompany(run, domain, {}, timestamp);
    state.set('companyId', companyId, timestamp);
  }
  if (companyId === undefined) return { personId, personName, name: personName, key: state.email ?? personId };
  const cachedDomain =
    domain !== undefined && run.ctx.records.companies.get(domain)?.id === companyId ? domain : undefined;
  const company = cachedDomain === undefined ? await run.ctx.client.getRecord('companies', companyId) : undefined;
  const companyDomain = cachedDomain ?? (company ? firstDomain(company) : undefined);
  const companyName =
    (cachedDomain !== undefined
      ? run.ctx.records.companies.get(cachedDomain)?.name
      : company
        ? readText(company, 'name')
        : undefined) ??
    companyDomain ??
    'Unknown company';
  return { personId, personName, companyId, name: companyName, key: companyDomain ?? companyId };
}

function firstDomain(company: AttioRecord): string | undefined {
  const value = (company.values.domains ?? [])[0];
  return typeof value?.domain === 'string' ? value.domain : undefined;
}
