/**
 * The workspace check on RudderStack's config path: run once when a destination's engine is built for a
 * Config, and cached with it. A workspace that is not ready fails every job of that destination that would
 * write with the check's problems, as a ConfigurationError (token problems: UnauthorizedError) and before any
 * write, rather than each event failing later on its own. A not-ready verdict is checked again after the schema cache's
 * TTL, so running `attio-plg setup --apply` takes effect without a restart; a check that could not run (Attio
 * unreachable) decides nothing and is tried again with the next batch.
 */
import type { AttioClient } from '../../core/attio/client.js';
import type { PlgConfig } from '../../core/config/index.js';
import type { Failure } from '../../core/failures.js';
import { checkWorkspace, describeCheckReport, type CheckReport } from '../../core/setup/index.js';

/** The core failure a not-ready report means (errors.ts turns it into rudder-transformer's error). */
export function failureForReport(report: CheckReport): Failure | undefined {
  if (report.ready) return undefined;
  const token = report.problems.some((p) => p.subject === 'apiKey');
  return { category: token ? 'auth' : 'config', message: describeCheckReport(report), field: report.problems[0]?.subject, retryable: false, ...(token ? { status: 401 } : {}) };
}

export class WorkspaceGate {
  private verdict: { failure: Failure | undefined; until: number } | undefined;
  private inFlight: Promise<Failure | undefined> | undefined;

  constructor(
    private readonly client: AttioClient,
    private readonly config: PlgConfig,
    private readonly now: () => number = Date.now,
  ) {}

  /** The failure every job gets while the workspace is not ready; undefined when it is (or cannot be told). */
  async failure(): Promise<Failure | undefined> {
    if (this.verdict && this.verdict.until > this.now()) return this.verdict.failure;
    this.inFlight ??= this.check().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async check(): Promise<Failure | undefined> {
    let report: CheckReport;
    try {
      report = await checkWorkspace(this.client, this.config);
    } catch {
      return undefined;
    }
    const failure = failureForReport(report);
    this.verdict = { failure, until: failure ? this.now() + this.config.schemaCacheTtlSeconds * 1000 : Infinity };
    return failure;
  }
}
