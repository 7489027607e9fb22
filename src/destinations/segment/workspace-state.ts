/**
 * What the calls of one process share per Attio workspace: Segment builds a fresh request client (and so a
 * fresh engine) for every call, but the workspace's metadata (attributes, lists, stages, members) changes
 * rarely, two events of one account must not both create its deal, and the workspace's rate budget is one
 * budget however many calls spend it. Keyed by a hash of base URL and token (the key itself is never held
 * as a label), at most MAX_WORKSPACES of each, the least recently used dropped first.
 */
import { createHash } from 'node:crypto';
import { KeyedMutex } from '../../core/locks.js';
import { createSchemaStore, type SchemaStore } from '../../core/schema/workspace-schema.js';
import { Pacer } from './pacer.js';

export const MAX_WORKSPACES = 100;

export function workspaceKey(apiUrl: string, apiKey: string): string {
  return createHash('sha256').update(apiUrl).update('\n').update(apiKey).digest('hex').slice(0, 32);
}

/** A Map that keeps at most MAX_WORKSPACES entries, forgetting the least recently used. */
class WorkspaceCache<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly create: () => T) {}

  get(key: string): T {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-inserting moves the entry to the end: Map keeps insertion order, so the first key is the oldest.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = this.create();
    this.entries.set(key, value);
    if (this.entries.size > MAX_WORKSPACES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

const stores = new WorkspaceCache<SchemaStore>(createSchemaStore);
const locks = new WorkspaceCache<KeyedMutex>(() => new KeyedMutex());
const pacing = new Map<string, WorkspaceCache<WorkspacePacing>>();

export function schemaStoreFor(apiUrl: string, apiKey: string): SchemaStore {
  return stores.get(workspaceKey(apiUrl, apiKey));
}

/**
 * The per-account locks of a workspace: with an engine per call, two events of one account running at once
 * (different people qualifying together) could both look for the account's deal, find none and both create one.
 */
export function locksFor(apiUrl: string, apiKey: string): KeyedMutex {
  return locks.get(workspaceKey(apiUrl, apiKey));
}

/** Attio limits reads and writes per workspace separately. */
export interface WorkspacePacing {
  reads: Pacer;
  writes: Pacer;
}

/** The pacers of a workspace at these budgets, shared by every call of this process. */
export function pacingFor(apiUrl: string, apiKey: string, budget: { readsPerSecond: number; writesPerSecond: number }): WorkspacePacing {
  const budgetKey = `${budget.readsPerSecond}/${budget.writesPerSecond}`;
  let byWorkspace = pacing.get(budgetKey);
  if (byWorkspace === undefined) {
    byWorkspace = new WorkspaceCache(() => ({ reads: new Pacer(budget.readsPerSecond), writes: new Pacer(budget.writesPerSecond) }));
    pacing.set(budgetKey, byWorkspace);
  }
  return byWorkspace.get(workspaceKey(apiUrl, apiKey));
}

/** Workspaces whose metadata is cached (for tests of the bound). */
export function cachedWorkspaceCount(): number {
  return stores.size;
}

/** Forgets every cached workspace (tests start cold). */
export function clearSchemaStores(): void {
  stores.clear();
}
