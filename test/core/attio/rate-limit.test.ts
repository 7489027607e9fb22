import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGotTransport } from '../../../src/core/attio/index.js';
import type { AttioRequest } from '../../../src/core/attio/index.js';

const API = 'https://api.attio.com';
const write: AttioRequest = { method: 'POST', path: '/v2/notes', body: {}, read: false, idempotent: false };
const read: AttioRequest = { method: 'GET', path: '/v2/self', read: true, idempotent: true };

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
});
afterEach(() => {
  vi.useRealTimers();
  nock.cleanAll();
});

/** Lets queued work and nock's replies run without moving the fake clock. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('rate budgets', () => {
  it('starts no more writes in a second than the write budget', async () => {
    let served = 0;
    nock(API)
      .post('/v2/notes')
      .times(12)
      .reply(200, () => {
        served++;
        return {};
      });
    const transport = createGotTransport({ apiUrl: API, apiKey: 'k', writesPerSecond: 5, concurrency: 50 });
    const all = Promise.all(Array.from({ length: 12 }, () => transport.send(write)));
    await settle();
    expect(served).toBe(5);
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(served).toBe(10);
    await vi.advanceTimersByTimeAsync(1000);
    await settle();
    expect(served).toBe(12);
    await all;
  });

  it('keeps reads on their own budget, so writes waiting do not hold reads back', async () => {
    let reads = 0;
    let writes = 0;
    nock(API)
      .post('/v2/notes')
      .times(6)
      .reply(200, () => ({ n: ++writes }))
      .get('/v2/self')
      .times(8)
      .reply(200, () => ({ n: ++reads }));
    const transport = createGotTransport({
      apiUrl: API,
      apiKey: 'k',
      writesPerSecond: 2,
      readsPerSecond: 8,
      concurrency: 50,
    });
    const all = Promise.all([
      ...Array.from({ length: 6 }, () => transport.send(write)),
      ...Array.from({ length: 8 }, () => transport.send(read)),
    ]);
    await settle();
    expect([writes, reads]).toEqual([2, 8]);
    await vi.advanceTimersByTimeAsync(2000);
    await settle();
    expect(writes).toBe(6);
    await all;
  });

  it('caps the requests in flight at the concurrency limit', async () => {
    let inFlight = 0;
    let peak = 0;
    const transport = createGotTransport({ apiUrl: API, apiKey: 'k', concurrency: 3 });
    const inner = nock(API)
      .get('/v2/self')
      .times(9)
      .reply(200, async () => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        await new Promise((resolve) => setImmediate(resolve));
        inFlight--;
        return {};
      });
    await Promise.all(Array.from({ length: 9 }, () => transport.send(read)));
    expect(peak).toBe(3);
    expect(inner.isDone()).toBe(true);
  });
});
