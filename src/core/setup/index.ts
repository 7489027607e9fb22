/**
 * What a configuration needs of an Attio workspace, and whether the workspace has it: the check that
 * `attio-plg check` reports, the gate that `serve` (before it listens), the Segment destination's
 * `testAuthentication` and the RudderStack config path share, and the plan `attio-plg setup` carries out.
 *
 * requirements (pure, from the config) → snapshot (reads) → plan (pure) → apply (creates) | check (report) → gate (verdict)
 */
export { applyPlan, type ApplyResult } from './apply.js';
export { DEFAULT_DEAL_KEY, PQL_TIERS, STARTER_PLAN_TYPES } from './attributes.js';
export { SETUP_COMMAND } from './attio-ui.js';
export {
  checkWorkspace,
  inspectWorkspace,
  isTokenProblem,
  reportOf,
  type CheckReport,
  type WorkspaceInspection,
  type WorkspaceProblem,
} from './check.js';
export { failureForReport, WorkspaceGate, type WorkspaceGateOptions, type WorkspaceVerdict } from './gate.js';
export { planSetup } from './plan.js';
export {
  creations,
  type PlanItem,
  type PlanState,
  type ProblemKind,
  type SetupAction,
  type SetupPlan,
} from './plan-types.js';
export { requirementsFor, type WorkspaceRequirements } from './requirements.js';
export { SETUP_SCOPES, WEBHOOK_SCOPES, missingScopes } from './scopes.js';
export { readWorkspace, type WorkspaceSnapshot } from './snapshot.js';
export { describeCheckReport, describeProblem } from './describe.js';
export {
  applyWebhook,
  neededSubscriptions,
  planWebhook,
  readWebhookWorkspace,
  type NeededSubscription,
  type WebhookApplyResult,
  type WebhookPlan,
  type WebhookWorkspace,
} from './webhook.js';
