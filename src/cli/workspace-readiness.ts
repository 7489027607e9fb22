/**
 * Before a long-running command serves events: the workspace gate. A workspace that is not ready is a
 * permanent problem (an unknown stage, a missing list), so the command refuses to start and says what to fix,
 * instead of answering every event with a retry. A check that cannot run (Attio unreachable) proves nothing:
 * the command starts, and the events' own failures are retried as usual.
 */
import type { AttioClient } from '../core/attio/client.js';
import type { PlgConfig } from '../core/config/index.js';
import { describeCheckReport, WorkspaceGate } from '../core/setup/index.js';

export type Readiness = { ready: true } | { ready: false; message: string };

export async function readinessBeforeStart(
  client: AttioClient,
  config: PlgConfig,
  warn: (message: string) => void,
): Promise<Readiness> {
  const verdict = await new WorkspaceGate(client, config).verdict();
  switch (verdict.state) {
    case 'unchecked': {
      const { error } = verdict;
      warn(
        `could not check the Attio workspace (${error instanceof Error ? error.message : String(error)}); starting anyway`,
      );
      return { ready: true };
    }
    case 'not-ready':
      return { ready: false, message: `${describeCheckReport(verdict.report)}. Run \`attio-plg check\` for details.` };
    case 'ready':
      for (const note of verdict.report.notes) warn(`note: ${note}`);
      return { ready: true };
  }
}
