/**
 * The workspace gate: whether a configuration may write to its Attio workspace, one verdict for every path
 * that asks — `serve` before it listens, the RudderStack config path before a batch writes, and the Segment
 * destination's "test connection". It runs the workspace check (./check.ts): a workspace that is not ready
 * is a permanent problem (an unknown stage, a missing list, a refused token), so it comes with the failure
 * every write would meet; a check that could not run (Attio unreachable) proves nothing, and each path
 * decides what to do without a verdict.
 */
import type { AttioClient } from '../attio/client.js';
import type { PlgConfig } from '../config/index.js';
import type { Failure } from '../failures.js';
import { checkWorkspace, isTokenProblem, type CheckReport, type WorkspaceProblem } from './check.js';
import { describeCheckReport } from './describe.js';

export type WorkspaceVerdict =
  | { state: 'ready'; report: CheckReport }
  | { state: 'not-ready'; report: CheckReport; failure: Failure }
  /** The check could not run (Attio unreachable, throttled): nothing can be concluded. */
  | { state: 'unchecked'; error: unknown };

export interface WorkspaceGateOptions {
  /** The problems this path answers for (default: all). Segment leaves those of its action fields to the fields. */
  counts?: (problem: WorkspaceProblem) => boolean;
  now?: () => number;
}

/** The failure a not-ready report means for every write: the token's (auth) or the configuration's. */
export function failureForReport(report: CheckReport): Failure {
  const token = report.problems.some(isTokenProblem);
  return {
    category: token ? 'auth' : 'config',
    message: describeCheckReport(report),
    field: report.problems[0]?.subject,
    retryable: false,
    ...(token ? { status: 401 } : {}),
  };
}

export class WorkspaceGate {
  private kept: { verdict: WorkspaceVerdict; until: number } | undefined;
  private inFlight: Promise<WorkspaceVerdict> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly client: AttioClient,
    private readonly config: PlgConfig,
    private readonly options: WorkspaceGateOptions = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  /**
   * The verdict, kept while it holds: a ready workspace's for good, a not-ready one's for the schema cache's
   * TTL (so that `attio-plg setup --apply` takes effect without a restart), an unchecked one's not at all.
   * Callers at the same time share one check.
   */
  async verdict(): Promise<WorkspaceVerdict> {
    if (this.kept && this.kept.until > this.now()) return this.kept.verdict;
    this.inFlight ??= this.check().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async check(): Promise<WorkspaceVerdict> {
    let report: CheckReport;
    try {
      report = await checkWorkspace(this.client, this.config);
    } catch (error) {
      return { state: 'unchecked', error };
    }
    const { counts } = this.options;
    const problems = counts ? report.problems.filter(counts) : report.problems;
    const counted = { ...report, problems, ready: problems.length === 0 };
    const verdict: WorkspaceVerdict = counted.ready
      ? { state: 'ready', report: counted }
      : { state: 'not-ready', report: counted, failure: failureForReport(counted) };
    this.kept = {
      verdict,
      until: verdict.state === 'ready' ? Infinity : this.now() + this.config.schemaCacheTtlSeconds * 1000,
    };
    return verdict;
  }
}
