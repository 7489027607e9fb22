import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator } from './harness.js';

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

  it('rejects a PLG stage title that this workspace does not have', async () => {
    const res = await api('POST', '/v2/objects/deals/records', {
      data: { values: { name: ['Deal'], stage: ['Product Qualified'], owner: ['admin@plg-demo.test'] } },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('value_not_found');
  });
});

itConformsToOpenApi(fixture);
