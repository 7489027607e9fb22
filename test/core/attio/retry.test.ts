import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { AttioClient, type AttioError, createGotTransport, withRetries } from '../../../src/core/attio/index.js';
import type { RetryClock, RetryPolicy } from '../../../src/core/attio/index.js';
import * as f from './fixtures.js';

const API = 'https://api.attio.com';
const NOW = Date.parse('2024-12-16T10:00:00.000Z');

/** A clock that never really waits: it records each requested sleep and moves time forward by it. */
function fakeClock(): RetryClock & { sleeps: number[] } {
  let now = NOW;
  const sleeps: number[] = [];
  return {
    sleeps,
    async sleep(ms) {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
    now: () => now,
  };
}

function stack(policy: Partial<RetryPolicy> = {}, timeoutMs = 2_000) {
  const clock = fakeClock();
  const transport = withRetries(createGotTransport({ apiUrl: API, apiKey: 'k', timeoutMs }), policy, clock);
  return { client: new AttioClient(transport), clock, stats: transport.stats };
}

const throttled = {
  status_code: 429,
  type: 'rate_limit_error',
  code: 'rate_limit_exceeded',
  message: 'Rate limit exceeded, please try again later',
};

afterEach(() => {
  nock.cleanAll();
});

describe('retries', () => {
  it('waits for an HTTP-date Retry-After on 429, then succeeds', async () => {
    const { client, clock, stats } = stack();
    nock(API)
      .get('/v2/self')
      .reply(429, throttled, { 'Retry-After': new Date(NOW + 1000).toUTCString() })
      .get('/v2/self')
      .reply(200, f.self);
    await expect(client.getSelf()).resolves.toMatchObject({ active: true });
    expect(clock.sleeps).toEqual([1000]);
    expect(stats).toEqual({ attempts: 2, retries: 1, throttled: 1 });
  });

  it('retries a 429 even for a create, because Attio did not process it', async () => {
    const { client, clock } = stack();
    nock(API)
      .post('/v2/notes')
      .reply(429, throttled, { 'Retry-After': '2' })
      .post('/v2/notes')
      .reply(200, { data: f.note });
    await expect(
      client.createNote({ parentObject: 'people', parentRecordId: f.PERSON_ID, title: 't', content: 'c' }),
    ).resolves.toBeDefined();
    expect(clock.sleeps).toEqual([2000]);
  });

  it('backs off after a 503 and succeeds', async () => {
    const { client, clock } = stack({ baseDelayMs: 200 });
    nock(API)
      .get('/v2/lists')
      .reply(503, 'unavailable')
      .get('/v2/lists')
      .reply(200, { data: [f.list] });
    await expect(client.listLists()).resolves.toHaveLength(1);
    // full jitter: random() 0.5 of the first ceiling (200 ms)
    expect(clock.sleeps).toEqual([100]);
  });

  it('backs off after a connection reset and succeeds', async () => {
    // A real socket reset from a local server: the first request's connection is destroyed unanswered.
    let requests = 0;
    const server = createServer((req, res) => {
      requests++;
      if (requests === 1) {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: f.record }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const clock = fakeClock();
    const transport = withRetries(
      createGotTransport({ apiUrl: `http://127.0.0.1:${port}`, apiKey: 'k' }),
      { baseDelayMs: 200 },
      clock,
    );
    try {
      await expect(
        new AttioClient(transport).assertRecord('people', 'email_addresses', { email_addresses: ['a@b.co'] }),
      ).resolves.toBeDefined();
      expect(requests).toBe(2);
      expect(clock.sleeps).toEqual([100]);
    } finally {
      server.close();
    }
  });

  it('treats a timeout as retryable and retries idempotent requests', async () => {
    const { client, stats } = stack({ baseDelayMs: 1 }, 50);
    nock(API)
      .get('/v2/lists')
      .delay(500)
      .reply(200, { data: [] })
      .get('/v2/lists')
      .reply(200, { data: [f.list] });
    await expect(client.listLists()).resolves.toHaveLength(1);
    expect(stats.retries).toBe(1);
  });

  it('does not retry a 400', async () => {
    const { client, stats } = stack();
    nock(API)
      .put('/v2/lists/pql_queue/entries')
      .reply(400, {
        status_code: 400,
        type: 'invalid_request_error',
        code: 'multiple_match_results',
        message: 'Multiple entries match',
      });
    const error = (await client
      .assertEntry('pql_queue', { parentObject: 'people', parentRecordId: f.PERSON_ID })
      .catch((e: unknown) => e)) as AttioError;
    expect([error.status, error.code, error.retryable]).toEqual([400, 'multiple_match_results', false]);
    expect(stats.attempts).toBe(1);
  });

  it('does not resend a create after a 502: the write may have happened, the workflow re-checks instead', async () => {
    const { client, stats } = stack();
    nock(API).post('/v2/tasks').reply(502, 'bad gateway');
    const error = (await client
      .createTask({ content: 'c', deadlineAt: null, linkedRecords: [], assignees: [] })
      .catch((e: unknown) => e)) as AttioError;
    expect([error.status, error.retryable]).toEqual([502, true]);
    expect(stats.attempts).toBe(1);
  });

  it('stops at the attempt cap and reports the last error as retryable', async () => {
    const { client, clock, stats } = stack({ maxAttempts: 3, baseDelayMs: 100 });
    nock(API)
      .get('/v2/self')
      .times(3)
      .reply(500, { status_code: 500, type: 'api_error', code: 'internal', message: 'boom' });
    const error = (await client.getSelf().catch((e: unknown) => e)) as AttioError;
    expect([error.status, error.retryable]).toEqual([500, true]);
    expect(stats.attempts).toBe(3);
    expect(clock.sleeps).toEqual([50, 100]);
    expect(nock.isDone()).toBe(true);
  });

  it('gives up rather than wait past the total wait cap', async () => {
    const { client, stats } = stack({ maxTotalWaitMs: 5_000 });
    nock(API).get('/v2/self').reply(429, throttled, { 'Retry-After': '10' });
    const error = (await client.getSelf().catch((e: unknown) => e)) as AttioError;
    expect([error.throttled, error.retryAfterMs]).toEqual([true, 10_000]);
    expect(stats.attempts).toBe(1);
  });
});
