import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator } from '../support/emulator.js';

const fixture = useEmulator({ seed: 'plg-demo' });
const { api } = fixture;

describe('authentication', () => {
  it('rejects a missing bearer token with 401 auth_error', async () => {
    const res = await api('GET', '/v2/self', undefined, { apiKey: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      status_code: 401,
      type: 'auth_error',
      code: 'invalid_authentication',
      message: expect.any(String),
    });
  });

  it('rejects a wrong bearer token with 401 auth_error', async () => {
    const res = await api('GET', '/v2/objects', undefined, { apiKey: 'not-the-key' });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('auth_error');
  });
});

describe('GET /v2/self', () => {
  it('describes the token: active, the workspace and the admin member who authorised it', async () => {
    const self = await api('GET', '/v2/self');
    const members = await api('GET', '/v2/workspace_members');
    const admin = members.body.data.find((m: { email_address: string }) => m.email_address === 'admin@plg-demo.test');
    expect(self.status).toBe(200);
    expect(self.body).toMatchObject({
      active: true,
      workspace_name: 'PLG Demo',
      workspace_slug: 'plg-demo',
      token_type: 'Bearer',
      iss: 'attio.com',
      authorized_by_workspace_member_id: admin.id.workspace_member_id,
      workspace_id: admin.id.workspace_id,
    });
    expect(self.body.data).toBeUndefined();
  });
});

describe('objects', () => {
  it('lists the standard objects with users and workspaces enabled', async () => {
    const res = await api('GET', '/v2/objects');
    expect(res.body.data.map((o: { api_slug: string }) => o.api_slug)).toEqual([
      'people',
      'companies',
      'deals',
      'users',
      'workspaces',
    ]);
  });

  it('gets an object by slug and by id', async () => {
    const bySlug = await api('GET', '/v2/objects/companies');
    const byId = await api('GET', `/v2/objects/${bySlug.body.data.id.object_id}`);
    expect(byId.body).toEqual(bySlug.body);
    expect(bySlug.body.data).toMatchObject({
      api_slug: 'companies',
      singular_noun: 'Company',
      plural_noun: 'Companies',
    });
  });

  it('answers 404 not_found for an unknown object', async () => {
    const res = await api('GET', '/v2/objects/spaceships');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      status_code: 404,
      type: 'invalid_request_error',
      code: 'not_found',
      message: 'Object with slug/ID "spaceships" not found.',
    });
  });
});

