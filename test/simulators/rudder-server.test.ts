/**
 * The CLI's model of rudder-server's router, driven by a scripted transformer and a destination served by
 * nock: what it sends, when it stops, how each status ends a job, and the per-user ordering barrier — the
 * behaviour of router/worker.go that a destination's output has to be designed for.
 */
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { RudderRouter, rudderUserId, type RouterTiming } from '../../src/simulators/rudder-server/router.js';
import type { RouterTransformRequest } from '../../src/simulators/rudder-transformer.js';

const DEST = 'https://dest.example';
const timing: RouterTiming = {
  minRetryBackoffMs: 1,
  maxRetryBackoffMs: 4,
  retryTimeWindowMs: 60_000,
  maxFailedCountForJob: 3,
  jobRetentionMs: 60_000,
  deliveryTimeoutMs: 1_000,
};
const destination = { ID: 'dest-1', WorkspaceID: 'ws-1', Config: {} };
/** One worker taking whole batches, so a test sees every job of a pickup in one transform request. */
const oneWorker = { workers: 1, jobsPerBatch: 100 };

interface Sent {
  method: string;
  path: string;
  headers: Record<string, unknown>;
  body: unknown;
}

/** The destination: answers each request with the next scripted status for its path (default 200) and logs it. */
function serveDestination(statuses: Record<string, number[]> = {}): Sent[] {
  const sent: Sent[] = [];
  const scope = nock(DEST).persist();
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
    scope.intercept(/.*/, method).reply(function (uri, body) {
      const path = uri.split('?')[0] ?? uri;
      sent.push({ method: this.req.method, path: uri, headers: this.req.headers, body });
      const status = statuses[path]?.shift() ?? 200;
      return [status, { ok: status < 300 }, { 'content-type': 'application/json' }];
    });
  }
  return sent;
}

const request = (path: string, body: Record<string, unknown> = { data: { path } }, method = 'PUT') => ({
  version: '1',
  type: 'REST',
  method,
  endpoint: `${DEST}${path}`,
  endpointPath: path,
  headers: { Authorization: 'Bearer secret-token', 'Content-Type': 'application/json', Accept: 'application/json' },
  params: {},
  body: { JSON: body, JSON_ARRAY: {}, XML: {}, FORM: {} },
  files: {},
});

type Input = RouterTransformRequest['input'][number];
type Entry = Record<string, unknown>;
const entry = (input: Input, statusCode: number, extra: Entry = {}): Entry => ({
  metadata: [input.metadata],
  destination: input.destination,
  batched: false,
  statusCode,
  ...extra,
});

/** A transformer that answers each input with `answer(input, call)` and records every request it got. */
function scriptedTransformer(answer: (input: Input, call: number) => Entry) {
  const requests: RouterTransformRequest[] = [];
  return {
    requests,
    transformer: async (request: RouterTransformRequest) => {
      requests.push(structuredClone(request));
      return { output: request.input.map((input) => answer(input, requests.length)) };
    },
  };
}

const event = (user: string, name: string) => ({
  type: 'track',
  event: name,
  userId: user,
  messageId: `${user}-${name}`,
});
const nameOf = (input: Input) => (input.message as { event: string }).event;
const jobsIn = (requests: RouterTransformRequest[]) =>
  requests.map((r) => r.input.map((i) => `${nameOf(i)}#${String(i.metadata['attemptNum'])}`));

afterEach(() => {
  nock.cleanAll();
});

