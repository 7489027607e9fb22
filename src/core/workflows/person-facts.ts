/**
 * What the connector knows and writes of a person record, as typed facts: read from the record Attio
 * returns, changed by the workflows in memory, and compared at the end so that only what differs is written
 * (Attio allows 25 writes a second per workspace; a value it already holds costs a write for nothing).
 */
import type { AttioRecord } from '../attio/schemas.js';
import {
  personalName,
  readDate,
  readNumber,
  readRecordRef,
  readSelectTitles,
  readText,
  recordRef,
} from '../attio/values.js';
import type { PersonName } from '../intents.js';

export interface PersonFacts {
  name?: PersonName;
  jobTitle?: string;
  /** `plan_type` option title. */
  plan?: string;
  /** YYYY-MM-DD */
  signupDate?: string;
  signupSource?: string;
  companyId?: string;
  /** `milestones_completed` option titles; only ever added to. */
  milestones: string[];
  activationScore?: number;
  pqlScore?: number;
  pqlTier?: string;
  pqlExplanation?: string;
  /** ISO timestamp of the event whose score is stored. */
  pqlScoredAt?: string;
  /** The signals of that event as JSON, so an account's roll-up can read them (docs/scoring.md). */
  pqlSignals?: string;
  /** ISO timestamp of the first qualification: the completion marker of the PQL workflow. */
  pqlQualifiedAt?: string;
  /** YYYY-MM-DD */
  lastActivityDate?: string;
  /**
   * ISO timestamp of the newest event that changed a profile fact: an older event's traits (a late or
   * redelivered event) never override a newer one's, in this batch or a later one.
   */
  profileUpdatedAt?: string;
}

/** The facts an event's traits set, guarded by `profileUpdatedAt`. */
export const PROFILE_FACTS: ReadonlySet<PersonFact> = new Set<PersonFact>([
  'name',
  'jobTitle',
  'plan',
  'signupDate',
  'signupSource',
  'companyId',
]);

/** The attribute each fact is stored in. */
export const PERSON_ATTRIBUTES = {
  name: 'name',
  jobTitle: 'job_title',
  plan: 'plan_type',
  signupDate: 'signup_date',
  signupSource: 'signup_source',
  companyId: 'company',
  milestones: 'milestones_completed',
  activationScore: 'activation_score',
  pqlScore: 'pql_score',
  pqlTier: 'pql_tier',
  pqlExplanation: 'pql_explanation',
  pqlScoredAt: 'pql_scored_at',
  pqlSignals: 'pql_signals',
  pqlQualifiedAt: 'pql_qualified_at',
  lastActivityDate: 'last_activity_date',
  profileUpdatedAt: 'profile_updated_at',
} as const satisfies Record<keyof PersonFacts, string>;

export type PersonFact = keyof PersonFacts;

function readName(record: AttioRecord): PersonName | undefined {
  const stored = (record.values.name ?? []).find((v) => v.active_until === undefined || v.active_until === null);
  if (stored === undefined) return undefined;
  const text = (key: string) =>
    typeof stored[key] === 'string' && stored[key] !== '' ? (stored[key] as string) : undefined;
  const fullName = text('full_name');
  if (fullName === undefined) return undefined;
  const firstName = text('first_name');
  const lastName = text('last_name');
  return {
    ...(firstName === undefined ? {} : { firstName }),
    ...(lastName === undefined ? {} : { lastName }),
    fullName,
  };
}

