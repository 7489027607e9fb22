/**
 * Every attribute the workflows write, in one place: the custom ones `attio-plg setup` creates (slug, title,
 * type, single or multi, unique) and Attio's own ones it only checks. The slugs are the ones the workflows
 * in ../workflows write; the emulator's `plg-demo` seed models a workspace that already has them.
 */
import type { Tier } from '../scoring/index.js';
import { DEAL_KEY_ATTRIBUTE } from '../workflows/deals.js';
import { ACCOUNT_ATTRIBUTES as ACCOUNT_SLUGS } from '../workflows/account-facts.js';
import { PERSON_ATTRIBUTES as PERSON_SLUGS } from '../workflows/person-facts.js';

/** Attribute types the workflows read or write (Attio's `type` names). */
export type AttributeType =
  | 'text'
  | 'number'
  | 'date'
  | 'timestamp'
  | 'select'
  | 'status'
  | 'currency'
  | 'email-address'
  | 'domain'
  | 'personal-name'
  | 'record-reference'
  | 'actor-reference';

export interface AttributeDefinition {
  slug: string;
  title: string;
  type: AttributeType;
  multi: boolean;
  unique: boolean;
  /** What writes it and why; sent as the attribute's description when setup creates it. */
  description: string;
}

/** Options a select attribute needs: `every` title (the workflows write them) or a `starter` set. */
export interface OptionSet {
  titles: readonly string[];
  /**
   * `every`: each title must be an option; setup adds the missing ones. `starter`: a set to begin with, added
   * only while the attribute has no options at all, since a product's plan names are its own.
   */
  need: 'every' | 'starter';
  /** The setting the titles come from, when a setting decides them. */
  setting?: string;
}

export const PQL_TIERS = ['cold', 'warm', 'hot'] as const satisfies readonly Tier[];
/** Plan names of the default tracking plan (the sample stream uses them); a product's own plans replace them. */
export const STARTER_PLAN_TYPES = ['free', 'trial', 'starter', 'pro', 'enterprise'] as const;

/** The unique deal attribute setup creates and deals are asserted on by default (docs/guarantees.md). */
export const DEFAULT_DEAL_KEY = DEAL_KEY_ATTRIBUTE;

const custom = (
  slug: string,
  title: string,
  type: AttributeType,
  description: string,
  shape: { multi?: boolean; unique?: boolean } = {},
): AttributeDefinition => ({
  slug,
  title,
  type,
  multi: shape.multi ?? false,
  unique: shape.unique ?? false,
  description,
});

/** Custom person attributes, by the workflow that writes them. */
export const PERSON_ATTRIBUTES = {
  signupDate: custom(PERSON_SLUGS.signupDate, 'Signup date', 'date', 'attio-plg signup: the day the person signed up'),
  signupSource: custom(
    PERSON_SLUGS.signupSource,
    'Signup source',
    'text',
    'attio-plg signup: where the signup came from',
  ),
  planType: custom(PERSON_SLUGS.plan, 'Plan type', 'select', 'attio-plg signup and identify: the product plan'),
  pqlScore: custom(PERSON_SLUGS.pqlScore, 'PQL score', 'number', 'attio-plg PQL scoring: the latest score, 0 to 100'),
  pqlTier: custom(PERSON_SLUGS.pqlTier, 'PQL tier', 'select', 'attio-plg PQL scoring: cold, warm or hot'),
  pqlExplanation: custom(
    PERSON_SLUGS.pqlExplanation,
    'PQL explanation',
    'text',
    'attio-plg PQL scoring: which signals made the score',
  ),
  pqlScoredAt: custom(
    PERSON_SLUGS.pqlScoredAt,
    'PQL scored at',
    'timestamp',
    'attio-plg PQL scoring: when the latest score was computed',
  ),
  pqlQualifiedAt: custom(
    PERSON_SLUGS.pqlQualifiedAt,
    'PQL qualified at',
    'timestamp',
    'attio-plg PQL scoring: when the person first qualified',
  ),
  lastActivityDate: custom(
    PERSON_SLUGS.lastActivityDate,
    'Last activity date',
    'date',
    'attio-plg: the day of the latest product activity',
  ),
  activationScore: custom(
    PERSON_SLUGS.activationScore,
    'Activation score',
    'number',
    'attio-plg milestones: completed share of the configured milestones, 0 to 1',
  ),
  milestonesCompleted: custom(
    PERSON_SLUGS.milestones,
    'Milestones completed',
    'select',
    'attio-plg milestones: the activation milestones reached',
    { multi: true },
  ),
  pqlSignals: custom(
    PERSON_SLUGS.pqlSignals,
    'PQL signals',
    'text',
    'attio-plg PQL scoring: the signals of the latest score (JSON), read by the account score',
  ),
  profileUpdatedAt: custom(
    PERSON_SLUGS.profileUpdatedAt,
    'Profile updated at',
    'timestamp',
    'attio-plg: when an event last changed the profile; older events never override it',
  ),
} as const;

