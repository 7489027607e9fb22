import { describe, expect, it } from 'vitest';
import { expiringCache } from '../../src/core/cache.js';

describe('the expiring cache of records', () => {
  it('forgets the least recently used entry once full; a read counts as a use', () => {
    const cache = expiringCache<{ id: string }>({ maxEntries: 2, ttlMs: 60_000 });
    cache.set('a', { id: 'a' });
    cache.set('b', { id: 'b' });
    expect(cache.get('a')).toEqual({ id: 'a' });
    cache.set('c', { id: 'c' });
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([{ id: 'a' }, undefined, { id: 'c' }]);
    expect(cache.size).toBe(2);
  });

  it('misses an entry older than its TTL, on an injected clock that starts at 0', () => {
    let now = 0;
    const cache = expiringCache<{ id: string }>({ maxEntries: 10, ttlMs: 1_000, now: () => now });
    cache.set('a', { id: 'a' });
    now = 999;
    expect(cache.get('a')).toEqual({ id: 'a' });
    now = 1_001;
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', { id: 'again' });
    now = 1_500;
    expect(cache.get('a')).toEqual({ id: 'again' });
  });

  it('keeps nothing with a TTL of 0', () => {
    const cache = expiringCache<{ id: string }>({ maxEntries: 10, ttlMs: 0 });
    cache.set('a', { id: 'a' });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('forgets a deleted entry, and everything on clear', () => {
    const cache = expiringCache<{ id: string }>({ maxEntries: 10, ttlMs: 60_000 });
    cache.set('a', { id: 'a' });
    cache.set('b', { id: 'b' });
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