describe('rudder-server router model: delivering a 200 entry', () => {
  it('sends its requests in order, as given, adding only User-Agent: RudderLabs; params join the endpoint’s query', async () => {
    const sent = serveDestination();
    const withQuery = {
      ...request('/v2/objects/people/records'),
      params: { matching_attribute: 'email_addresses', tags: ['a', 'b'], filter: { a: 1 } },
    };
    const { transformer } = scriptedTransformer((input) =>
      entry(input, 200, {
        batchedRequest: [withQuery, request('/v2/lists/trials/entries', { data: { n: 1 } }, 'PATCH')],
      }),
    );
    let attempts = 0;
    const onAttempt = () => void attempts++;
    const [outcome] = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
      onAttempt,
    }).route([event('u1', 'Signed Up')]);
    // Reported per request sent, so a replay's summary can count what rudder-server delivered.
    expect(attempts).toBe(2);

    expect(outcome).toMatchObject({ state: 'succeeded', statusCode: 200, attempts: 1 });
    expect(sent.map((s) => [s.method, s.path, s.body])).toEqual([
      [
        'PUT',
        '/v2/objects/people/records?matching_attribute=email_addresses&tags=%5Ba+b%5D&filter=%7B%22a%22%3A1%7D',
        { data: { path: '/v2/objects/people/records' } },
      ],
      ['PATCH', '/v2/lists/trials/entries', { data: { n: 1 } }],
    ]);
    expect(sent[0]?.headers).toMatchObject({
      authorization: 'Bearer secret-token',
      'content-type': 'application/json',
      accept: 'application/json',
      'user-agent': 'RudderLabs',
    });
  });

  it('stops at the first request that fails: a 4xx aborts the job, the later requests are never sent, the earlier stay applied', async () => {
    const sent = serveDestination({ '/two': [400] });
    const { transformer, requests } = scriptedTransformer((input) =>
      entry(input, 200, { batchedRequest: [request('/one'), request('/two'), request('/three')] }),
    );
    const [outcome] = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
    }).route([event('u1', 'Signed Up')]);

    expect(outcome).toMatchObject({ state: 'aborted', statusCode: 400, attempts: 1 });
    expect(outcome?.reason).toContain('{"ok":false}');
    expect(sent.map((s) => s.path)).toEqual(['/one', '/two']);
    expect(requests).toHaveLength(1);
  });

  it('a 5xx, 429 or dropped connection fails the job: it is transformed again (attemptNum grows) and every request sent again', async () => {
    const sent = serveDestination({ '/two': [503, 429] });
    const { transformer, requests } = scriptedTransformer((input) =>
      entry(input, 200, { batchedRequest: [request('/one'), request('/two')] }),
    );
    const [outcome] = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
    }).route([event('u1', 'Signed Up')]);

    expect(outcome).toMatchObject({ state: 'succeeded', attempts: 3 });
    expect(jobsIn(requests)).toEqual([['Signed Up#0'], ['Signed Up#1'], ['Signed Up#2']]);
    expect(sent.map((s) => s.path)).toEqual(['/one', '/two', '/one', '/two', '/one', '/two']);
  });

  it('no answer from the destination is a 504, retried', async () => {
    const sent = serveDestination();
    const unreachable = { ...request('/one'), endpoint: 'http://127.0.0.1:1/one' };
    const { transformer } = scriptedTransformer((input, call) =>
      entry(input, 200, { batchedRequest: [call === 1 ? unreachable : request('/one')] }),
    );
    const [outcome] = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
    }).route([event('u1', 'Signed Up')]);
    expect(outcome).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(sent).toHaveLength(1);
  });

  it('treats a request that is not REST as sent and succeeded, and an empty batchedRequest as never done (retried until the job expires)', async () => {
    const sent = serveDestination();
    const { transformer } = scriptedTransformer((input) =>
      entry(input, 200, { batchedRequest: nameOf(input) === 'A' ? [{ ...request('/x'), type: 'GRAPHQL' }] : [] }),
    );
    const outcomes = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      concurrency: oneWorker,
      timing: { ...timing, jobRetentionMs: 30 },
    }).route([event('u1', 'A'), event('u2', 'B')]);
    expect(outcomes.map((o) => [o.state, o.statusCode])).toEqual([
      ['succeeded', 200],
      ['aborted', 410],
    ]);
    expect(outcomes[1]?.reason).toMatch(/^job expired: .*batchedRequest is empty/);
    expect(sent).toEqual([]);
  });

  it('headers that are not strings cannot be read by rudder-server (599, retried)', async () => {
    serveDestination();
    const { transformer, requests } = scriptedTransformer((input, call) =>
      entry(input, 200, { batchedRequest: [{ ...request('/x'), headers: call === 1 ? { 'X-Count': 1 } : {} }] }),
    );
    const [outcome] = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
    }).route([event('u1', 'A')]);
    expect(outcome).toMatchObject({ state: 'succeeded', attempts: 2 });
    expect(requests).toHaveLength(2);
  });
});

