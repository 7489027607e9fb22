/**
 * Carries out a plan's `create` items through Attio's documented creation endpoints, in plan order. Only
 * creates: nothing is deleted or changed. An item whose prerequisite failed is skipped; a refused token
 * stops the rest. Run on a fresh plan, a second apply finds everything and writes nothing.
 */
import type { AttioClient } from '../attio/client.js';
import { AttioError } from '../attio/errors.js';
import type { PlanItem, SetupAction, SetupPlan } from './plan-types.js';

export interface ApplyResult {
  key: string;
  subject: string;
  need: string;
  outcome: 'created' | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  reason?: string;
}

export async function applyPlan(client: AttioClient, plan: SetupPlan): Promise<ApplyResult[]> {
  const results: ApplyResult[] = [];
  const notDone = new Set<string>();
  let stopped: string | undefined;
  for (const item of plan.items) {
    if (item.state !== 'create' || item.action === undefined) continue;
    const result = (outcome: ApplyResult['outcome'], reason?: string): ApplyResult => ({
      key: item.key,
      subject: item.subject,
      need: item.need,
      outcome,
      ...(reason === undefined ? {} : { reason }),
    });
    if (stopped !== undefined) {
      results.push(result('skipped', stopped));
      continue;
    }
    if (item.after !== undefined && notDone.has(item.after)) {
      notDone.add(item.key);
      results.push(result('skipped', 'what it belongs to was not created'));
      continue;
    }
    try {
      await perform(client, item.action);
      results.push(result('created'));
    } catch (error) {
      notDone.add(item.key);
      results.push(result('failed', reasonOf(error, item)));
      if (refusesToken(error)) stopped = 'not attempted: Attio refused the access token';
    }
  }
  return results;
}

async function perform(client: AttioClient, action: SetupAction): Promise<void> {
  switch (action.kind) {
    case 'create-attribute':
      await client.createAttribute(action.target, action.identifier, action.attribute);
      return;
    case 'create-option':
      await client.createSelectOption(action.target, action.identifier, action.attribute, action.title);
      return;
    case 'create-status':
      await client.createStatus('objects', action.object, action.attribute, action.status);
      return;
    case 'create-list':
      await client.createList(action.list);
      return;
  }
}

/** 401, or 403 for a missing scope; a 403 `billing_error` (the plan's list limit) concerns one item only. */
function refusesToken(error: unknown): boolean {
  return error instanceof AttioError && error.authFailure && error.code !== 'billing_error';
}

function reasonOf(error: unknown, item: PlanItem): string {
  if (error instanceof AttioError) {
    if (error.status === 409)
      return `${error.message} — something with that name exists, perhaps archived: ${item.fix ?? 'look in Attio'}`;
    if (error.code === 'billing_error')
      return `${error.message} — the Attio plan allows no more of these: ${item.fix ?? 'see Attio'}`;
    if (error.status === 403)
      return `${error.message} — the access token needs read-write access to the workspace configuration (objects and lists)`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
