import { afterEach, describe, expect, it } from 'vitest';
import {
  EMULATOR_API_KEY,
  startEmulator,
  type EmulatorHandle,
  type EmulatorOptions,
} from '../../src/emulator/index.js';
import { RateLimiter } from '../../src/emulator/rate-limit.js';

const headers = { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' };
let emulator: EmulatorHandle | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

async function start(options: EmulatorOptions): Promise<EmulatorHandle> {
  emulator = await startEmulator(options);
  return emulator;
}

const countStatuses = (statuses: number[]) =>
  statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

describe('RateLimiter (one-second windows)', () => {
  it('allows 25 writes and 100 reads per second, then throttles until the next second', () => {
    let now = 1_700_000_000_250;
    const limiter = new RateLimiter({ readsPerSecond: 100, writesPerSecond: 25 }, () => now);
    const writes = Array.from({ length: 30 }, () => limiter.take('write').allowed);
    expect(writes.filter(Boolean)).toHaveLength(25);
    const reads = Array.from({ length: 120 }, () => limiter.take('read').allowed);
    expect(reads.filter(Boolean)).toHaveLength(100);
    expect(limiter.take('write')).toEqual({ allowed: false, retryAt: new Date(1_700_000_001_000) });
    now = 1_700_000_001_000;
    expect(limiter.take('write').allowed).toBe(true);
  });
});

describe('rate limiting over HTTP', () => {
  // A clock that stands still inside one second: the windows are the limiter's, not the machine's load.
  const frozenAt = (ms: number) => {
    const clock = { now: ms };
    return { clock, now: () => clock.now };
  };

  it('answers 429 rate_limit_error with an HTTP-date Retry-After once the read budget is spent', async () => {
    const { clock, now } = frozenAt(1_700_000_000_400);
    const { url } = await start({ rateLimit: { readsPerSecond: 5, writesPerSecond: 100 }, now });
    const responses = await Promise.all(Array.from({ length: 40 }, () => fetch(`${url}/v2/objects`, { headers })));
    expect(countStatuses(responses.map((r) => r.status))).toEqual({ 200: 5, 429: 35 });
    const throttled = responses.find((r) => r.status === 429);
    expect(await throttled?.json()).toEqual({
      status_code: 429,
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
      message: expect.any(String),
    });
    expect(throttled?.headers.get('retry-after')).toBe(new Date(1_700_000_001_000).toUTCString());
    clock.now = 1_700_000_001_000;
    expect((await fetch(`${url}/v2/objects`, { headers })).status).toBe(200);
  });

  it('does not process throttled writes', async () => {
    const { now } = frozenAt(1_700_000_000_000);
    const { url, requests } = await start({ rateLimit: { readsPerSecond: 100, writesPerSecond: 3 }, now });
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        fetch(`${url}/v2/objects/companies/records`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ data: { values: { domains: [`c${i}.test`] } } }),
        }),
      ),
    );
    expect(responses.filter((r) => r.status === 200)).toHaveLength(3);
    const all = await fetch(`${url}/v2/objects/companies/records/query`, { method: 'POST', headers, body: '{}' });
    expect(((await all.json()) as { data: unknown[] }).data).toHaveLength(3);
    expect(requests.filter((r) => r.write)).toHaveLength(30);
  });

  it('counts the query endpoints as reads, not writes', async () => {
    const { now } = frozenAt(1_700_000_000_000);
    const { url, requests } = await start({ rateLimit: { readsPerSecond: 100, writesPerSecond: 1 }, now });
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${url}/v2/objects/people/records/query`, { method: 'POST', headers, body: '{}' }),
      ),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(requests.every((r) => !r.write)).toBe(true);
  });

  it('applies Attio limits with rateLimit: true and none by default', async () => {
    const { now } = frozenAt(1_700_000_000_000);
    const burst = (url: string) =>
      Promise.all(
        Array.from({ length: 80 }, (_, i) =>
          fetch(`${url}/v2/objects/companies/records`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ data: { values: { domains: [`d${i}.test`] } } }),
          }).then((r) => r.status),
        ),
      );
    const limited = await start({ rateLimit: true, now });
    expect(countStatuses(await burst(limited.url))).toEqual({ 200: 25, 429: 55 });
    await limited.close();
    const open = await start({ now });
    expect(countStatuses(await burst(open.url))).toEqual({ 200: 80 });
  });
});
