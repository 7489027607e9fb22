/**
 * Attio's rate limit inside Segment: a 429 with a short Retry-After (Attio's usual "the next second") is
 * waited out inside the action; a longer one is Segment's retryable 429 at once; and the calls of one
 * process pace their requests per workspace so that a batch does not throttle itself.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Pacer } from '../../../src/destinations/segment/pacer.js';
import { IN_CALL_WAIT_MS } from '../../../src/destinations/segment/transport.js';
import { clearSchemaStores, pacingFor } from '../../../src/destinations/segment/workspace-state.js';
import { EMULATOR_API_KEY, startEmulator } from '../../../src/emulator/index.js';
import {
  ATTIO,
  COMPANY_ID,
  NO_PRODUCT_OBJECTS,
  PERSON_ID,
  SETTINGS,
  actionsCore,
  attioError,
  destination,
  destinationAt,
  echoRecord,
  entryOf,
  recordOf,
  serveEmptyLookups,
  serveMetadata,
} from '../../support/segment.js';

const { createTestEvent, createTestIntegration, defaultValues } = actionsCore;

const signedUp = (email: string, messageId = `m-${email}`) =>
  createTestEvent({
    type: 'track',
    event: 'Signed Up',
    messageId,
    timestamp: '2024-11-04T10:00:00.000Z',
    context: { traits: { email } },
    properties: {},
  });
const throttled = attioError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded');

function companyAnswers(...replies: Array<[number, object, Record<string, string>?]>) {
  const scope = nock(ATTIO);
  for (const [status, body, headers] of replies)
    scope.put('/v2/objects/companies/records').query(true).reply(status, body, headers);
  return scope;
}

function restOfSignup() {
  return nock(ATTIO)
    .put('/v2/objects/people/records')
    .query(true)
    .reply(200, echoRecord('people', PERSON_ID))
    .put('/v2/lists/active_trials/entries')
    .reply(200, entryOf('active_trials', PERSON_ID));
}

// A fresh harness per call: it keeps the responses of a call that threw.
const signup = (email = 'ada@acme.dev') =>
  createTestIntegration(destination).testAction('signup', {
    event: signedUp(email),
    settings: SETTINGS,
    mapping: NO_PRODUCT_OBJECTS,
    useDefaultMappings: true,
  });
/** The writes a call sent, with their answers (the workspace metadata and records it read first left out). */
const writes = (responses: Array<{ url: string; status: number; options: { method?: string } }>) =>
  responses
    .filter((r) => r.options.method !== 'GET' && !r.url.endsWith('/query'))
    .map((r) => `${r.options.method} ${new URL(r.url).pathname} ${r.status}`);
const SIGNUP_AFTER_RETRY = (first: number) => [
  `PUT /v2/objects/companies/records ${first}`,
  'PUT /v2/objects/companies/records 200',
  'PUT /v2/objects/people/records 200',
  'PUT /v2/lists/active_trials/entries 200',
];

