import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearSchemaStores } from '../../../src/destinations/segment/workspace-state.js';
import {
  ATTIO,
  NO_PRODUCT_OBJECTS,
  SETTINGS,
  actionsCore,
  destination,
  pinSignupWrites,
  serveEmptyLookups,
  serveMetadata,
} from '../../support/segment.js';

const { createTestEvent, createTestIntegration } = actionsCore;
const testDestination = createTestIntegration(destination);

function signedUp(email: string, messageId: string) {
  return createTestEvent({
    type: 'track',
    event: 'Signed Up',
    messageId,
    userId: `u-${email}`,
    timestamp: '2024-11-04T10:00:00.000Z',
    context: { traits: { email, name: 'Ada Lovelace', title: 'Product Lead' } },
    properties: { plan: 'trial', source: 'website' },
  });
}

const adaValues = {
  name: [{ first_name: 'Ada', last_name: 'Lovelace', full_name: 'Ada Lovelace' }],
  job_title: ['Product Lead'],
  signup_date: ['2024-11-04'],
  signup_source: ['website'],
  plan_type: ['trial'],
  profile_updated_at: ['2024-11-04T10:00:00.000Z'],
};

describe('signup through Segment’s harness', () => {
  beforeEach(() => clearSchemaStores());
  afterEach(() => nock.cleanAll());

  it('with the default mappings and a warm schema cache, makes exactly the three writes of a signup, after reading the person and the company', async () => {
    await serveMetadata();
    serveEmptyLookups();
    pinSignupWrites('grace@hopper.dev', { ...adaValues });
    await testDestination.testAction('signup', {
      event: signedUp('grace@hopper.dev', 'warm-up'),
      settings: SETTINGS,
      mapping: NO_PRODUCT_OBJECTS,
      useDefaultMappings: true,
    });

    nock.cleanAll(); // no metadata any more: a warm cache must not read it
    serveEmptyLookups();
    const writes = pinSignupWrites('ada@acme.dev', adaValues);
    const responses = await testDestination.testAction('signup', {
      event: signedUp('ada@acme.dev', 'm-1'),
      settings: SETTINGS,
      mapping: NO_PRODUCT_OBJECTS,
      useDefaultMappings: true,
    });

    expect(writes.pendingMocks()).toEqual([]);
    expect(responses.map((r) => `${r.options.method} ${r.url}`)).toEqual([
      `POST ${ATTIO}/v2/objects/people/records/query`,
      `POST ${ATTIO}/v2/objects/companies/records/query`,
      `PUT ${ATTIO}/v2/objects/companies/records?matching_attribute=domains`,
      `PUT ${ATTIO}/v2/objects/people/records?matching_attribute=email_addresses`,
      `PUT ${ATTIO}/v2/lists/active_trials/entries`,
    ]);
  });

  it('rejects a signup without an email before any request (Segment’s own required-field check)', async () => {
    const event = signedUp('ada@acme.dev', 'm-2');
    event.context = { traits: { name: 'Ada Lovelace' } };
    await expect(
      testDestination.testAction('signup', {
        event,
        settings: SETTINGS,
        mapping: NO_PRODUCT_OBJECTS,
        useDefaultMappings: true,
      }),
    ).rejects.toThrow(/email/);
  });

  it('names the action field when its trial list is not a list of the workspace (strict mode)', async () => {
    await serveMetadata();
    serveEmptyLookups();
    pinSignupWrites('ada@acme.dev', adaValues);
    const run = testDestination.testAction('signup', {
      event: signedUp('ada@acme.dev', 'm-3'),
      settings: SETTINGS,
      mapping: { ...NO_PRODUCT_OBJECTS, strict: true, trial_list: 'no_such_list' },
      useDefaultMappings: true,
    });
    await expect(run).rejects.toMatchObject({ name: 'IntegrationError', code: 'INVALID_CONFIGURATION', status: 400 });
    await expect(run).rejects.toThrow(
      /^trial_list: list "no_such_list" does not exist in this Attio workspace; lists: active_trials, pql_queue/,
    );
  });
});
