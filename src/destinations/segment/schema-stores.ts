/**
 * Cached workspace metadata shared across perform calls: Segment builds a fresh request client (and so a
 * fresh engine) for every call, but the attributes, lists, stages and members of a workspace change rarely.
 * One SchemaStore per workspace token, keyed by a hash so the key itself is never held as a label, and at
 * most MAX_WORKSPACES of them, the least recently used dropped first.
 */
import { createHash } from 'node:crypto';
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

/** Workspaces whose metadata is cached (for tests of the bound). */
export function cachedWorkspaceCount(): number {
  return stores.size;
}

/** Forgets every cached workspace (tests start cold). */
export function clearSchemaStores(): void {
  stores.clear();
}