describe('rudder-server router model: transformer statuses', () => {
  it('298 is filtered and 299 succeeded, neither sent; other 4xx aborted; 429 and 5xx retried', async () => {
    const sent = serveDestination();
    const tags = { errorCategory: 'dataValidation', errorType: 'instrumentation' };
    const { transformer, requests } = scriptedTransformer((input, call) => {
      const name = nameOf(input);
      if (name === 'ignored')
        return entry(input, 298, { batchedRequest: [request('/never')], error: 'not in the tracking plan' });
      if (name === 'handled') return entry(input, 299, { batchedRequest: [request('/performed')] });
      if (name === 'invalid')
        return entry(input, 400, { error: 'traits.email: must be a valid email address', statTags: tags });
      return call < 3
        ? entry(input, name === 'throttled' ? 429 : 500, { error: 'try later', statTags: { errorType: 'retryable' } })
        : entry(input, 299, { batchedRequest: [request('/performed')] });
    });
    const outcomes = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
    }).route(['ignored', 'handled', 'invalid', 'throttled', 'down'].map((name) => event(name, name)));

    expect(outcomes.map((o) => [o.state, o.statusCode, o.attempts])).toEqual([
      ['filtered', 298, 1],
      ['succeeded', 299, 1],
      ['aborted', 400, 1],
      ['succeeded', 299, 3],
      ['succeeded', 299, 3],
    ]);
    expect(outcomes[2]).toMatchObject({
      reason: 'traits.email: must be a valid email address',
      errorType: 'instrumentation',
    });
    expect(outcomes[0]?.reason).toBe('not in the tracking plan');
    expect(sent).toEqual([]);
    expect(jobsIn(requests)).toEqual([
      ['ignored#0', 'handled#0', 'invalid#0', 'throttled#0', 'down#0'],
      ['throttled#1', 'down#1'],
      ['throttled#2', 'down#2'],
    ]);
  });

  it('a 5xx job is aborted once it failed maxFailedCountForJob times after retryTimeWindow; 429 jobs only when they expire', async () => {
    const { transformer } = scriptedTransformer((input) =>
      entry(input, nameOf(input) === 'down' ? 503 : 429, { error: 'unavailable' }),
    );
    const router = new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      concurrency: oneWorker,
      timing: { ...timing, retryTimeWindowMs: 0, maxFailedCountForJob: 2, jobRetentionMs: 40 },
    });
    const [down, throttled] = await router.route([event('u1', 'down'), event('u2', 'throttled')]);
    expect(down).toMatchObject({
      state: 'aborted',
      statusCode: 410,
      attempts: 2,
      reason: 'retry limit reached after 2 attempts (unavailable)',
    });
    expect(throttled).toMatchObject({ state: 'aborted', statusCode: 410 });
    expect(throttled?.attempts).toBeGreaterThan(2);
    expect(throttled?.reason).toMatch(/^job expired/);
  });

  it('rejects an answer that loses a job, repeats one or names an unknown one: every job of the request is retried', async () => {
    const answers: Array<(request: RouterTransformRequest) => unknown[]> = [
      (r) => r.input.slice(1).map((i) => entry(i, 299, { batchedRequest: [request('/x')] })),
      (r) =>
        r.input.map((i) => ({
          ...entry(i, 299, { batchedRequest: [request('/x')] }),
          metadata: [r.input[0]?.metadata],
        })),
      (r) =>
        r.input.map((i) => ({
          ...entry(i, 299, { batchedRequest: [request('/x')] }),
          metadata: [{ ...i.metadata, jobId: 999 }],
        })),
      (r) => r.input.map((i) => entry(i, 500, { error: 'x', statTags: { attempt: 1 } })),
      (r) => r.input.map((i) => entry(i, 299, { batchedRequest: [request('/x')] })),
    ];
    let calls = 0;
    const router = new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer: async (r) => ({ output: answers[calls++]?.(r) ?? [] }),
      timing,
      concurrency: oneWorker,
    });
    const outcomes = await router.route([event('u1', 'A'), event('u2', 'B')]);
    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([
      ['succeeded', 5],
      ['succeeded', 5],
    ]);
    expect(router.contractViolations).toEqual([
      'in out mismatch: 2 jobs in, 1 job ids out',
      'job id 1 is in more than one entry',
      'job id 999 was not in the input',
      'output[0].statTags is not a map of strings',
    ]);
  });
});

