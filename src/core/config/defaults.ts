import { DEFAULT_PQL_THRESHOLD, DEFAULT_SCORING_MODEL } from '../scoring/model.js';

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
} as const);

/** Environment variable that overrides the default `apiUrl` (docs/configuration.md). */
export const API_URL_ENV = 'ATTIO_API_URL';
