import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAttioPlgDestination } from '../../../src/destinations/segment/index.js';
import { clearSchemaStores } from '../../../src/destinations/segment/workspace-state.js';
import {
  API_KEY,
  ATTIO,
  NO_PRODUCT_OBJECTS,
  SETTINGS,
  actionsCore,
  attioError,
  destination,
  serveEmptyLookups,
  serveMetadata,
} from '../../support/segment.js';

const { createTestEvent, createTestIntegration } = actionsCore;
const testDestination = createTestIntegration(destination);

/** The error `run` rejects with (a resolved run fails the test). */
async function failureOf(run: Promise<unknown>): Promise<Error & { status?: number }> {
  const outcome = await run.then(
    () => undefined,
    (error: unknown) => error as Error & { status?: number },
  );
  if (outcome === undefined) throw new Error('expected a rejection');
  return outcome;
}

describe('authentication: the workspace check', () => {
  afterEach(() => nock.cleanAll());

  it('accepts a ready workspace (the key reads /v2/self and the workspace configuration)', async () => {
    await serveMetadata();
    await expect(testDestination.testAuthentication(SETTINGS)).resolves.toBeUndefined();
  });

  it('leaves lists, stages and reps to the action fields that choose them: a workspace without the default lists passes', async () => {
    await serveMetadata((path, body) => (path === '/v2/lists' ? { data: [] } : body));
    await expect(testDestination.testAuthentication(SETTINGS)).resolves.toBeUndefined();
  });

  it('refuses a workspace without an attribute the workflows write, naming it and its fix', async () => {
    await serveMetadata((path, body) => {
      if (path !== '/v2/objects/people/attributes') return body;
      return { data: (body as { data: { api_slug: string }[] }).data.filter((a) => a.api_slug !== 'pql_score') };
    });
    const error = await failureOf(testDestination.testAuthentication(SETTINGS));
    expect(error.message).toMatch(
      /^Credentials are invalid: {2}The Attio workspace is not ready for this configuration: \(1\) people\.pql_score does not exist.* — fix: run `attio-plg setup --apply`/,
    );
  });

  it('refuses an inactive token, saying so', async () => {
    nock(ATTIO).get('/v2/self').reply(200, { active: false });
    await expect(testDestination.testAuthentication(SETTINGS)).rejects.toThrow(
      'Credentials are invalid:  The Attio access token is not active. Fix: create an access token',
    );
  });

  it('refuses a key Attio rejects, without repeating the key', async () => {
    nock(ATTIO)
      .get('/v2/self')
      .reply(401, attioError(401, 'auth_error', 'invalid_token', 'Token is invalid'));
    const error = await failureOf(testDestination.testAuthentication(SETTINGS));
    expect(error.message).toMatch(
      /^Credentials are invalid: {2}Attio refused the access token \(401 invalid_token\)\. Fix: /,
    );
    expect(error.message).not.toContain(API_KEY);
  });

  it('refuses a host whose ATTIO_API_URL is not https (the core config rule), naming where it came from', async () => {
    const onPlainHttp = createTestIntegration(
      createAttioPlgDestination({ env: { ATTIO_API_URL: 'http://attio.example.com' } }),
    );
    await expect(onPlainHttp.testAuthentication(SETTINGS)).rejects.toThrow(
      'apiUrl (from ATTIO_API_URL): must use https (http is allowed only for localhost, 127.0.0.0/8 or [::1])',
    );
  });
});

describe('dynamic fields fill dropdowns from the workspace', () => {
  beforeEach(async () => {
    await serveMetadata();
    serveEmptyLookups();
  });
  afterEach(() => nock.cleanAll());

  it('lists for the trial list', async () => {
    const response = await testDestination.testDynamicField('signup', 'trial_list', {
      settings: SETTINGS,
      payload: {},
    });
    expect(response).toEqual({
      choices: [
        { value: 'active_trials', label: 'Active Trials' },
        { value: 'pql_queue', label: 'PQL Queue' },
      ],
    });
  });

  it('deal stages for the PQL and handoff stages', async () => {
    const pql = await testDestination.testDynamicField('updatePqlScore', 'pql_stage', {
      settings: SETTINGS,
      payload: {},
    });
    const handoff = await testDestination.testDynamicField('salesHandoff', 'handoff_stage', {
      settings: SETTINGS,
      payload: {},
    });
    const stages = ['Lead', 'Product Qualified', 'Sales Qualified', 'In Progress', 'Won 🎉', 'Lost'].map((title) => ({
      value: title,
      label: title,
    }));
    expect(pql).toEqual({ choices: stages });
    expect(handoff).toEqual({ choices: stages });
  });

  it('workspace members for the sales reps', async () => {
    const response = await testDestination.testDynamicField('updatePqlScore', 'sales_reps', {
      settings: SETTINGS,
      payload: {},
    });
    expect(response).toEqual({
      choices: [
        { value: 'admin@plg-demo.test', label: 'Avery Admin (admin@plg-demo.test)' },
        { value: 'alex.rivera@plg-demo.test', label: 'Alex Rivera (alex.rivera@plg-demo.test)' },
        { value: 'sam.chen@plg-demo.test', label: 'Sam Chen (sam.chen@plg-demo.test)' },
        { value: 'jordan.patel@plg-demo.test', label: 'Jordan Patel (jordan.patel@plg-demo.test)' },
      ],
    });
  });

  it('objects, and the unique attributes of the chosen object, for assertRecord', async () => {
    const objects = await testDestination.testDynamicField('assertRecord', 'object', {
      settings: SETTINGS,
      payload: {},
    });
    expect(objects).toEqual({
      choices: ['Company', 'Deal', 'Person', 'User', 'Workspace'].map((label) => ({
        label,
        value: { Company: 'companies', Deal: 'deals', Person: 'people', User: 'users', Workspace: 'workspaces' }[label],
      })),
    });
    const unique = await testDestination.testDynamicField('assertRecord', 'matching_attribute', {
      settings: SETTINGS,
      payload: { object: 'users' },
    });
    expect(unique).toEqual({
      choices: [
        { value: 'user_id', label: 'ID', description: 'text' },
        { value: 'primary_email_address', label: 'Primary email address', description: 'email-address' },
      ],
    });
  });

  it('asks for the object first, and reports Attio’s refusal as the dropdown’s error', async () => {
    const none = await testDestination.testDynamicField('assertRecord', 'matching_attribute', {
      settings: SETTINGS,
      payload: {},
    });
    expect(none).toEqual({ choices: [], error: { code: 'object_required', message: 'Select an Attio object first.' } });
    nock.cleanAll();
    nock(ATTIO)
      .get('/v2/lists')
      .reply(403, attioError(403, 'auth_error', 'missing_scope', 'Token lacks list_configuration:read'));
    const refused = await testDestination.testDynamicField('signup', 'trial_list', { settings: SETTINGS, payload: {} });
    expect(refused).toEqual({
      choices: [],
      error: {
        code: '403',
        message: 'Attio GET /v2/lists failed (403 missing_scope): Token lacks list_configuration:read',
      },
    });
  });
});