describe('rudder-server router model: one user’s order', () => {
  it('in a batch, a failed job’s later 200 entries of the same user are not sent and wait; its 298/299 and 4xx entries end at once; other users go on', async () => {
    const sent = serveDestination({ '/a1': [503] });
    const { transformer, requests } = scriptedTransformer((input) => {
      const name = nameOf(input);
      if (name === 'a3') return entry(input, 299, { batchedRequest: [request('/performed')] });
      if (name === 'a4') return entry(input, 400, { error: 'bad', statTags: { errorType: 'instrumentation' } });
      return entry(input, 200, { batchedRequest: [request(`/${name}`)] });
    });
    const outcomes = await new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: oneWorker,
    }).route([
      event('a', 'a1'),
      event('a', 'a2'),
      event('a', 'a3'),
      event('a', 'a4'),
      event('b', 'b1'),
      event('a', 'a5'),
    ]);

    expect(outcomes.map((o) => [o.state, o.attempts])).toEqual([
      ['succeeded', 2],
      ['succeeded', 1],
      ['succeeded', 1],
      ['aborted', 1],
      ['succeeded', 1],
      ['succeeded', 1],
    ]);
    // The failed job is retried alone; its followers are transformed only after it succeeded.
    expect(jobsIn(requests)).toEqual([['a1#0', 'a2#0', 'a3#0', 'a4#0', 'b1#0', 'a5#0'], ['a1#1'], ['a2#0', 'a5#0']]);
    expect(sent.map((s) => s.path)).toEqual(['/a1', '/b1', '/a1', '/a2', '/a5']);
  });

  it('after a failed job is aborted, the user’s next jobs go one at a time until one succeeds (the drain limiter)', async () => {
    serveDestination();
    const { transformer, requests } = scriptedTransformer((input) =>
      nameOf(input) === 'a1'
        ? entry(input, 503, { error: 'down' })
        : entry(input, 200, { batchedRequest: [request(`/${nameOf(input)}`)] }),
    );
    const router = new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      concurrency: oneWorker,
      timing: { ...timing, retryTimeWindowMs: 0, maxFailedCountForJob: 2 },
    });
    const outcomes = await router.route([event('a', 'a1'), event('a', 'a2'), event('a', 'a3'), event('a', 'a4')]);
    expect(outcomes.map((o) => o.state)).toEqual(['aborted', 'succeeded', 'succeeded', 'succeeded']);
    expect(jobsIn(requests)).toEqual([['a1#0', 'a2#0', 'a3#0', 'a4#0'], ['a1#1'], ['a2#0'], ['a3#0', 'a4#0']]);
  });

  it('spreads users over the workers in batches of at most jobsPerBatch, each user’s jobs in order; throttles each delivered request', async () => {
    serveDestination();
    const { transformer, requests } = scriptedTransformer((input) =>
      entry(input, 200, { batchedRequest: [request(`/${nameOf(input)}`)] }),
    );
    const throttled: string[] = [];
    const router = new RudderRouter({
      destination,
      destType: 'ATTIO_PLG',
      transformer,
      timing,
      concurrency: { workers: 4, jobsPerBatch: 3 },
      throttle: async (r) => void throttled.push(r.endpointPath ?? ''),
    });
    const events = Array.from({ length: 24 }, (_, i) => event(`u${i % 6}`, `e${i}`));
    const outcomes = await router.route(events);
    expect(outcomes.every((o) => o.state === 'succeeded')).toBe(true);
    expect(Math.max(...requests.map((r) => r.input.length))).toBe(3);
    // Each user's jobs come in jobId order across that worker's batches.
    for (const user of new Set(requests.flatMap((r) => r.input.map((i) => String(i.metadata['userId']))))) {
      const ids = requests.flatMap((r) =>
        r.input.filter((i) => i.metadata['userId'] === user).map((i) => Number(i.metadata['jobId'])),
      );
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    }
    expect(throttled.sort()).toEqual(events.map((e) => `/${e.event}`).sort());
  });

  it('keys users as the gateway does: anonymousId (else userId) and userId', () => {
    expect(rudderUserId({ userId: 'u1', anonymousId: 'anon-1' })).toBe('<<>>anon-1<<>>u1');
    expect(rudderUserId({ userId: 'u1' })).toBe('<<>>u1<<>>u1');
    expect(rudderUserId({ anonymousId: 'anon-1' })).toBe('<<>>anon-1<<>>');
  });

  it('sends rudder-server’s job metadata and the destination with every input', async () => {
    serveDestination();
    const { transformer, requests } = scriptedTransformer((input) =>
      entry(input, 299, { batchedRequest: [request('/x')] }),
    );
    await new RudderRouter({ destination, destType: 'ATTIO_PLG', transformer, timing, concurrency: oneWorker }).route([
      { ...event('u1', 'A'), anonymousId: 'anon-1' },
    ]);
    expect(requests[0]?.destType).toBe('attio_plg');
    expect(requests[0]?.input[0]).toMatchObject({
      destination,
      metadata: {
        jobId: expect.any(Number),
        userId: '<<>>anon-1<<>>u1',
        destinationId: 'dest-1',
        workspaceId: 'ws-1',
        attemptNum: 0,
        transformAt: 'router',
        secret: null,
      },
    });
  });
});
