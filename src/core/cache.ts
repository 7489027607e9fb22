/**
 * A bounded, expiring map (lru-cache): what this process last wrote or read of a record, so that an
 * unchanged value is not written again. Least recently used entries go first once `maxEntries` is reached;
 * entries older than `ttlMs` are misses (another process or a person in Attio may have changed the record
 * since). A TTL of 0 keeps nothing, as for the schema cache.
 */
import { LRUCache } from 'lru-cache';

export interface ExpiringCacheOptions {
  maxEntries: number;
  ttlMs: number;
  now?: () => number;
}

export interface ExpiringCache<V> {
  get(key: string): V | undefined;
  set(key: string, value: V): void;
  delete(key: string): void;
  clear(): void;
  /** What is remembered, e.g. to forget every entry naming a record that no longer exists. */
  entries(): Iterable<[string, V]>;
  readonly size: number;
}

export function expiringCache<V extends NonNullable<unknown>>(options: ExpiringCacheOptions): ExpiringCache<V> {
  // lru-cache reads a TTL of 0 as "never expires", the opposite of what it means here.
  if (options.ttlMs <= 0) return KEEPS_NOTHING;
  const { now } = options;
  return new LRUCache<string, V>({
    // Bounded by size (each entry 1), not by `max`: lru-cache allocates storage for `max` entries up front,
    // about 1 ms of CPU for 10,000, and an engine made per request (the Segment action's) makes four.
    maxSize: options.maxEntries,
    sizeCalculation: () => 1,
    ttl: options.ttlMs,
    // Read the clock at every look-up: by default lru-cache keeps a reading for 1 ms of wall time.
    ttlResolution: 0,
    // lru-cache takes a start time of 0 for "no TTL", so an injected clock counts from 1 at creation.
    ...(now ? { perf: { now: clockFrom(now) } } : {}),
  });
}

const KEEPS_NOTHING: ExpiringCache<never> = {
  get: () => undefined,
  set: () => {},
  delete: () => {},
  clear: () => {},
  entries: () => [],
  size: 0,
};

function clockFrom(now: () => number): () => number {
  const origin = now();
  return () => now() - origin + 1;
}
