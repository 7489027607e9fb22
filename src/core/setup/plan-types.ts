/** The setup plan's vocabulary: one item per thing the configuration needs, and what setup would do about it. */
import type { AttributeTarget } from '../attio/client.js';
import type { AttributeInput, ListInput, StatusInput } from '../attio/configuration-requests.js';
import type { Severity } from './requirements.js';

/**
 * `exists`: nothing to do. `create`: setup creates it. `conflict`: something a user made has the right slug
 * and the wrong shape; reported and left alone. `manual`: the API cannot do it; `fix` says where to click.
 */
export type PlanState = 'exists' | 'create' | 'conflict' | 'manual';

export type SetupAction =
  | { kind: 'create-attribute'; target: AttributeTarget; identifier: string; attribute: AttributeInput }
  | { kind: 'create-option'; target: AttributeTarget; identifier: string; attribute: string; title: string }
  | { kind: 'create-status'; object: string; attribute: string; status: StatusInput }
  | { kind: 'create-list'; list: ListInput };

/**
 * What is wrong with something a configuration needs, for code to decide by (the words in `problem` are for
 * people). `token-*` and `missing-scope` are the access token's; `check-failed` says the check itself could
 * not run (Attio unreachable); the rest are the workspace's.
 */
export type ProblemKind =
  | 'check-failed'
  | 'token-refused'
  | 'token-inactive'
  | 'missing-scope'
  | 'missing-object'
  | 'missing-attribute'
  | 'archived-attribute'
  | 'conflicting-attribute'
  | 'missing-option'
  | 'archived-option'
  | 'missing-stage'
  | 'archived-stage'
  | 'missing-list'
  | 'conflicting-list'
  | 'missing-owner';

interface PlanItemBase {
  /** Unique within a plan; `after` refers to it. */
  key: string;
  /** The setting or workspace element, e.g. `pqlStage`, `people.pql_score`. */
  subject: string;
  /** What is needed, e.g. `number attribute "PQL score"`. */
  need: string;
  severity: Severity;
  /** How to do it by hand in Attio (or in the configuration); for `create`, the alternative to setup. */
  fix?: string;
  action?: SetupAction;
  /** The key of an item this one's action needs done first (an attribute before its options). */
  after?: string;
}

/** One thing the configuration needs: there, or missing or wrong — then with what is wrong, in words and as a kind. */
export type PlanItem =
  | (PlanItemBase & { state: 'exists'; problem?: undefined; kind?: undefined })
  | (PlanItemBase & { state: Exclude<PlanState, 'exists'>; problem: string; kind: ProblemKind });

export interface SetupPlan {
  items: PlanItem[];
}

/** Items that setup --apply would carry out. */
export function creations(plan: SetupPlan): PlanItem[] {
  return plan.items.filter((item) => item.state === 'create');
}
