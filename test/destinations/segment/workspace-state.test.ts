import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_WORKSPACES,
  cachedWorkspaceCount,
  clearSchemaStores,
  schemaStoreFor,
  workspaceKey,
} from '../../../src/destinations/segment/workspace-state.js';

describe('cached workspace metadata shared across perform calls', () => {
  beforeEach(() => clearSchemaStores());

  it('is one store per API URL and key, found again by later calls', () => {
    const store = schemaStoreFor('https://api.attio.com', 'key-a');
    expect(schemaStoreFor('https://api.attio.com', 'key-a')).toBe(store);
    expect(schemaStoreFor('https://api.attio.com', 'key-b')).not.toBe(store);
    expect(schemaStoreFor('http://127.0.0.1:4010', 'key-a')).not.toBe(store);
  });

  it('is keyed by a hash that does not contain the key', () => {
    const key = workspaceKey('https://api.attio.com', 'secret-token-123');
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).not.toContain('secret');
  });

  it('holds at most MAX_WORKSPACES stores, dropping the least recently used', () => {
    const first = schemaStoreFor('https://api.attio.com', 'key-0');
    for (let i = 1; i < MAX_WORKSPACES; i++) schemaStoreFor('https://api.attio.com', `key-${i}`);
    schemaStoreFor('https://api.attio.com', 'key-0'); // used again: now the most recent
    schemaStoreFor('https://api.attio.com', 'key-new');
    expect(cachedWorkspaceCount()).toBe(MAX_WORKSPACES);
    expect(schemaStoreFor('https://api.attio.com', 'key-0')).toBe(first);
  });
});
