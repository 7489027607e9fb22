import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSchemaStores } from '../../../src/destinations/segment/workspace-state.js';
import {
  API_KEY,
  ATTIO,
  COMPANY_ID,
  NO_PRODUCT_OBJECTS,
  PERSON_ID,
  SETTINGS,
  actionsCore,
  attioError,
  destination,
  echoRecord,
  entryOf,
  recordOf,
  serveEmptyLookups,
  serveMetadata,
} from '../../support/segment.js';

const { createTestEvent, createTestIntegration, defaultValues } = actionsCore;
const testDestination = createTestIntegration(destination);
const mapping = { ...defaultValues(destination.actions.signup?.fields ?? {}), ...NO_PRODUCT_OBJECTS };

function signedUp(email: string, messageId: string) {
  return createTestEvent({
    type: 'track',
    event: 'Signed Up',
    messageId,
    userId: `u-${email}`,
    timestamp: '2024-11-04T10:00:00.000Z',
    context: { traits: { email } },
    properties: {},
  });
}

const companyAssert = (domain: string) =>
  nock(ATTIO)
    .put('/v2/objects/companies/records', { data: { values: { domains: [domain] } } })
    .query({ matching_attribute: 'domains' });

describe('a batch reports each payload’s own status (MultiStatusResponse)', () => {
  beforeEach(async () => {
    clearSchemaStores();
    await serveMetadata();
    serveEmptyLookups();
  });
  afterEach(() => nock.cleanAll());

  it('applies valid payloads once, rejects invalid ones with the reason, and asks Segment to retry throttled and failing ones', async () => {
    companyAssert('acme.dev').once().reply(200, recordOf('companies', COMPANY_ID));
    nock(ATTIO).put('/v2/objects/people/records').query(true).once().reply(200, echoRecord('people', PERSON_ID));
    nock(ATTIO).put('/v2/lists/active_trials/entries').once().reply(200, entryOf('active_trials', PERSON_ID));
    // A minute's Retry-After is not waited out inside the call: Segment retries it later.
    companyAssert('bobco.dev').reply(
      429,
      attioError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded'),
      { 'retry-after': '60' },
    );
    // Still unavailable after the retries inside the call.
    companyAssert('carol.dev')
      .times(4)
      .reply(503, attioError(503, 'server_error', 'unavailable', 'Service unavailable'));
    companyAssert('dan.dev').reply(401, attioError(401, 'auth_error', 'invalid_token', 'Token is invalid'));

    const events = [
      signedUp('ada@acme.dev', 'm-ada'),
      signedUp('not-an-email', 'm-bad'),
      signedUp('ada@acme.dev', 'm-ada'), // a redelivery in the same batch
      signedUp('bob@bobco.dev', 'm-bob'),
      signedUp('carol@carol.dev', 'm-carol'),
      signedUp('dan@dan.dev', 'm-dan'),
    ];
    const results = await testDestination.executeBatch('signup', { events, settings: SETTINGS, mapping });

    expect(results.map((r) => r.status)).toEqual([200, 400, 200, 429, 503, 401]);
    expect(results[1]).toEqual({
      status: 400,
      errortype: 'PAYLOAD_VALIDATION_FAILED',
      errormessage: 'email: must be a valid email address',
      errorreporter: 'INTEGRATIONS',
    });
    expect(results[3]).toMatchObject({
      errortype: 'TOO_MANY_REQUESTS',
      body: { category: 'throttled', attioStatus: 429 },
    });
    expect(results[4]).toMatchObject({
      errortype: 'RETRYABLE_ERROR',
      body: { category: 'retryable', attioStatus: 503 },
    });
    expect(results[5]).toMatchObject({
      errortype: 'INVALID_AUTHENTICATION',
      body: { category: 'auth', attioStatus: 401 },
    });
    expect(results[0]).toEqual(results[2]);
    expect(results[0]).toMatchObject({
      sent: {
        intents: [{ kind: 'signup', messageId: 'm-ada', person: { email: 'ada@acme.dev', userId: 'u-ada@acme.dev' } }],
      },
      body: { status: 'applied', outcomes: [{ workflow: 'signup' }] },
    });
    expect(JSON.stringify(results)).not.toContain(API_KEY);
  });

  it('merges one person’s payloads of a batch into one run (the engine’s coalescing), each payload keeping its result', async () => {
    const order: string[] = [];
    const record = (step: string, reply: object) => () => (order.push(step), reply);
    nock(ATTIO)
      .put('/v2/objects/companies/records')
      .query(true)
      .reply(200, record('company', recordOf('companies', COMPANY_ID)));
    nock(ATTIO)
      .put('/v2/objects/people/records')
      .query(true)
      .reply(200, (uri, body) => (order.push('person'), echoRecord('people', PERSON_ID)(uri, body)));
    nock(ATTIO)
      .put('/v2/lists/active_trials/entries')
      .reply(200, record('entry', entryOf('active_trials', PERSON_ID)));
    const results = await testDestination.executeBatch('signup', {
      events: [signedUp('ada@acme.dev', 'm-1'), signedUp('ada@acme.dev', 'm-2')],
      settings: SETTINGS,
      mapping,
    });
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(order).toEqual(['company', 'person', 'entry']);
  });
});