/** Custom company attributes (the group workflow: account score and plan). */
export const COMPANY_ATTRIBUTES = {
  pqlScore: custom('pql_score', 'PQL score', 'number', 'attio-plg group: the account score, 0 to 100'),
  planType: custom('plan_type', 'Plan type', 'select', 'attio-plg group: the account’s product plan'),
  accountUpdatedAt: custom(
    'account_updated_at',
    'Account updated at',
    'timestamp',
    'attio-plg group: when an event last changed the account; older events never override it',
  ),
} as const;

/** Company attributes of the account score (PQA), needed when the workflows roll accounts up (docs/scoring.md). */
export const ACCOUNT_SCORE_ATTRIBUTES = {
  score: custom(ACCOUNT_SLUGS.score, 'Account score', 'number', 'attio-plg: the account score (PQA), 0 to 100'),
  tier: custom(ACCOUNT_SLUGS.tier, 'Account tier', 'select', 'attio-plg: the account score’s tier'),
  explanation: custom(
    ACCOUNT_SLUGS.explanation,
    'Account explanation',
    'text',
    'attio-plg: which users, signals and fit factors made the account score',
  ),
  scoredAt: custom(
    ACCOUNT_SLUGS.scoredAt,
    'Account scored at',
    'timestamp',
    'attio-plg: when the stored account score was computed',
  ),
  qualifiedAt: custom(
    ACCOUNT_SLUGS.qualifiedAt,
    'Account qualified at',
    'timestamp',
    'attio-plg: when the account first qualified',
  ),
  signals: custom(
    ACCOUNT_SLUGS.signals,
    'Account signals',
    'text',
    'attio-plg group: the group call’s own usage signals and their time (JSON)',
  ),
  industry: custom(ACCOUNT_SLUGS.industry, 'Industry', 'text', 'attio-plg group: the industry, for fit'),
  employeeRange: custom(
    ACCOUNT_SLUGS.employeeRange,
    'Employee range',
    'select',
    'attio-plg group: the head count’s band, for fit',
  ),
  country: custom(ACCOUNT_SLUGS.country, 'Country', 'text', 'attio-plg group: the country, for fit'),
} as const;

export function dealKeyAttribute(slug: string): AttributeDefinition {
  return custom(
    slug,
    slug === DEFAULT_DEAL_KEY ? 'PLG deal key' : titleOf(slug),
    'text',
    'attio-plg: one key per account and workflow, so deals are asserted, never duplicated',
    { unique: true },
  );
}

/** Entry attributes of the trial and PQL lists (as the plg-demo workspace has them). */
export const LIST_ENTRY_ATTRIBUTES = {
  trialList: [custom('trial_started_at', 'Trial started at', 'timestamp', 'attio-plg signup: when the trial started')],
  pqlList: [custom('pql_score', 'PQL score', 'number', 'attio-plg PQL scoring: the score the person qualified with')],
} as const;

const standard = (
  slug: string,
  type: AttributeType,
  shape: { multi?: boolean; unique?: boolean } = {},
): AttributeDefinition => ({
  slug,
  title: titleOf(slug),
  type,
  multi: shape.multi ?? false,
  unique: shape.unique ?? false,
  description: 'Attio’s own attribute',
});

/** Attio's own attributes the workflows write: setup checks them and never creates or changes them. */
export const STANDARD_ATTRIBUTES: Record<string, readonly AttributeDefinition[]> = {
  people: [
    standard('email_addresses', 'email-address', { multi: true, unique: true }),
    standard('name', 'personal-name'),
    standard('job_title', 'text'),
    standard('company', 'record-reference'),
  ],
  companies: [standard('domains', 'domain', { multi: true, unique: true }), standard('name', 'text')],
  deals: [
    standard('name', 'text'),
    standard('stage', 'status'),
    standard('owner', 'actor-reference'),
    standard('value', 'currency'),
    standard('associated_company', 'record-reference'),
    standard('associated_people', 'record-reference', { multi: true }),
  ],
  users: [
    standard('user_id', 'text', { unique: true }),
    standard('primary_email_address', 'email-address', { unique: true }),
    standard('person', 'record-reference'),
  ],
  workspaces: [
    standard('workspace_id', 'text', { unique: true }),
    standard('name', 'text'),
    standard('company', 'record-reference'),
  ],
};

/** `pql_queue` -> `PQL Queue`: a readable name or title for a slug. */
export function titleOf(slug: string): string {
  return slug
    .split('_')
    .filter((word) => word !== '')
    .map((word) =>
      word === 'pql' || word === 'plg' ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1),
    )
    .join(' ');
}
