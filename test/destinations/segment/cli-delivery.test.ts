/**
 * The CLI's Segment path delivers as Segment does: an event that fails for a passing reason is retried with
 * backoff until its retry window closes, the same person's later events wait behind it, and other people's
 * events go on. Attio over nock; the delivery's clock is a test clock, so the backoff costs no real time.
 */
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { segmentDelivery, segmentSetupFor } from '../../../src/cli/segment-delivery.js';
import { CONFIG_DEFAULTS, parseConfig } from '../../../src/core/config/index.js';
import { clearSchemaStores } from '../../../src/destinations/segment/workspace-state.js';
import {
  API_KEY,
  ATTIO,
  COMPANY_ID,
  PERSON_ID,
  attioError,
  echoRecord,
  entryOf,
  recordOf,
  serveEmptyLookups,
  serveMetadata,
} from '../../support/segment.js';

const config = parseConfig(
  { apiKey: API_KEY, productObjects: 'off', salesReps: ['alex.rivera@plg-demo.test'], trialList: 'pql_queue' },
  {},
);

function testClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    options: { now: () => now, sleep: async (ms: number) => void (sleeps.push(ms), (now += ms)), random: () => 1 },
  };
}

const signedUp = (email: string, messageId: string) => ({
  type: 'track',
  event: 'Signed Up',
  messageId,
  userId: `u-${email}`,
  timestamp: '2024-11-04T10:00:00.000Z',
  context: { traits: { email } },
  properties: {},
});

/** Companies asserted, in order, and answered `answer(domain, attempt)`. */
function companies(answer: (domain: string, attempt: number) => [number, object, Record<string, string>?]) {
  const seen: string[] = [];
  nock(ATTIO)
    .persist()
    .put('/v2/objects/companies/records')
    .query(true)
    .reply(function (_uri, body) {
      const domain = String((body as { data: { values: { domains: string[] } } }).data.values.domains[0]);
      seen.push(domain);
      const [status, reply, headers] = answer(domain, seen.filter((d) => d === domain).length);
      return [status, reply, headers ?? {}];
    });
  nock(ATTIO).persist().put('/v2/objects/people/records').query(true).reply(200, echoRecord('people', PERSON_ID));
  nock(ATTIO).persist().put('/v2/lists/pql_queue/entries').reply(200, entryOf('pql_queue', PERSON_ID));
  return seen;
}

const throttledFor = (seconds: number): [number, object, Record<string, string>] => [
  429,
  attioError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded'),
  { 'retry-after': String(seconds) },
];

describe('the CLI’s Segment delivery', () => {
  beforeEach(async () => {
    clearSchemaStores();
    await serveMetadata();
    serveEmptyLookups();
  });
  afterEach(() => nock.cleanAll());

  it('sets the destination up as the CLI configuration says: the settings, and each preset’s configuration fields', () => {
    const { settings, subscriptions } = segmentSetupFor(config);
    expect(settings).toEqual({ apiKey: API_KEY });
    const signup = subscriptions.find((s) => s.partnerAction === 'signup');
    expect(signup?.mapping).toMatchObject({
      trial_list: 'pql_queue',
      product_objects: 'off',
      personal_domains: 'skip-company',
      strict: false,
    });
    const pql = subscriptions.find((s) => s.partnerAction === 'updatePqlScore');
    expect(pql?.mapping).toMatchObject({
      sales_reps: ['alex.rivera@plg-demo.test'],
      pql_threshold: CONFIG_DEFAULTS.pqlThreshold,
      scoring_model: CONFIG_DEFAULTS.scoringModel.signals,
    });
    expect(pql?.mapping).not.toHaveProperty('trial_list');
  });

  it('retries a throttled event with backoff until it is applied, then delivers the person’s later events', async () => {
    const seen = companies((domain, attempt) =>
      domain === 'acme.dev' && attempt <= 2 ? throttledFor(60) : [200, recordOf('companies', COMPANY_ID)],
    );
    const clock = testClock();
    const delivery = segmentDelivery(config, { ...clock.options, concurrency: 1 });
    const results = await delivery.deliver([
      signedUp('ada@acme.dev', 'a-1'),
      signedUp('bob@bobco.dev', 'b-1'),
      signedUp('ada@acme.dev', 'a-2'),
    ]);

    expect(results).toEqual([{ status: 'applied' }, { status: 'applied' }, { status: 'applied' }]);
    // Exponential backoff (full jitter at its ceiling here): 500 ms, then 1 s.
    expect(clock.sleeps).toEqual([500, 1000]);
    // Ada's second event waited for her first: sent once, after it (had it gone alongside, it would have been throttled too).
    expect(seen.filter((domain) => domain === 'acme.dev')).toEqual(['acme.dev', 'acme.dev', 'acme.dev', 'acme.dev']);
  });

  it('gives up when the retry window closes, holding the person’s later events and delivering everyone else’s', async () => {
    const seen = companies((domain) =>
      domain === 'acme.dev' ? throttledFor(60) : [200, recordOf('companies', COMPANY_ID)],
    );
    const clock = testClock();
    const delivery = segmentDelivery(config, { ...clock.options, retryWindowMs: 10_000 });
    const [first, other, later] = await delivery.deliver([
      signedUp('ada@acme.dev', 'a-1'),
      signedUp('bob@bobco.dev', 'b-1'),
      signedUp('ada@acme.dev', 'a-2'),
    ]);

    expect(first).toMatchObject({
      status: 'failed',
      retryable: true,
      reason: expect.stringMatching(/429.*still failing after 5 attempts/),
    });
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(later).toMatchObject({
      status: 'failed',
      retryable: true,
      reason: expect.stringMatching(/^held back until an earlier event of the same person is applied/),
    });
    expect(other).toEqual({ status: 'applied' });
    expect(seen.filter((domain) => domain === 'acme.dev')).toHaveLength(5);
  });

  it('does not retry what cannot pass: a refused API key fails at once', async () => {
    companies(() => [401, attioError(401, 'auth_error', 'invalid_token', 'Token is invalid')]);
    const clock = testClock();
    const [result] = await segmentDelivery(config, clock.options).deliver([signedUp('ada@acme.dev', 'a-1')]);
    expect(result).toMatchObject({ status: 'failed', retryable: false });
    expect(clock.sleeps).toEqual([]);
  });
});
