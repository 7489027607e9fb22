import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { AttioClient, createGotTransport } from '../../../src/core/attio/index.js';
import { ConfigError } from '../../../src/core/errors.js';
import { prepareValues } from '../../../src/core/schema/prepare-values.js';
import { createSchemaStore, WorkspaceSchema } from '../../../src/core/schema/workspace-schema.js';
import * as f from '../attio/fixtures.js';

const API = 'https://api.attio.com';
const client = () => new AttioClient(createGotTransport({ apiUrl: API, apiKey: 'k' }));
const attribute = (api_slug: string, type: string) => ({ ...f.attribute, api_slug, title: api_slug, type });

afterEach(() => {
  nock.cleanAll();
});

describe('the workspace schema cache', () => {
  it('reads each kind of metadata once within the TTL, even for concurrent callers', async () => {
    const scope = nock(API)
      .get('/v2/objects/people/attributes')
      .once()
      .reply(200, { data: [attribute('pql_score', 'number')] });
    const schema = new WorkspaceSchema(client(), { ttlSeconds: 60 });
    const [a, b] = await Promise.all([schema.attributes('people'), schema.attributes('people')]);
    await schema.attributes('people');
    expect([...a.keys()]).toEqual(['pql_score']);
    expect(b).toBe(a);
    expect(scope.isDone()).toBe(true);
  });

  it('reads again once the TTL has passed', async () => {
    let now = 0;
    nock(API)
      .get('/v2/lists')
      .twice()
      .reply(200, { data: [f.list] });
    const schema = new WorkspaceSchema(client(), { ttlSeconds: 60, now: () => now });
    await schema.lists();
    now = 59_000;
    await schema.lists();
    expect(nock.pendingMocks()).toHaveLength(1);
    now = 60_000;
    await schema.lists();
    expect(nock.isDone()).toBe(true);
  });

  it('does not cache a failed read', async () => {
    nock(API)
      .get('/v2/lists')
      .reply(400, { status_code: 400, type: 'invalid_request_error', code: 'x', message: 'no' })
      .get('/v2/lists')
      .reply(200, { data: [f.list] });
    const schema = new WorkspaceSchema(client(), { ttlSeconds: 60 });
    await expect(schema.lists()).rejects.toThrow();
    await expect(schema.findList('pql_queue')).resolves.toMatchObject({ api_slug: 'pql_queue' });
  });

  it('shares a store between schemas of the same workspace', async () => {
    nock(API)
      .get('/v2/workspace_members')
      .once()
      .reply(200, { data: [f.member] });
    const store = createSchemaStore();
    await new WorkspaceSchema(client(), { ttlSeconds: 60, store }).members();
    await expect(new WorkspaceSchema(client(), { ttlSeconds: 60, store }).members()).resolves.toEqual([
      { id: f.MEMBER_ID, email: 'alex@acme.test', name: 'Alex Rivera' },
    ]);
  });
});

describe('values checked against the schema', () => {
  function schemaWith() {
    nock(API)
      .get('/v2/objects/people/attributes')
      .reply(200, { data: [attribute('pql_tier', 'select'), attribute('job_title', 'text')] })
      .get('/v2/objects/people/attributes/pql_tier/options')
      .reply(200, { data: ['cold', 'warm', 'hot'].map((title) => ({ ...f.option, title })) });
    return new WorkspaceSchema(client(), { ttlSeconds: 60 });
  }

  it('leaves out unknown attributes and options with a warning', async () => {
    const warnings: string[] = [];
    const values = await prepareValues(
      schemaWith(),
      'people',
      { job_title: ['CTO'], pql_tier: ['lukewarm'], shoe_size: [44] },
      { strict: false, warn: (m) => warnings.push(m) },
    );
    expect(values).toEqual({ job_title: ['CTO'] });
    expect(warnings).toEqual([
      '"lukewarm" is not an option of people.pql_tier; valid options: cold, warm, hot; the value was left out',
      'attribute "shoe_size" does not exist on people in this Attio workspace; its value was left out',
    ]);
  });

  it('rejects them in strict mode with a ConfigError naming the attribute', async () => {
    const error = await prepareValues(
      schemaWith(),
      'people',
      { shoe_size: [44] },
      { strict: true, warn: () => {} },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe('people.shoe_size');
  });
});
