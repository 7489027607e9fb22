/**
 * The workspace check: the token, then the setup plan's verdict on everything the configuration needs.
 * `attio-plg check` prints this report; `serve` (before it listens), the Segment destination's
 * `testAuthentication` and the RudderStack config path read it through one gate (./gate.ts).
 */
import type { AttioClient } from '../attio/client.js';
import { AttioError } from '../attio/errors.js';
import type { AttioSelf } from '../attio/schemas.js';
import type { PlgConfig } from '../config/index.js';
import { SETUP_COMMAND, inAttio } from './attio-ui.js';
import { planSetup } from './plan.js';
import type { PlanItem, ProblemKind, SetupPlan } from './plan-types.js';
import { requirementsFor } from './requirements.js';
import { WORKFLOW_SCOPES, missingScopes } from './scopes.js';
import { readWorkspace } from './snapshot.js';

/** One thing the workspace lacks for this configuration, with the setting at fault and how to fix it. */
export interface WorkspaceProblem {
  /** What is wrong, for code to decide by; `problem` and `fix` say it to people. */
  kind: ProblemKind;
  /** The setting or workspace element at fault, e.g. `pqlStage` or `people.pql_score`. */
  subject: string;
  problem: string;
  fix: string;
}

const TOKEN_KINDS: ReadonlySet<ProblemKind> = new Set(['token-refused', 'token-inactive', 'missing-scope']);

/** A problem of the access token (refused, inactive, short of a scope) rather than of the workspace. */
export function isTokenProblem(problem: Pick<WorkspaceProblem, 'kind'>): boolean {
  return TOKEN_KINDS.has(problem.kind);
}

export interface CheckReport {
  ready: boolean;
  problems: WorkspaceProblem[];
  /** What works but with less than the full guarantee (e.g. no unique deal key: cross-process safety off). */
  notes: string[];
}

/** The token's verdict and, when it may read the workspace, the plan. */
export interface WorkspaceInspection {
  tokenProblems: WorkspaceProblem[];
  self?: AttioSelf;
  plan?: SetupPlan;
}

const TOKEN_FIX = `create an access token with the scopes ${WORKFLOW_SCOPES.join(', ')} in Attio (${inAttio.accessTokens})`;

/**
 * Reads the token and the workspace and plans setup. Attio refusing the token is a finding, not an error;
 * a failure that may pass (throttling, an outage) is thrown, since nothing can be concluded from it.
 */
export async function inspectWorkspace(client: AttioClient, config: PlgConfig): Promise<WorkspaceInspection> {
  let self: AttioSelf;
  try {
    self = await client.getSelf();
  } catch (error) {
    if (error instanceof AttioError && error.authFailure) return { tokenProblems: [refused(error)] };
    throw error;
  }
  if (!self.active)
    return {
      tokenProblems: [
        { kind: 'token-inactive', subject: 'apiKey', problem: 'the Attio access token is not active', fix: TOKEN_FIX },
      ],
      self,
    };
  const tokenProblems = missingScopes(self, WORKFLOW_SCOPES).map(
    (scope): WorkspaceProblem => ({
      kind: 'missing-scope',
      subject: 'apiKey',
      problem: `the access token lacks the scope ${scope}`,
      fix: `grant it in Attio (${inAttio.accessTokens} → scopes)`,
    }),
  );
  const requirements = requirementsFor(config);
  try {
    return { tokenProblems, self, plan: planSetup(requirements, await readWorkspace(client, requirements, self)) };
  } catch (error) {
    if (error instanceof AttioError && error.authFailure)
      return { tokenProblems: [...tokenProblems, refused(error)], self };
    throw error;
  }
}

export async function checkWorkspace(client: AttioClient, config: PlgConfig): Promise<CheckReport> {
  return reportOf(await inspectWorkspace(client, config));
}

/** Problems: what is required and not there. Notes: what is recommended and not there. */
export function reportOf(inspection: WorkspaceInspection): CheckReport {
  const missing = inspection.plan?.items.filter((item): item is MissingItem => item.state !== 'exists') ?? [];
  // What belongs to a missing item (a new attribute's options, a new list's attributes) is said with it.
  const keys = new Set(missing.map((item) => item.key));
  const items = missing.filter((item) => item.after === undefined || !keys.has(item.after));
  const withIt = (item: MissingItem) => missing.filter((other) => other.after === item.key).map((other) => other.need);
  const problems = [
    ...inspection.tokenProblems,
    ...items.filter((item) => item.severity === 'required').map((item) => problemOf(item, withIt(item))),
  ];
  const notes = items
    .filter((item) => item.severity === 'recommended')
    .map((item) => {
      const { problem, fix } = problemOf(item, withIt(item));
      return `${problem} — ${fix}`;
    });
  return { ready: problems.length === 0, problems, notes };
}

type MissingItem = Exclude<PlanItem, { state: 'exists' }>;

function problemOf(item: MissingItem, belonging: string[]): WorkspaceProblem {
  const problem = `${item.problem}${belonging.length > 0 ? `; with it: ${belonging.join(', ')}` : ''}`;
  const fix =
    item.state === 'create'
      ? `run \`${SETUP_COMMAND}\`${item.fix ? `, or ${item.fix}` : ''}`
      : (item.fix ?? 'see Attio');
  return { kind: item.kind, subject: item.subject, problem, fix };
}

function refused(error: AttioError): WorkspaceProblem {
  const problem =
    error.status === 401
      ? `Attio refused the access token (401${error.code ? ` ${error.code}` : ''})`
      : `Attio refused the access token access to ${error.path} (403${error.code ? ` ${error.code}` : ''})`;
  return { kind: 'token-refused', subject: 'apiKey', problem, fix: TOKEN_FIX };
}
