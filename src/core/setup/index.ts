/**
 * What a configuration needs of an Attio workspace, and whether the workspace has it: the check that
 * `attio-plg check`, `serve` (before it listens, and `/ready`), the Segment destination's
 * `testAuthentication` and the RudderStack config path share, and the plan `attio-plg setup` carries out.
 */
export { checkWorkspace, type CheckReport, type WorkspaceProblem } from './check.js';
