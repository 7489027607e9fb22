import { DEFAULT_ACCOUNT_THRESHOLD, defaultAccountModel } from '../scoring/account-model.js';
import { DEFAULT_PQL_THRESHOLD, DEFAULT_SCORING_MODEL } from '../scoring/model.js';
import { DEFAULT_TIER_BANDS } from '../scoring/tiers.js';

/**
 * Every configuration default, as data (docs/configuration.md). They match the emulator's `plg-demo` workspace.
 * The schema reads them from here; nothing else should repeat them.
 */
export const CONFIG_DEFAULTS = Object.freeze({
  apiUrl: 'https://api.attio.com',
  trialList: 'active_trials',
  pqlList: 'pql_queue',
  pqlStage: 'Product Qualified',
  handoffStage: 'Sales Qualified',
  pqlThreshold: DEFAULT_PQL_THRESHOLD,
  scoringModel: DEFAULT_SCORING_MODEL,
  // A user's latest report counts half after this many days (null: no decay). It never changes a score
  // made when its event arrives, only what an older report counts for later (account roll-ups, reports).
  decayHalfLifeDays: 14 as number | null,
  userTiers: DEFAULT_TIER_BANDS,
  accountModel: Object.freeze(defaultAccountModel()),
  accountThreshold: DEFAULT_ACCOUNT_THRESHOLD,
  accountTiers: DEFAULT_TIER_BANDS,
  // Which qualification opens the account's PQL deal: a user's (today's rule), the account's, or either.
  dealTrigger: 'user',
  // Whether the workflows roll the account score up onto the company (always, when dealTrigger needs it).
  accountScoring: false,
  // Whose tier changes raise a task for the owner: off, users, accounts or both.
  tierChangeTasks: 'off',
  salesReps: Object.freeze([] as string[]),
  taskDueHours: 24,
  milestoneEvents: Object.freeze({
    'Onboarding Completed': 'onboarding_completed',
    'Integration Connected': 'first_integration',
    'Data Imported': 'data_imported',
    'Invite Sent': 'team_invited',
    'Feature Activated': 'feature_activated',
  } as Record<string, string>),
  milestoneReachedEvent: 'Milestone Reached',
  signupEvents: Object.freeze(['Signed Up', 'Trial Started']),
  usageEvents: Object.freeze(['Usage Summary']),
  handoffEvents: Object.freeze(['Sales Handoff Requested', 'Upgrade Requested', 'Demo Requested']),
  personalDomains: 'skip-company',
  extraPersonalDomains: Object.freeze([] as string[]),
  productObjects: 'auto',
  strict: false,
  schemaCacheTtlSeconds: 300,
  signupSource: 'product',
  // Attio's per-workspace limits; raise them only for the local emulator or a workspace with higher limits.
  readsPerSecond: 100,
  writesPerSecond: 25,
  // Per Attio request; a request that has not answered by then counts as failed and is retried like a reset.
  requestTimeoutMs: 15_000,
  // Who owns each attribute the sync writes (docs/ownership.md): a rep's edit of a `reps` attribute is never
  // overwritten; `product` attributes follow the product whoever touched them. Unlisted attributes are the reps'.
  ownership: Object.freeze({
    'people.name': 'reps',
    'people.job_title': 'reps',
    'people.company': 'reps',
    'people.plan_type': 'product',
    'people.signup_date': 'product',
    'people.signup_source': 'product',
    'people.milestones_completed': 'product',
    'people.activation_score': 'product',
    'people.pql_score': 'product',
    'people.pql_tier': 'product',
    'people.pql_explanation': 'product',
    'people.pql_scored_at': 'product',
    'people.pql_qualified_at': 'product',
    'people.pql_signals': 'product',
    'people.last_activity_date': 'product',
    'people.profile_updated_at': 'product',
    'companies.name': 'reps',
    'companies.plan_type': 'product',
    'companies.pql_score': 'product',
    'companies.account_updated_at': 'product',
    'companies.account_score': 'product',
    'companies.account_tier': 'product',
    'companies.account_explanation': 'product',
    'companies.account_scored_at': 'product',
    'companies.account_qualified_at': 'product',
    'companies.account_signals': 'product',
    'workspaces.name': 'reps',
    'workspaces.company': 'reps',
  } as Record<string, 'product' | 'reps'>),
} as const);

/** Environment variable that overrides the default `apiUrl` (docs/configuration.md). */
export const API_URL_ENV = 'ATTIO_API_URL';
