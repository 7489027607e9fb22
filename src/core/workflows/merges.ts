/**
 * Merges re-key (docs/merges.md). When a rep merges two records in Attio, Attio moves references, list
 * entries, notes and tasks to the record that remains and the merged records can no longer be read. What
 * Attio cannot know is what the connector keyed on record ids: its caches (a domain -> company id, a user id
 * -> person id) and its deal keys (`pql:company:<id>`). This follows a merge so that later events for either
 * record land on the one that remains, with one deal per account and workflow.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { readRecordRef, readText, recordIdOf, recordRef } from '../attio/values.js';
import type { WorkflowContext } from './context.js';
import { winnerOf } from './converge.js';
import { dealKeyAttribute } from './deals.js';
import { keyMarker } from './notes-and-tasks.js';
import { touchedByMember } from './ownership.js';
import type { RecordCaches } from './record-caches.js';

/** A merge as Attio's `record.merged` events tell it: the record that remains and those merged into it. */
export interface RecordMerge {
  object: string;
  survivorRecordId: string;
  mergedRecordIds: readonly string[];
}

export interface MergeOutcome {
  /** Cache entries dropped because they named a merged record (or the survivor, whose values changed). */
  forgotten: number;
  /** Deals now keyed to the survivor. */
  rekeyed: string[];
  /** Duplicate deals nobody in sales had touched, deleted with the connector's tasks on them. */
  removed: string[];
  /** Duplicate deals a rep has worked on: left as they are, for sales to decide. */
  kept: string[];
}

export type MergeContext = Pick<WorkflowContext, 'client' | 'schema' | 'config' | 'records' | 'locks'>;

/** The account kind in a deal key (./deals.ts `dealKey`) for an object whose records own deals. */
const ACCOUNT_KIND: Record<string, 'company' | 'person'> = { companies: 'company', people: 'person' };
/** Deal name prefixes of the workflows, for workspaces without a deal key attribute. */
const DEAL_PREFIXES = ['PQL', 'Enterprise Upgrade'];
const DEAL_KEY = /^(.+):(company|person):(.+)$/;
const slugOf = (prefix: string) => prefix.toLowerCase().replace(/\s+/g, '-');

export async function followRecordMerge(ctx: MergeContext, merge: RecordMerge): Promise<MergeOutcome> {
  const ids = new Set([merge.survivorRecordId, ...merge.mergedRecordIds]);
  const outcome: MergeOutcome = { forgotten: forgetRecords(ctx.records, ids), rekeyed: [], removed: [], kept: [] };
  const kind = ACCOUNT_KIND[merge.object];
  if (kind !== undefined) await followDeals(ctx, kind, merge.survivorRecordId, ids, outcome);
  return outcome;
}

/** Drops every cached record that names one of `ids`: the next event reads what Attio now holds. */
export function forgetRecords(records: RecordCaches, ids: ReadonlySet<string>): number {
  let forgotten = 0;
  const drop = <V>(
    cache: { entries(): Iterable<[string, V]>; delete(key: string): void },
    names: (v: V) => unknown[],
  ) => {
    const stale = [...cache.entries()].filter(([, v]) => names(v).some((id) => ids.has(String(id))));
    for (const [key] of stale) cache.delete(key);
    forgotten += stale.length;
  };
  drop(records.companies, (c) => [c.id]);
  drop(records.users, (u) => [u.id, u.personId]);
  drop(records.workspaces, (w) => [w.id, w.companyId]);
  return forgotten;
}

/**
 * The account's deals, now all on the survivor: per workflow, one is kept and keyed to the survivor — the
 * one already keyed to it, unless a rep has worked on another — and the others are removed when nobody in
 * sales touched them, or kept as they are when someone did.
 */
async function followDeals(
  ctx: MergeContext,
  kind: 'company' | 'person',
  survivorId: string,
  ids: ReadonlySet<string>,
  outcome: MergeOutcome,
): Promise<void> {
  const keyAttribute = await dealKeyAttribute({ ctx });
  const filter =
    kind === 'company'
      ? { associated_company: recordRef('companies', survivorId) }
      : { associated_people: recordRef('people', survivorId) };
  const byWorkflow = new Map<string, AttioRecord[]>();
  for await (const deal of ctx.client.queryAllRecords('deals', { filter }, 100)) {
    const slug = workflowOf(deal, kind, ids, keyAttribute);
    if (slug !== undefined) byWorkflow.set(slug, [...(byWorkflow.get(slug) ?? []), deal]);
  }
  for (const [slug, deals] of byWorkflow) {
    const survivorKey = `${slug}:${kind}:${survivorId}`;
    const keyOf = (deal: AttioRecord) => (keyAttribute ? readText(deal, keyAttribute) : undefined);
    const holder = deals.find((deal) => keyOf(deal) === survivorKey);
    const worked = deals.filter(touchedByMember);
    const keeper =
      holder && (worked.length === 0 || worked.includes(holder)) ? holder : earliest(worked.length ? worked : deals);
    for (const deal of deals) {
      if (deal === keeper) continue;
      if (touchedByMember(deal)) {
        outcome.kept.push(recordIdOf(deal));
        continue;
      }
      await removeDeal(ctx, deal);
      outcome.removed.push(recordIdOf(deal));
    }
    if (keyAttribute !== undefined && keyOf(keeper) !== survivorKey) {
      await ctx.client.updateRecord('deals', recordIdOf(keeper), { [keyAttribute]: [survivorKey] });
      outcome.rekeyed.push(recordIdOf(keeper));
    }
  }
}

/** The workflow (deal key slug) a deal of the merged account belongs to, or undefined when it is not ours. */
function workflowOf(
  deal: AttioRecord,
  kind: 'company' | 'person',
  ids: ReadonlySet<string>,
  keyAttribute: string | undefined,
): string | undefined {
  if (keyAttribute !== undefined) {
    const match = DEAL_KEY.exec(readText(deal, keyAttribute) ?? '');
    return match && match[2] === kind && ids.has(match[3] ?? '') ? match[1] : undefined;
  }
  // Without keys, ours are the deals named by a workflow that no rep created; a person's own deals have no company.
  if (deal.values.created_by?.[0]?.referenced_actor_type === 'workspace-member') return undefined;
  if (kind === 'person' && readRecordRef(deal, 'associated_company') !== undefined) return undefined;
  const name = readText(deal, 'name') ?? '';
  const prefix = DEAL_PREFIXES.find((p) => name.startsWith(`${p} - `));
  return prefix === undefined ? undefined : slugOf(prefix);
}

function earliest(deals: AttioRecord[]): AttioRecord {
  const winner = winnerOf(deals.map((deal) => ({ id: recordIdOf(deal), createdAt: deal.created_at, deal })));
  return (winner ?? { deal: deals[0] as AttioRecord }).deal;
}

/** Deletes a duplicate deal and the connector's open tasks on it (the kept deal has its own). */
async function removeDeal(ctx: MergeContext, deal: AttioRecord): Promise<void> {
  const dealId = recordIdOf(deal);
  for await (const task of ctx.client.listAllTasks({ linkedObject: 'deals', linkedRecordId: dealId })) {
    const ours = task.created_by_actor?.type !== 'workspace-member' && task.content_plaintext.includes(keyMarker(''));
    if (ours && !task.is_completed) await ctx.client.deleteTask(task.id.task_id);
  }
  await ctx.client.deleteRecord('deals', dealId);
}
