/**
 * What the calls of one process share per Attio workspace: Segment builds a fresh request client (and so a
 * fresh engine) for every call, but the workspace's metadata (attributes, lists, stages, members) changes
 * rarely, two events of one account must not both create its deal, and the workspace's rate budget is one
 * budget however many calls spend it. Keyed by a hash of base URL and token (the key itself is never held
 * as a label), at most MAX_WORKSPACES of each, the least recently used dropped first.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { KeyedMutex } from '../../core/locks.js';
import { createSchemaStore, type SchemaStore } from '../../core/schema/workspace-schema.js';
import { Pacer } from './pacer.js';

export const MAX_WORKSPACES = 100;

export function workspaceKey(apiUrl: string, apiKey: string): string {
  return createHash('sha256').update(apiUrl).update('\n').update(apiKey).digest('hex').slice(0, 32);
}

/** At most MAX_WORKSPACES values, one per workspace key, made on first use; the least recently used go first. */
function workspaceCache<T extends NonNullable<unknown>>(create: () => T): LRUCache<string, T> {
  return new LRUCache<string, T>({ max: MAX_WORKSPACES, memoMethod: () => create() });
}

const stores = workspaceCache<SchemaStore>(createSchemaStore);
const locks = workspaceCache<KeyedMutex>(() => new KeyedMutex());
const pacing = new Map<string, LRUCache<string, WorkspacePacing>>();

export function schemaStoreFor(apiUrl: string, apiKey: string): SchemaStore {
  return stores.memo(workspaceKey(apiUrl, apiKey));
}

/**
 * The per-account locks of a workspace: with an engine per call, two events of one account running at once
 * (different people qualifying together) could both look for the account's deal, find none and both create one.
 */
export function locksFor(apiUrl: string, apiKey: string): KeyedMutex {
  return locks.memo(workspaceKey(apiUrl, apiKey));
}

/** Attio limits reads and writes per workspace separately. */
export interface WorkspacePacing {
  reads: Pacer;
  writes: Pacer;
}

/** The pacers of a workspace at these budgets, shared by every call of this process. */
export function pacingFor(
  apiUrl: string,
  apiKey: string,
  budget: { readsPerSecond: number; writesPerSecond: number },
): WorkspacePacing {
  const budgetKey = `${budget.readsPerSecond}/${budget.writesPerSecond}`;
  let byWorkspace = pacing.get(budgetKey);
  if (byWorkspace === undefined) {
    byWorkspace = workspaceCache<WorkspacePacing>(() => ({
      reads: new Pacer(budget.readsPerSecond),
      writes: new Pacer(budget.writesPerSecond),
    }));
    pacing.set(budgetKey, byWorkspace);
  }
  return byWorkspace.memo(workspaceKey(apiUrl, apiKey));
}

/** Workspaces whose metadata is cached (for tests of the bound). */
export function cachedWorkspaceCount(): number {
  return stores.size;
}

/** Forgets every cached workspace (tests start cold). */
export function clearSchemaStores(): void {
  stores.clear();
}