export function readPersonFacts(record: AttioRecord): PersonFacts {
  const facts: PersonFacts = { milestones: readSelectTitles(record, PERSON_ATTRIBUTES.milestones) };
  const set = <K extends PersonFact>(key: K, value: PersonFacts[K] | undefined) => {
    if (value !== undefined) facts[key] = value;
  };
  set('name', readName(record));
  set('jobTitle', readText(record, PERSON_ATTRIBUTES.jobTitle));
  set('plan', readSelectTitles(record, PERSON_ATTRIBUTES.plan)[0]);
  set('signupDate', readDate(record, PERSON_ATTRIBUTES.signupDate));
  set('signupSource', readText(record, PERSON_ATTRIBUTES.signupSource));
  set('companyId', readRecordRef(record, PERSON_ATTRIBUTES.companyId));
  set('activationScore', readNumber(record, PERSON_ATTRIBUTES.activationScore));
  set('pqlScore', readNumber(record, PERSON_ATTRIBUTES.pqlScore));
  set('pqlTier', readSelectTitles(record, PERSON_ATTRIBUTES.pqlTier)[0]);
  set('pqlExplanation', readText(record, PERSON_ATTRIBUTES.pqlExplanation));
  set('pqlScoredAt', readDate(record, PERSON_ATTRIBUTES.pqlScoredAt));
  set('pqlSignals', readText(record, PERSON_ATTRIBUTES.pqlSignals));
  set('pqlQualifiedAt', readDate(record, PERSON_ATTRIBUTES.pqlQualifiedAt));
  set('lastActivityDate', readDate(record, PERSON_ATTRIBUTES.lastActivityDate));
  set('profileUpdatedAt', readDate(record, PERSON_ATTRIBUTES.profileUpdatedAt));
  return facts;
}

export function emptyFacts(): PersonFacts {
  return { milestones: [] };
}

/** Whether two values of a fact are the same (names by their parts, instants as instants). */
export function sameFact<K extends Exclude<PersonFact, 'milestones'>>(
  fact: K,
  a: PersonFacts[K],
  b: PersonFacts[K],
): boolean {
  if (a === undefined || b === undefined) return a === b;
  const probe: PersonFacts = { milestones: [], [fact]: b };
  return holds(fact, { milestones: [], [fact]: a }, probe);
}

export function cloneFacts(facts: PersonFacts): PersonFacts {
  return { ...facts, milestones: [...facts.milestones], ...(facts.name ? { name: { ...facts.name } } : {}) };
}

const sameInstant = (a: string, b: string) => a === b || Date.parse(a) === Date.parse(b);

function sameName(a: PersonName, b: PersonName): boolean {
  return (
    a.fullName === b.fullName &&
    (a.firstName ?? '') === (b.firstName ?? '') &&
    (a.lastName ?? '') === (b.lastName ?? '')
  );
}

/** Whether `stored` already holds the desired value of `fact` (so writing it again changes nothing). */
function holds(fact: Exclude<PersonFact, 'milestones'>, stored: PersonFacts, desired: PersonFacts): boolean {
  const want = desired[fact];
  const have = stored[fact];
  if (want === undefined) return true;
  if (have === undefined) return false;
  if (fact === 'name') return sameName(have as PersonName, want as PersonName);
  if (fact === 'pqlScoredAt' || fact === 'pqlQualifiedAt' || fact === 'profileUpdatedAt')
    return sameInstant(have as string, want as string);
  return have === want;
}

/**
 * The values to write so that the record holds `desired`, given it holds `stored`: only facts that differ,
 * and of the milestones only those it lacks (a PATCH appends them). Empty when nothing changes.
 */
export function changedValues(stored: PersonFacts, desired: PersonFacts): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const fact of Object.keys(PERSON_ATTRIBUTES) as PersonFact[]) {
    if (fact === 'milestones') {
      const added = desired.milestones.filter((m) => !stored.milestones.includes(m));
      if (added.length > 0) out[PERSON_ATTRIBUTES.milestones] = added;
      continue;
    }
    if (holds(fact, stored, desired)) continue;
    out[PERSON_ATTRIBUTES[fact]] = [valueOf(fact, desired)];
  }
  return out;
}

/** Every fact as values, for a record that does not exist yet. */
export function allValues(desired: PersonFacts): Record<string, unknown[]> {
  return changedValues(emptyFacts(), desired);
}

function valueOf(fact: Exclude<PersonFact, 'milestones'>, facts: PersonFacts): unknown {
  if (fact === 'name') return personalName(facts.name as PersonName);
  if (fact === 'companyId') return recordRef('companies', facts.companyId as string);
  return facts[fact];
}
