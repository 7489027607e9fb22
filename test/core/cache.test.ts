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

  it('holds at most its bound of entries however many are set, the most recent ones', () => {
    const cache = expiringCache<{ id: number }>({ maxEntries: 1_000, ttlMs: 60_000 });
    for (let id = 0; id < 2_500; id++) cache.set(`r${id}`, { id });
    expect(cache.size).toBe(1_000);
    expect(cache.get('r1499')).toBeUndefined();
    expect(cache.get('r1500')).toEqual({ id: 1_500 });
    expect(cache.get('r2499')).toEqual({ id: 2_499 });
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
