import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { AttioClient, AttioError, createAttioConnection, withRetries } from '../../../src/core/attio/index.js';
import type { AttioRequest, Transport } from '../../../src/core/attio/index.js';
import * as f from './fixtures.js';
import { OPERATIONS } from './operations.js';

const API = 'https://api.attio.com';
const KEY = 'test-secret-key-123';

function client(): AttioClient {
  return createAttioConnection({ apiUrl: API, apiKey: KEY, retry: { maxAttempts: 1 } }).client;
}

afterEach(() => {
  nock.cleanAll();
});

describe('every operation sends exactly the request Attio expects', () => {
  for (const op of OPERATIONS) {
    it(`${op.name}: ${op.method} ${op.path}`, async () => {
      const scope = nock(API, { reqheaders: { authorization: `Bearer ${KEY}`, accept: 'application/json' } })
        .intercept(op.path, op.method, op.body as nock.RequestBodyMatcher | undefined)
        .query(op.query ?? {})
        .reply(200, op.reply as nock.Body);
      await expect(op.call(client())).resolves.toBeDefined();
      expect(scope.isDone()).toBe(true);
    });
  }
});

describe('responses are parsed at the boundary', () => {
  it('returns the data of a record', async () => {
    nock(API).get(`/v2/objects/people/records/${f.PERSON_ID}`).reply(200, { data: f.record });
    const record = await client().getRecord('people', f.PERSON_ID);
    expect(record).toEqual({ id: f.record.id, created_at: f.CREATED_AT, web_url: f.record.web_url, values: {} });
  });

  it('rejects a response of the wrong shape with a non-retryable AttioError', async () => {
    nock(API)
      .get('/v2/lists')
      .reply(200, { data: [{ api_slug: 42 }] });
    const error = await client()
      .listLists()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AttioError);
    expect((error as AttioError).code).toBe('unexpected_response');
    expect((error as AttioError).retryable).toBe(false);
  });

  it("carries Attio's error body on a 400", async () => {
    nock(API)
      .put('/v2/objects/deals/records/x')
      .reply(400, {
        status_code: 400,
        type: 'invalid_request_error',
        code: 'value_not_found',
        message: 'Cannot find Status with title "Nope".',
      });
    const error = (await client()
      .updateRecord('deals', 'x', { stage: ['Nope'] }, 'overwrite')
      .catch((e: unknown) => e)) as AttioError;
    expect({ status: error.status, type: error.type, code: error.code, retryable: error.retryable }).toEqual({
      status: 400,
      type: 'invalid_request_error',
      code: 'value_not_found',
      retryable: false,
    });
    expect(error.message).toBe(
      'Attio PUT /v2/objects/deals/records/x failed (400 value_not_found): Cannot find Status with title "Nope".',
    );
  });

  it('marks 401 as an authentication failure', async () => {
    nock(API)
      .get('/v2/self')
      .reply(401, { status_code: 401, type: 'auth_error', code: 'invalid_token', message: 'Bad token' });
    const error = (await client()
      .getSelf()
      .catch((e: unknown) => e)) as AttioError;
    expect([error.authFailure, error.retryable]).toEqual([true, false]);
  });
});

describe('pagination', () => {
  it('queryAllRecords walks limit/offset until a short page', async () => {
    const page = (n: number) => Array.from({ length: n }, () => f.record);
    nock(API)
      .post('/v2/objects/people/records/query', { filter: { plan_type: 'pro' }, limit: 2, offset: 0 })
      .reply(200, { data: page(2) })
      .post('/v2/objects/people/records/query', { filter: { plan_type: 'pro' }, limit: 2, offset: 2 })
      .reply(200, { data: page(2) })
      .post('/v2/objects/people/records/query', { filter: { plan_type: 'pro' }, limit: 2, offset: 4 })
      .reply(200, { data: page(1) });
    const seen = [];
    for await (const r of client().queryAllRecords('people', { filter: { plan_type: 'pro' } }, 2)) seen.push(r);
    expect(seen).toHaveLength(5);
    expect(nock.isDone()).toBe(true);
  });

  it('listAllNotes pages by 50, the most Attio allows', async () => {
    const fifty = Array.from({ length: 50 }, () => f.note);
    nock(API)
      .get('/v2/notes')
      .query({ parent_object: 'people', parent_record_id: f.PERSON_ID, limit: '50', offset: '0' })
      .reply(200, { data: fifty })
      .get('/v2/notes')
      .query({ parent_object: 'people', parent_record_id: f.PERSON_ID, limit: '50', offset: '50' })
      .reply(200, { data: [] });
    let count = 0;
    for await (const _ of client().listAllNotes('people', f.PERSON_ID)) count++;
    expect(count).toBe(50);
  });
});

describe('the client works over any transport', () => {
  it('marks reads, writes and idempotency on each request', async () => {
    const sent: AttioRequest[] = [];
    const recording: Transport = {
      async send(request) {
        sent.push(request);
        const op = OPERATIONS.find((o) => o.method === request.method && o.path === request.path);
        return { status: 200, headers: {}, body: op?.reply };
      },
    };
    const c = new AttioClient(withRetries(recording));
    for (const op of OPERATIONS) await op.call(c);
    expect(sent.map((r) => [r.method, r.path, r.read])).toEqual(OPERATIONS.map((o) => [o.method, o.path, o.read]));
    expect(sent.filter((r) => !r.idempotent).map((r) => `${r.method} ${r.path}`)).toEqual([
      // Setup's creates: a repeat would answer 409, so the transport never repeats them.
      'POST /v2/objects/people/attributes',
      'POST /v2/lists/active_trials/attributes',
      'POST /v2/objects/people/attributes/pql_tier/options',
      'POST /v2/objects/deals/attributes/stage/statuses',
      'POST /v2/lists',
      'POST /v2/objects/deals/records',
      'POST /v2/lists/active_trials/entries',
      'POST /v2/notes',
      'POST /v2/tasks',
      // A second create would make a second webhook: setup lists the webhooks before it creates one.
      'POST /v2/webhooks',
    ]);
    expect(c.requestCount).toBe(OPERATIONS.length);
  });
});
