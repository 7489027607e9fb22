import type { AttioClient } from '../attio/client.js';
import type { PlgConfig } from '../config/index.js';

/** One thing the workspace lacks for this configuration, with the setting at fault and how to fix it. */
export interface WorkspaceProblem {
  /** The setting or workspace element at fault, e.g. `pqlStage` or `people.pql_score`. */
  subject: string;
  problem: string;
  fix: string;
}

export interface CheckReport {
  ready: boolean;
  problems: WorkspaceProblem[];
  /** What works but with less than the full guarantee (e.g. no unique deal key: cross-process safety off). */
  notes: string[];
}

/** Placeholder until the full check lands: the token must be active. */
export async function checkWorkspace(client: AttioClient, _config: PlgConfig): Promise<CheckReport> {
  const self = await client.getSelf();
  const problems: WorkspaceProblem[] = self.active
    ? []
    : [{ subject: 'apiKey', problem: 'the Attio access token is not active', fix: 'create a new access token in Attio (Workspace settings → Developers)' }];
  return { ready: problems.length === 0, problems, notes: [] };
}