describe('attributes, options and statuses', () => {
  it('lists the people attributes of the PLG workspace with their types', async () => {
    const res = await api('GET', '/v2/objects/people/attributes');
    const types = Object.fromEntries(
      res.body.data.map((a: { api_slug: string; type: string }) => [a.api_slug, a.type]),
    );
    expect(types).toMatchObject({
      name: 'personal-name',
      email_addresses: 'email-address',
      company: 'record-reference',
      job_title: 'text',
      signup_date: 'date',
      signup_source: 'text',
      plan_type: 'select',
      pql_score: 'number',
      pql_tier: 'select',
      pql_explanation: 'text',
      pql_scored_at: 'timestamp',
      pql_qualified_at: 'timestamp',
      last_activity_date: 'date',
      activation_score: 'number',
      milestones_completed: 'select',
    });
  });

  it('marks unique, required and multiselect attributes and two-way relationships', async () => {
    const emails = await api('GET', '/v2/objects/people/attributes/email_addresses');
    expect(emails.body.data).toMatchObject({ is_unique: true, is_multiselect: true, is_required: false });
    const stage = await api('GET', '/v2/objects/deals/attributes/stage');
    expect(stage.body.data).toMatchObject({ type: 'status', is_required: true });
    const company = await api('GET', '/v2/objects/people/attributes/company');
    const team = await api('GET', '/v2/objects/companies/attributes/team');
    expect(company.body.data.relationship.id.attribute_id).toBe(team.body.data.id.attribute_id);
    expect(company.body.data.is_multiselect).toBe(false);
    const value = await api('GET', '/v2/objects/deals/attributes/value');
    expect(value.body.data.config.currency.default_currency_code).toBe('USD');
  });

  it('lists select options by title', async () => {
    const res = await api('GET', '/v2/objects/people/attributes/milestones_completed/options');
    expect(res.body.data.map((o: { title: string }) => o.title)).toEqual([
      'onboarding_completed',
      'first_integration',
      'data_imported',
      'team_invited',
      'feature_activated',
    ]);
    const plans = await api('GET', '/v2/objects/companies/attributes/plan_type/options');
    expect(plans.body.data.map((o: { title: string }) => o.title)).toEqual([
      'free',
      'trial',
      'starter',
      'pro',
      'enterprise',
    ]);
  });

  it('lists the deal stages of the PLG workspace', async () => {
    const res = await api('GET', '/v2/objects/deals/attributes/stage/statuses');
    expect(res.body.data.map((s: { title: string }) => s.title)).toEqual([
      'Lead',
      'Product Qualified',
      'Sales Qualified',
      'In Progress',
      'Won 🎉',
      'Lost',
    ]);
  });

  it('answers 404 for an unknown attribute and 400 for options of a non-select attribute', async () => {
    const missing = await api('GET', '/v2/objects/people/attributes/shoe_size');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
    const notSelect = await api('GET', '/v2/objects/people/attributes/job_title/options');
    expect(notSelect.status).toBe(400);
    expect(notSelect.body.code).toBe('validation_type');
  });

  it('lists the attributes of a list', async () => {
    const list = await api('GET', '/v2/lists/pql_queue');
    const res = await api('GET', '/v2/lists/pql_queue/attributes');
    expect(res.body.data.map((a: { api_slug: string }) => a.api_slug)).toEqual(['pql_score']);
    expect(res.body.data[0].id.object_id).toBe(list.body.data.id.list_id);
  });
});

describe('lists', () => {
  it('has the trial and PQL lists on people', async () => {
    const res = await api('GET', '/v2/lists');
    expect(
      res.body.data.map((l: { api_slug: string; parent_object: string[] }) => [l.api_slug, l.parent_object]),
    ).toEqual([
      ['active_trials', ['people']],
      ['pql_queue', ['people']],
    ]);
  });

  it('gets a list by slug or id and 404s an unknown one', async () => {
    const bySlug = await api('GET', '/v2/lists/active_trials');
    const byId = await api('GET', `/v2/lists/${bySlug.body.data.id.list_id}`);
    expect(byId.body).toEqual(bySlug.body);
    const missing = await api('GET', '/v2/lists/enterprise_sales');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('not_found');
  });
});

describe('workspace members', () => {
  it('has an admin and three sales reps', async () => {
    const res = await api('GET', '/v2/workspace_members');
    expect(
      res.body.data.map((m: { email_address: string; access_level: string }) => [m.email_address, m.access_level]),
    ).toEqual([
      ['admin@plg-demo.test', 'admin'],
      ['alex.rivera@plg-demo.test', 'member'],
      ['sam.chen@plg-demo.test', 'member'],
      ['jordan.patel@plg-demo.test', 'member'],
    ]);
  });

  it('gets one member by id and 404s an unknown id', async () => {
    const all = await api('GET', '/v2/workspace_members');
    const id = all.body.data[1].id.workspace_member_id;
    const one = await api('GET', `/v2/workspace_members/${id}`);
    expect(one.body.data.email_address).toBe('alex.rivera@plg-demo.test');
    const missing = await api('GET', '/v2/workspace_members/50cf242c-7fa3-4cad-87d0-75b1af71c57b');
    expect(missing.status).toBe(404);
  });
});

describe('unknown routes', () => {
  it('answer 404 not_found in Attio error format', async () => {
    const res = await api('GET', '/v2/spaceships');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status_code: 404, type: 'invalid_request_error', code: 'not_found' });
  });
});

itConformsToOpenApi(fixture);
