/**
 * Whether the receiver can do its job: the workspace check (the same one `attio-plg check` runs) passes and
 * Attio answers, the queue keeps up (`queueProblems`: its oldest event is not older than a bound), and no
 * event has just failed for a reason retrying will not fix. The check's result is
 * cached for `ttlMs` so `/ready` stays cheap however often it is probed; while a newer result is on its way
 * the last one is answered. A permanent delivery failure (the workspace changed under the receiver: a stage
 * removed, the token revoked) sets `/ready` failing for at least `holdMs` and asks for a fresh check; it
 * clears once the hold has passed with a passing check.
 */
import type { CheckReport, WorkspaceProblem } from '../../core/setup/index.js';

/** What keeps the receiver from being ready: the workspace's problems, or its queue falling behind. */
export type ReadinessProblem = Omit<WorkspaceProblem, 'kind'> & { kind: WorkspaceProblem['kind'] | 'queue-lagging' };

export interface ReadyState {
  ready: boolean;
  /** What the check found wrong, with the fix for each. */
  problems: ReadinessProblem[];
  /** The last delivery failure that retrying will not fix, while it counts. */
  deliveryFailure?: string;
  checkedAt?: string;
}

export interface Readiness {
  state(): Promise<ReadyState>;
  /** An event failed for a reason retrying will not fix. */
  permanentFailure(reason: string): void;
}

export interface ReadinessOptions {
  check: () => Promise<CheckReport>;
  /** How long a check's result is used. Default 10 s. */
  ttlMs?: number;
  /** How long a permanent delivery failure keeps /ready failing at least. Default 60 s. */
  holdMs?: number;
  now?: () => number;
  /** Problems of the moment, read at every probe (the queue falling behind); any of them fails /ready. */
  queueProblems?: () => ReadinessProblem[];
  /** Told whenever the state is computed (for the `attio_plg_ready` gauge and the log). */
  onState?: (state: ReadyState) => void;
}

interface CheckResult {
  ready: boolean;
  problems: ReadinessProblem[];
  at: number;
}

export function createReadiness(options: ReadinessOptions): Readiness {
  const ttlMs = options.ttlMs ?? 10_000;
  const holdMs = options.holdMs ?? 60_000;
  const now = options.now ?? Date.now;
  let last: CheckResult | undefined;
  let running: Promise<CheckResult> | undefined;
  let failure: { reason: string; at: number } | undefined;
  let invalidated = false;

  const runCheck = (): Promise<CheckResult> => {
    running ??= options
      .check()
      .then(
        (report): CheckResult => ({ ready: report.ready, problems: report.problems, at: now() }),
        (error: unknown): CheckResult => ({
          ready: false,
          problems: [
            {
              kind: 'check-failed',
              subject: 'Attio',
              problem: `the workspace check could not run: ${error instanceof Error ? error.message : String(error)}`,
              fix: 'check that Attio is reachable at the configured API URL and the token is valid',
            },
          ],
          at: now(),
        }),
      )
      .then((result) => {
        last = result;
        running = undefined;
        return result;
      });
    return running;
  };

  return {
    async state() {
      if (last === undefined) {
        await runCheck();
      } else if (invalidated || now() - last.at >= ttlMs) {
        invalidated = false;
        void runCheck();
      }
      const check = last as CheckResult;
      if (failure && check.ready && check.at - failure.at >= holdMs) failure = undefined;
      const queueProblems = options.queueProblems?.() ?? [];
      const state: ReadyState = {
        ready: check.ready && failure === undefined && queueProblems.length === 0,
        problems: [...check.problems, ...queueProblems],
        ...(failure ? { deliveryFailure: failure.reason } : {}),
        checkedAt: new Date(check.at).toISOString(),
      };
      options.onState?.(state);
      return state;
    },
    permanentFailure(reason) {
      failure = { reason, at: now() };
      invalidated = true;
    },
  };
}
