/**
 * Who works a deal: a sales rep chosen by a stable hash of the account key (company domain, or the person's
 * email when there is no company), so every event for an account picks the same rep without any state.
 * With no reps configured, the member the API token acts for.
 */
import { stableHash } from '../../lib/stable-hash.js';
import { ConfigError } from '../errors.js';
import type { WorkflowRun } from './context.js';

export function chooseRep(accountKey: string, reps: readonly string[]): string | undefined {
  if (reps.length === 0) return undefined;
  return reps[stableHash(accountKey.toLowerCase()) % reps.length];
}

/** The owner's workspace-member email for an account, checked against the workspace's members. */
export async function ownerFor(run: WorkflowRun, accountKey: string): Promise<string> {
  const { config, schema } = run.ctx;
  const chosen = chooseRep(accountKey, config.salesReps);
  if (chosen === undefined) {
    const self = await schema.tokenMember();
    if (!self)
      throw new ConfigError('salesReps', 'no sales reps are configured and the API token acts for no workspace member');
    return self.email;
  }
  const members = await schema.members();
  if (!members.some((m) => m.email === chosen)) {
    throw new ConfigError(
      'salesReps',
      `"${chosen}" is not a member of this Attio workspace; members: ${members.map((m) => m.email).join(', ')}`,
    );
  }
  return chosen;
}