describe('a 429 inside one Segment call', () => {
  beforeEach(async () => {
    clearSchemaStores();
    await serveMetadata();
    serveEmptyLookups();
  });
  afterEach(() => nock.cleanAll());

  it('with a one-second Retry-After is waited out: the action succeeds, the request sent twice', async () => {
    const company = companyAnswers([429, throttled, { 'retry-after': '1' }], [200, recordOf('companies', COMPANY_ID)]);
    restOfSignup();
    expect(writes(await signup())).toEqual(SIGNUP_AFTER_RETRY(429));
    expect(company.isDone()).toBe(true);
  });

  it('with Retry-After as Attio sends it (the HTTP date of the next second) is waited out too', async () => {
    const nextSecond = new Date(Math.ceil((Date.now() + 1) / 1000) * 1000).toUTCString();
    companyAnswers([429, throttled, { 'retry-after': nextSecond }], [200, recordOf('companies', COMPANY_ID)]);
    restOfSignup();
    expect(writes(await signup())).toEqual(SIGNUP_AFTER_RETRY(429));
  });

  it(`with a Retry-After beyond ${IN_CALL_WAIT_MS / 1000} s is Segment’s retryable 429 at once, without waiting`, async () => {
    const company = companyAnswers([429, throttled, { 'retry-after': '5' }]);
    const error = await signup().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'RetryableError', status: 429 });
    expect(company.isDone()).toBe(true);
    expect(nock.pendingMocks().filter((mock) => mock.includes('companies/records'))).toEqual([]);
  });

  it('after the waits inside the call add up to the limit, the next one goes back to Segment', async () => {
    companyAnswers(
      [429, throttled, { 'retry-after': '1' }],
      [429, throttled, { 'retry-after': '1' }],
      [429, throttled, { 'retry-after': '1' }],
    );
    await expect(signup()).rejects.toMatchObject({ name: 'RetryableError', status: 429 });
  });

  it('a brief 503 on a request that is safe to repeat is retried inside the call', async () => {
    companyAnswers(
      [503, attioError(503, 'server_error', 'unavailable', 'Unavailable')],
      [200, recordOf('companies', COMPANY_ID)],
    );
    restOfSignup();
    expect(writes(await signup())).toEqual(SIGNUP_AFTER_RETRY(503));
  });
});

describe('pacing', () => {
  const clock = () => {
    let now = 1_000_000;
    return { now: () => now, sleep: async (ms: number) => void (now += ms), advance: (ms: number) => void (now += ms) };
  };

  it('spaces turns evenly at the budget, less a margin: 25 writes/s is a turn every 41 ms, never 26 in a second', () => {
    const time = clock();
    const pacer = new Pacer(25, time);
    const waits = Array.from({ length: 30 }, () => pacer.book(10_000) ?? -1);
    expect(waits.slice(0, 3).map(Math.round)).toEqual([0, 41, 82]);
    const turns = waits.map((wait) => time.now() + wait);
    for (const start of turns)
      expect(turns.filter((turn) => turn >= start && turn < start + 1000).length).toBeLessThanOrEqual(25);
  });

  it('books no turn further away than the caller waits', () => {
    const time = clock();
    const pacer = new Pacer(10, time);
    for (let i = 0; i < 5; i++) pacer.book(1_000);
    expect(pacer.book(100)).toBeUndefined();
    expect(pacer.book(1_000)).toBeCloseTo(512.8, 0);
    time.advance(5_000);
    expect(pacer.book(0)).toBe(0);
  });

  it('is one budget per workspace, shared by every call and destination of the process', () => {
    const budget = { readsPerSecond: 100, writesPerSecond: 25 };
    const a = pacingFor('https://api.attio.com', 'key-a', budget);
    expect(pacingFor('https://api.attio.com', 'key-a', budget)).toBe(a);
    expect(pacingFor('https://api.attio.com', 'key-b', budget)).not.toBe(a);
    expect(a.reads).not.toBe(a.writes);
  });

  it('keeps a batch of signups from throttling itself against Attio’s 25 writes/s (the emulator’s limit on)', async () => {
    const emulator = await startEmulator({ seed: 'plg-demo', rateLimit: true });
    try {
      const onEmulator = createTestIntegration(destinationAt(emulator.url));
      const events = Array.from({ length: 30 }, (_, i) => signedUp(`p${i}@paced${i}.io`));
      const mapping = { ...defaultValues(destination.actions.signup?.fields ?? {}), ...NO_PRODUCT_OBJECTS };
      const results = await onEmulator.executeBatch('signup', {
        events,
        settings: { apiKey: EMULATOR_API_KEY },
        mapping,
      });
      expect(results.map((r) => r.status)).toEqual(events.map(() => 200));
      expect(emulator.requests.filter((r) => r.write && r.status === 200)).toHaveLength(90);
      expect(emulator.requests.filter((r) => r.status === 429)).toEqual([]);
    } finally {
      await emulator.close();
    }
  }, 30_000);
});
