import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const fixture = useEmulator({ seed: 'empty' });
const { api } = fixture;

const attribute = (over: Record<string, unknown>) => ({
  data: {
    title: 'PQL score',
    description: null,
    api_slug: 'pql_score',
    type: 'number',
    is_required: false,
    is_unique: false,
    is_multiselect: false,
    config: {},
    ...over,
  },
});
const createAttribute = (target: string, body: unknown, invalidRequest = false) =>
  api('POST', `/v2/${target}/attributes`, body, { invalidRequest });
const errorOf = (res: { status: number; body: any }) => ({
  status: res.status,
  code: res.body.code,
  type: res.body.type,
});

describe('POST /v2/{target}/{identifier}/attributes', () => {
  it('creates an object attribute and renders it as GET does', async () => {
    const res = await createAttribute('objects/people', attribute({ api_slug: 'pql_score', title: 'PQL score' }));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      api_slug: 'pql_score',
      title: 'PQL score',
      type: 'number',
      is_system_attribute: false,
      is_writable: true,
      is_required: false,
      is_unique: false,
      is_multiselect: false,
      is_archived: false,
      default_value: null,
      relationship: null,
    });
    const got = await api('GET', '/v2/objects/people/attributes/pql_score');
    expect(got.body).toEqual(res.body);
    const listed = await api('GET', '/v2/objects/people/attributes');
    expect(listed.body.data.map((a: { api_slug: string }) => a.api_slug)).toContain('pql_score');
  });

  it('creates a multi-select select attribute whose options are then writable', async () => {
    const res = await createAttribute(
      'objects/people',
      attribute({
        api_slug: 'milestones_completed',
        title: 'Milestones completed',
        type: 'select',
        is_multiselect: true,
      }),
    );
    expect(res.body.data).toMatchObject({ type: 'select', is_multiselect: true });
    for (const title of ['onboarding_completed', 'first_integration']) {
      const option = await api('POST', '/v2/objects/people/attributes/milestones_completed/options', {
        data: { title },
      });
      expect(option.status).toBe(200);
      expect(option.body.data).toMatchObject({ title, is_archived: false });
    }
    const person = await api(
      'PUT',
      '/v2/objects/people/records',
      values({
        email_addresses: ['ann@acme.com'],
        milestones_completed: ['onboarding_completed', 'first_integration'],
      }),
      {
        query: { matching_attribute: 'email_addresses' },
      },
    );
    expect(person.status).toBe(200);
    expect(person.body.data.values.milestones_completed.map((v: any) => v.option.title)).toEqual([
      'onboarding_completed',
      'first_integration',
    ]);
  });

  it('creates a unique text deal key that record writes then enforce and asserts match on', async () => {
    const res = await createAttribute(
      'objects/deals',
      attribute({ api_slug: 'plg_deal_key', title: 'PLG deal key', type: 'text', is_unique: true }),
    );
    expect(res.body.data).toMatchObject({ api_slug: 'plg_deal_key', is_unique: true });
    const deal = {
      name: ['PQL - Acme'],
      stage: ['Lead'],
      owner: ['admin@plg-demo.test'],
      plg_deal_key: ['pql:company:acme'],
    };
    const first = await api('PUT', '/v2/objects/deals/records', values(deal), {
      query: { matching_attribute: 'plg_deal_key' },
    });
    const again = await api('PUT', '/v2/objects/deals/records', values({ ...deal, stage: ['In Progress'] }), {
      query: { matching_attribute: 'plg_deal_key' },
    });
    expect(again.body.data.id.record_id).toBe(first.body.data.id.record_id);
    const duplicate = await api('POST', '/v2/objects/deals/records', values(deal));
    expect(errorOf(duplicate)).toEqual({ status: 400, code: 'uniqueness_conflict', type: 'invalid_request_error' });
  });

  it('creates currency and record-reference attributes from their config', async () => {
    const arr = await createAttribute(
      'objects/deals',
      attribute({
        api_slug: 'expected_arr',
        title: 'Expected ARR',
        type: 'currency',
        config: { currency: { default_currency_code: 'EUR', display_type: 'code' } },
      }),
    );
    expect(arr.body.data.config.currency).toEqual({ default_currency_code: 'EUR', display_type: 'code' });
    const champion = await createAttribute(
      'objects/deals',
      attribute({
        api_slug: 'champion',
        title: 'Champion',
        type: 'record-reference',
        config: { record_reference: { allowed_objects: ['people'] } },
      }),
    );
    const people = await api('GET', '/v2/objects/people');
    expect(champion.body.data.config.record_reference.allowed_object_ids).toEqual([people.body.data.id.object_id]);
  });

  it('creates list attributes that entries can fill', async () => {
    await api('POST', '/v2/lists', {
      data: {
        name: 'Active Trials',
        api_slug: 'active_trials',
        parent_object: 'people',
        workspace_access: 'full-access',
        workspace_member_access: [],
      },
    });
    const res = await createAttribute(
      'lists/active_trials',
      attribute({ api_slug: 'trial_started_at', title: 'Trial started at', type: 'timestamp' }),
    );
    expect(res.status).toBe(200);
    const list = await api('GET', '/v2/lists/active_trials');
    expect(res.body.data.id.object_id).toBe(list.body.data.id.list_id);
    const person = await api('POST', '/v2/objects/people/records', values({ email_addresses: ['trial@acme.com'] }));
    const entry = await api('PUT', '/v2/lists/active_trials/entries', {
      data: {
        parent_record_id: person.body.data.id.record_id,
        parent_object: 'people',
        entry_values: { trial_started_at: ['2024-05-01T10:00:00Z'] },
      },
    });
    expect(entry.body.data.entry_values.trial_started_at[0].value).toBe('2024-05-01T10:00:00.000000000Z');
  });

  it('answers slug_conflict (409) for a slug the object already has, standard or created', async () => {
    for (const slug of ['name', 'pql_score']) {
      const res = await createAttribute('objects/people', attribute({ api_slug: slug }));
      expect(errorOf(res)).toEqual({ status: 409, code: 'slug_conflict', type: 'invalid_request_error' });
    }
    // The same slug on another object is fine.
    expect((await createAttribute('objects/companies', attribute({ api_slug: 'pql_score' }))).status).toBe(200);
  });

  it.each([
    ['a slug that is not snake case', 'objects/people', { api_slug: 'PQL-Score' }],
    ['a status attribute on an object', 'objects/people', { api_slug: 'phase', type: 'status' }],
    ['a multi-valued text attribute', 'objects/people', { api_slug: 'tags_text', type: 'text', is_multiselect: true }],
    ['a multi-valued checkbox', 'objects/people', { api_slug: 'is_customer', type: 'checkbox', is_multiselect: true }],
    ['a unique select attribute', 'objects/people', { api_slug: 'tier', type: 'select', is_unique: true }],
    [
      'a unique custom attribute on companies',
      'objects/companies',
      { api_slug: 'external_id', type: 'text', is_unique: true },
    ],
    ['a currency attribute without its currency config', 'objects/deals', { api_slug: 'mrr', type: 'currency' }],
    ['a record reference without allowed objects', 'objects/deals', { api_slug: 'partner', type: 'record-reference' }],
    [
      'a default value on people',
      'objects/people',
      { api_slug: 'source', type: 'text', default_value: { type: 'static', template: [{ value: 'web' }] } },
    ],
  ])('rejects %s with validation_type (400) and creates nothing', async (_, target, over) => {
    const res = await createAttribute(target, attribute(over));
    expect(errorOf(res)).toEqual({ status: 400, code: 'validation_type', type: 'invalid_request_error' });
    const listed = await api('GET', `/v2/${target}/attributes`);
    expect(listed.body.data.map((a: { api_slug: string }) => a.api_slug)).not.toContain(over.api_slug);
  });

  it('rejects a body without the required fields or with an unknown type (400 validation_type)', async () => {
    const missing = await createAttribute(
      'objects/people',
      { data: { title: 'X', api_slug: 'x_field', type: 'text' } },
      true,
    );
    expect(errorOf(missing)).toMatchObject({ status: 400, code: 'validation_type' });
    expect(missing.body.message).toContain('is_required');
    const personalName = await createAttribute(
      'objects/people',
      attribute({ api_slug: 'nickname', type: 'personal-name' }),
      true,
    );
    expect(errorOf(personalName)).toMatchObject({ status: 400, code: 'validation_type' });
  });

  it('answers not_found (404) for an unknown object, list, or allowed object', async () => {
    expect(errorOf(await createAttribute('objects/spaceships', attribute({ api_slug: 'fuel' })))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(errorOf(await createAttribute('lists/no_such_list', attribute({ api_slug: 'fuel' })))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    const ref = await createAttribute(
      'objects/deals',
      attribute({
        api_slug: 'workspace_ref',
        type: 'record-reference',
        config: { record_reference: { allowed_objects: ['workspaces'] } },
      }),
    );
    expect(errorOf(ref)).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('keeps a dynamic default and shows it, on objects that allow defaults', async () => {
    const res = await createAttribute(
      'objects/deals',
      attribute({ api_slug: 'closes_on', type: 'date', default_value: { type: 'dynamic', template: 'P1M' } }),
    );
    expect(res.body.data).toMatchObject({
      is_default_value_enabled: true,
      default_value: { type: 'dynamic', template: 'P1M' },
    });
  });
});

describe('POST .../attributes/{attribute}/options', () => {
  it('rejects a duplicate title with slug_conflict (409), an empty title and a non-select attribute with validation_type', async () => {
    await createAttribute('objects/people', attribute({ api_slug: 'pql_tier', title: 'PQL tier', type: 'select' }));
    expect(
      (await api('POST', '/v2/objects/people/attributes/pql_tier/options', { data: { title: 'hot' } })).status,
    ).toBe(200);
    const duplicate = await api('POST', '/v2/objects/people/attributes/pql_tier/options', { data: { title: 'hot' } });
    expect(errorOf(duplicate)).toEqual({ status: 409, code: 'slug_conflict', type: 'invalid_request_error' });
    expect(duplicate.body.message).toBe('There is already another select option with the title "hot".');
    const empty = await api(
      'POST',
      '/v2/objects/people/attributes/pql_tier/options',
      { data: { title: '' } },
      { invalidRequest: true },
    );
    expect(errorOf(empty)).toMatchObject({ status: 400, code: 'validation_type' });
    const notSelect = await api('POST', '/v2/objects/people/attributes/job_title/options', { data: { title: 'CEO' } });
    expect(errorOf(notSelect)).toMatchObject({ status: 400, code: 'validation_type' });
    expect(notSelect.body.message).toBe('This attribute is not a select attribute.');
  });

  it('answers not_found (404) for an unknown attribute', async () => {
    const res = await api('POST', '/v2/objects/people/attributes/no_such_attribute/options', { data: { title: 'x' } });
    expect(errorOf(res)).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('POST .../attributes/{attribute}/statuses', () => {
  it('adds a deal stage that deals can then use, with its celebration and target time', async () => {
    const res = await api('POST', '/v2/objects/deals/attributes/stage/statuses', {
      data: { title: 'Product Qualified', target_time_in_status: 'P14D' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      title: 'Product Qualified',
      is_archived: false,
      celebration_enabled: false,
      target_time_in_status: 'P14D',
    });
    const statuses = await api('GET', '/v2/objects/deals/attributes/stage/statuses');
    expect(statuses.body.data.map((s: { title: string }) => s.title)).toEqual([
      'Lead',
      'In Progress',
      'Won 🎉',
      'Lost',
      'Product Qualified',
    ]);
    const deal = await api(
      'POST',
      '/v2/objects/deals/records',
      values({ name: ['PQL - Beta'], stage: ['Product Qualified'], owner: ['admin@plg-demo.test'] }),
    );
    expect(deal.body.data.values.stage[0].status.title).toBe('Product Qualified');
  });

  it('rejects a duplicate title with slug_conflict (409) and a non-status attribute with validation_type', async () => {
    const duplicate = await api('POST', '/v2/objects/deals/attributes/stage/statuses', {
      data: { title: 'In Progress' },
    });
    expect(errorOf(duplicate)).toEqual({ status: 409, code: 'slug_conflict', type: 'invalid_request_error' });
    const notStatus = await api('POST', '/v2/objects/deals/attributes/name/statuses', { data: { title: 'Open' } });
    expect(errorOf(notStatus)).toMatchObject({ status: 400, code: 'validation_type' });
    expect(notStatus.body.message).toBe('This attribute is not a status attribute.');
    const badDuration = await api(
      'POST',
      '/v2/objects/deals/attributes/stage/statuses',
      { data: { title: 'Stalled', target_time_in_status: 'two weeks' } },
      { invalidRequest: true },
    );
    expect(errorOf(badDuration)).toMatchObject({ status: 400, code: 'validation_type' });
  });
});

describe('POST /v2/lists', () => {
  const list = (over: Record<string, unknown>) => ({
    data: {
      name: 'PQL Queue',
      api_slug: 'pql_queue',
      parent_object: 'people',
      workspace_access: 'full-access',
      workspace_member_access: [],
      ...over,
    },
  });

  it('creates a list on people and renders it as GET does', async () => {
    const res = await api('POST', '/v2/lists', list({}));
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      api_slug: 'pql_queue',
      name: 'PQL Queue',
      parent_object: ['people'],
      workspace_access: 'full-access',
      workspace_member_access: [],
      created_by_actor: { type: 'api-token' },
    });
    expect((await api('GET', '/v2/lists/pql_queue')).body).toEqual(res.body);
    expect((await api('GET', '/v2/lists')).body.data.map((l: { api_slug: string }) => l.api_slug)).toEqual([
      'active_trials',
      'pql_queue',
    ]);
  });

  it('answers slug_conflict (409) for a list slug in use', async () => {
    const res = await api('POST', '/v2/lists', list({ name: 'Another queue' }));
    expect(errorOf(res)).toEqual({ status: 409, code: 'slug_conflict', type: 'invalid_request_error' });
    expect(res.body.message).toBe('A list with api_slug "pql_queue" already exists.');
  });

  it('answers not_found (404) for a parent object that does not exist (or is not enabled)', async () => {
    const res = await api('POST', '/v2/lists', list({ api_slug: 'product_users', parent_object: 'users' }));
    expect(errorOf(res)).toMatchObject({ status: 404, code: 'not_found' });
    expect(res.body.message).toBe('Parent object with slug/ID "users" not found.');
  });

  it('answers value_not_found (400) for an unknown member and validation_type when nobody has full access', async () => {
    const unknown = await api(
      'POST',
      '/v2/lists',
      list({
        api_slug: 'private_list',
        workspace_access: null,
        workspace_member_access: [
          { workspace_member_id: '50cf242c-7fa3-4cad-87d0-75b1af71c57b', level: 'full-access' },
        ],
      }),
    );
    expect(errorOf(unknown)).toMatchObject({ status: 400, code: 'value_not_found' });
    const readOnly = await api(
      'POST',
      '/v2/lists',
      list({ api_slug: 'read_only_list', workspace_access: 'read-only' }),
    );
    expect(errorOf(readOnly)).toMatchObject({ status: 400, code: 'validation_type' });
    const badSlug = await api('POST', '/v2/lists', list({ api_slug: 'PQL Queue 2' }));
    expect(errorOf(badSlug)).toMatchObject({ status: 400, code: 'validation_type' });
    expect((await api('GET', '/v2/lists')).body.data).toHaveLength(2);
  });

  it('grants a member access by id', async () => {
    const members = await api('GET', '/v2/workspace_members');
    const admin = members.body.data[0].id.workspace_member_id;
    const res = await api(
      'POST',
      '/v2/lists',
      list({
        api_slug: 'admins_only',
        name: 'Admins only',
        workspace_access: null,
        workspace_member_access: [{ workspace_member_id: admin, level: 'full-access' }],
      }),
    );
    expect(res.body.data).toMatchObject({
      workspace_access: null,
      workspace_member_access: [{ workspace_member_id: admin, level: 'full-access' }],
    });
  });
});

describe('configuration writes are writes', () => {
  it('count against the write budget in the request log', () => {
    const creations = fixture.emulator.requests.filter(
      (r) => r.method === 'POST' && /\/(attributes|options|statuses|lists)$/.test(r.path),
    );
    expect(creations.length).toBeGreaterThan(10);
    expect(creations.every((r) => r.write)).toBe(true);
  });
});

itConformsToOpenApi(fixture);
