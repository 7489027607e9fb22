import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator } from '../support/emulator.js';

const fixture = useEmulator({ seed: 'empty' });
const { api } = fixture;

describe('the empty seed: a new workspace', () => {
  it('has only the standard people, companies and deals objects', async () => {
    const res = await api('GET', '/v2/objects');
    expect(res.body.data.map((o: { api_slug: string }) => o.api_slug)).toEqual(['people', 'companies', 'deals']);
    const users = await api('GET', '/v2/objects/users');
    expect(users.status).toBe(404);
    const query = await api('POST', '/v2/objects/workspaces/records/query', {});
    expect(query.status).toBe(404);
  });

  it('has the default deal stages', async () => {
    const res = await api('GET', '/v2/objects/deals/attributes/stage/statuses');
    expect(res.body.data.map((s: { title: string }) => s.title)).toEqual(['Lead', 'In Progress', 'Won 🎉', 'Lost']);
  });

  it('has no PLG custom attributes, no lists and one admin member', async () => {
    const attrs = await api('GET', '/v2/objects/people/attributes');
    const slugs = attrs.body.data.map((a: { api_slug: string }) => a.api_slug);
    expect(slugs).not.toContain('pql_score');
    expect(slugs).not.toContain('associated_users');
    expect((await api('GET', '/v2/lists')).body.data).toEqual([]);
    const members = await api('GET', '/v2/workspace_members');
    expect(members.body.data).toHaveLength(1);
    expect(members.body.data[0].access_level).toBe('admin');
  });

  it('has the standard attributes Attio creates, as types and traits', async () => {
    const shape = async (object: string) =>
      Object.fromEntries(
        (await api('GET', `/v2/objects/${object}/attributes`)).body.data.map((a: any) => [
          a.api_slug,
          `${a.type}${a.is_multiselect ? ' multi' : ''}${a.is_unique ? ' unique' : ''}${a.is_required ? ' required' : ''}${a.is_writable ? '' : ' read-only'}`,
        ]),
      );
    expect(await shape('people')).toEqual({
      name: 'personal-name',
      email_addresses: 'email-address multi unique',
      description: 'text',
      company: 'record-reference',
      job_title: 'text',
      linkedin: 'text',
      associated_deals: 'record-reference multi',
      phone_numbers: 'phone-number multi',
      primary_location: 'location',
      angellist: 'text',
      facebook: 'text',
      instagram: 'text',
      twitter: 'text',
      avatar_url: 'text read-only',
      created_at: 'timestamp read-only',
      created_by: 'actor-reference read-only',
    });
    expect(await shape('companies')).toMatchObject({
      domains: 'domain multi unique',
      team: 'record-reference multi',
      categories: 'select multi',
      logo_url: 'text read-only',
    });
    expect(await shape('deals')).toEqual({
      name: 'text required',
      stage: 'status required',
      owner: 'actor-reference required',
      value: 'currency',
      associated_people: 'record-reference multi',
      associated_company: 'record-reference',
      created_at: 'timestamp read-only',
      created_by: 'actor-reference read-only',
    });
  });

  it('stores phone numbers in E.164 beside the original, and locations part by part', async () => {
    const res = await api('POST', '/v2/objects/people/records', {
      data: {
        values: {
          email_addresses: ['lee@acme.com'],
          phone_numbers: [{ original_phone_number: '07911 123456', country_code: 'GB' }, '+1 415 555 2671'],
          primary_location: [{ locality: 'London', country_code: 'GB', latitude: 51.5, longitude: '-0.12' }],
        },
      },
    });
    expect(res.status).toBe(200);
    expect(
      res.body.data.values.phone_numbers.map((p: any) => [p.original_phone_number, p.country_code, p.phone_number]),
    ).toEqual([
      ['07911 123456', 'GB', '+447911123456'],
      ['+1 415 555 2671', 'US', '+14155552671'],
    ]);
    expect(res.body.data.values.primary_location[0]).toMatchObject({
      line_1: null,
      locality: 'London',
      country_code: 'GB',
      latitude: '51.5',
      longitude: '-0.12',
    });
    const bad = await api('POST', '/v2/objects/people/records', { data: { values: { phone_numbers: ['call me'] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_type');
  });

  it('rejects a PLG stage title that this workspace does not have', async () => {
    const res = await api('POST', '/v2/objects/deals/records', {
      data: { values: { name: ['Deal'], stage: ['Product Qualified'], owner: ['admin@plg-demo.test'] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('value_not_found');
  });
});

itConformsToOpenApi(fixture);
