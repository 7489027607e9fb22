/**
 * Cached workspace metadata shared across perform calls: Segment builds a fresh request client (and so a
 * fresh engine) for every call, but the attributes, lists, stages and members of a workspace change rarely.
 * One SchemaStore per workspace token, keyed by a hash so the key itself is never held as a label, and at
 * most MAX_WORKSPACES of them, the least recently used dropped first.
 */
import { createHash } from 'node:crypto';
import { KeyedMutex } from '../../core/locks.js';
import { createSchemaStore, type SchemaStore } from '../../core/schema/workspace-schema.js';

export const MAX_WORKSPACES = 100;

const stores = new Map<string, SchemaStore>();

export function workspaceKey(apiUrl: string, apiKey: string): string {
  return createHash('sha256').update(apiUrl).update('\n').update(apiKey).digest('hex').slice(0, 32);
}

export function schemaStoreFor(apiUrl: string, apiKey: string): SchemaStore {
  const key = workspaceKey(apiUrl, apiKey);
  const hit = stores.get(key);
  if (hit !== undefined) {
    // Re-inserting moves the entry to the end: Map keeps insertion order, so the first key is the oldest.
    stores.delete(key);
    stores.set(key, hit);
    return hit;
  }
  const store = createSchemaStore();
  stores.set(key, store);
  if (stores.size > MAX_WORKSPACES) {
    const oldest = stores.keys().next().value;
    if (oldest !== undefined) stores.delete(oldest);
  }
  return store;
}

const locks = new Map<string, KeyedMutex>();

/**
 * The per-account locks of a workspace, shared like its metadata: with an engine per call, two events of
 * one account running at once (different people qualifying together) could both look for the account's
 * deal, both find none and both create one.
 */
export function locksFor(apiUrl: string, apiKey: string): KeyedMutex {
  const key = workspaceKey(apiUrl, apiKey);
  let mutex = locks.get(key);
  if (mutex === undefined) {
    mutex = new KeyedMutex();
    locks.set(key, mutex);
    if (locks.size > MAX_WORKSPACES) {
      const oldest = locks.keys().next().value;
      if (oldest !== undefined) locks.delete(oldest);
    }
  }
  return mutex;
}

/** Workspaces whose metadata is cached (for tests of the bound). */
export function cachedWorkspaceCount(): number {
  return stores.size;
}

/** Forgets every cached workspace (tests start cold). */
export function clearSchemaStores(): void {
  stores.clear();
}