describe('a single perform throws the actions-core error for the core’s classification', () => {
  beforeEach(async () => {
    clearSchemaStores();
    await serveMetadata();
    serveEmptyLookups();
  });
  afterEach(() => nock.cleanAll());

  const identify = createTestEvent({
    type: 'identify',
    messageId: 'm-1',
    userId: 'u-1',
    timestamp: '2024-11-04T10:00:00.000Z',
    traits: { email: 'ada@acme.dev' },
  });
  const run = () =>
    testDestination.testAction('identifyUser', {
      event: identify,
      settings: SETTINGS,
      mapping: NO_PRODUCT_OBJECTS,
      useDefaultMappings: true,
    });
  // Answered alike every time: the retries inside the call (for 429 and 5xx) see the same.
  const companyReplies = (status: number, body: object) =>
    nock(ATTIO)
      .put('/v2/objects/companies/records')
      .query(true)
      .times(4)
      .reply(status, body, status === 429 ? { 'retry-after': '30' } : {});

  it.each([
    [401, attioError(401, 'auth_error', 'invalid_token', 'Token is invalid'), 'InvalidAuthenticationError', 401],
    [429, attioError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Slow down'), 'RetryableError', 429],
    [502, attioError(502, 'server_error', 'bad_gateway', 'Bad gateway'), 'RetryableError', 502],
    [400, attioError(400, 'invalid_request_error', 'validation_type', 'Bad value'), 'PayloadValidationError', 400],
    [404, attioError(404, 'invalid_request_error', 'not_found', 'No such object'), 'APIError', 404],
  ])('Attio %i -> %s', async (status, body, name, segmentStatus) => {
    companyReplies(status, body);
    const error = await failureOf(run());
    expect(error).toMatchObject({ name, status: segmentStatus });
    expect(error.message).toContain(`Attio PUT /v2/objects/companies/records failed (${status}`);
    expect(error.message).not.toContain(API_KEY);
  });

  it('an invalid configuration field -> IntegrationError with its code, naming the action field', async () => {
    const model = [
      { key: 'logins_7d', label: 'Logins', weight: 50, threshold: 5 },
      { key: 'seats', label: 'Seats', weight: 20, threshold: 3 },
    ];
    const error = await testDestination
      .testAction('identifyUser', {
        event: identify,
        settings: SETTINGS,
        mapping: { ...NO_PRODUCT_OBJECTS, scoring_model: model },
        useDefaultMappings: true,
      })
      .catch((e: unknown) => e as Error);
    expect(error).toMatchObject({
      name: 'IntegrationError',
      code: 'INVALID_CONFIGURATION',
      status: 400,
      message: 'scoring_model: weights must sum to 100, got 70',
    });
  });

  it('an unknown userId of a fresh event -> RetryableError; of an old one -> PayloadValidationError saying what to send', async () => {
    nock(ATTIO).post('/v2/objects/users/records/query').times(2).reply(200, { data: [] });
    const track = (timestamp: string) =>
      createTestEvent({
        type: 'track',
        event: 'Usage Summary',
        messageId: `m-${timestamp}`,
        userId: 'u-unknown',
        timestamp,
        context: { traits: {} },
        properties: { logins_7d: 9 },
      });
    const mapping = { product_objects: 'on' };
    const fresh = await testDestination
      .testAction('updatePqlScore', {
        event: track(new Date().toISOString()),
        settings: SETTINGS,
        mapping,
        useDefaultMappings: true,
      })
      .catch((e: unknown) => e);
    expect(fresh).toMatchObject({ name: 'RetryableError', status: 503 });
    const old = await testDestination
      .testAction('updatePqlScore', {
        event: track('2024-01-01T00:00:00.000Z'),
        settings: SETTINGS,
        mapping,
        useDefaultMappings: true,
      })
      .catch((e: unknown) => e);
    expect(old).toMatchObject({
      name: 'PayloadValidationError',
      message:
        'userId: no Attio user with this userId: send traits.email, or identify the user first with the Users object enabled',
    });
  });
});
