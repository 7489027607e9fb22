/**
 * attio-plg core API: configuration, the engine (events -> workflows -> Attio), the Attio client and its
 * transports, scoring, domains, failure classification and the intent types.
 */
export * from './core/attio/index.js';
export * from './core/attio/values.js';
export * from './core/config/index.js';
export { connectionFor } from './core/connection.js';
export * from './core/domains/index.js';
export * from './core/engine.js';
export * from './core/errors.js';
export * from './core/failures.js';
export type { Logger } from './core/logger.js';
export { silentLogger, stderrLogger } from './core/logger.js';
export * from './core/scoring/index.js';
export {
  applyPlan,
  checkWorkspace,
  describeCheckReport,
  inspectWorkspace,
  planSetup,
  requirementsFor,
  type ApplyResult,
  type CheckReport,
  type PlanItem,
  type SetupPlan,
  type WorkspaceProblem,
} from './core/setup/index.js';
export { createSchemaStore, WorkspaceSchema, type SchemaStore } from './core/schema/workspace-schema.js';
export * from './core/workflows/index.js';
export { mapEvent, workflowOf, type EventWorkflow } from './mapping/map-event.js';
export { laneKey, messageIdOf } from './mapping/event-keys.js';
export { EventEngine, mapItem } from './pipeline.js';
export type * from './core/intents.js';
