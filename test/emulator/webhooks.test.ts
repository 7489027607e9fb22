/** /v2/webhooks: create answers the secret once; list, get, update and delete; Attio's validation errors. */
import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator } from '../support/emulator.js';

const fixture = useEmulator();
const { api } = fixture;

const TARGET = 'https://hooks.example.test/attio/webhooks';
const stageChanges = {
  event_type: 'record.updated',
  filter: { $and: [{ field: 'id.object_id', operator: 'equals', value: '97052eb9-e65e-443f-a297-f2d9a4a7f795' }] },
};
const merges = { event_type: 'record.merged', filter: null };

describe('webhooks', () => {
  it('create answers the webhook with its signing secret; nothing else ever shows the secret', async () => {
    const created = await api('POST', '/v2/webhooks', {
      data: { target_url: TARGET, subscriptions: [stageChanges, merges] },
    });
    expect(created.status).toBe(200);
    const { data } = created.body;
    expect(data).toMatchObject({ target_url: TARGET, subscriptions: [stageChanges, merges], status: 'active' });
    expect(data.secret).toMatch(/^[0-9a-f]{64}$/);
    const id = data.id.webhook_id;

    const got = await api('GET', `/v2/webhooks/${id}`);
    expect(got.body.data).toEqual({ ...data, secret: undefined });
    expect('secret' in got.body.data).toBe(false);
    const listed = await api('GET', '/v2/webhooks', undefined, { query: { limit: '100' } });
    expect(listed.body.data.map((w: any) => w.id.webhook_id)).toContain(id);
    expect(listed.body.data.some((w: any) => 'secret' in w)).toBe(false);
  });

  it('update replaces the subscriptions and/or the target URL, and keeps the rest', async () => {
    const created = (await api('POST', '/v2/webhooks', { data: { target_url: TARGET, subscriptions: [merges] } })).body
      .data;
    const id = created.id.webhook_id;
    const patched = await api('PATCH', `/v2/webhooks/${id}`, { data: { subscriptions: [stageChanges] } });
    expect(patched.status).toBe(200);
    expect(patched.body.data).toEqual({
      target_url: TARGET,
      subscriptions: [stageChanges],
      id: created.id,
      status: 'active',
      created_at: created.created_at,
    });
    const moved = await api('PATCH', `/v2/webhooks/${id}`, {
      data: { target_url: 'https://elsewhere.example.test/hook' },
    });
    expect(moved.body.data).toMatchObject({
      target_url: 'https://elsewhere.example.test/hook',
      subscriptions: [stageChanges],
    });
  });

  it('delete removes the webhook; afterwards it is not found', async () => {
    const id = (await api('POST', '/v2/webhooks', { data: { target_url: TARGET, subscriptions: [merges] } })).body.data
      .id.webhook_id;
    expect(await api('DELETE', `/v2/webhooks/${id}`)).toMatchObject({ status: 200, body: {} });
    const gone = await api('GET', `/v2/webhooks/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ type: 'invalid_request_error', code: 'not_found' });
    expect((await api('DELETE', `/v2/webhooks/${id}`)).status).toBe(404);
    expect((await api('PATCH', `/v2/webhooks/${id}`, { data: { subscriptions: [] } })).status).toBe(404);
  });

  it('lists ten by default and pages with limit and offset', async () => {
    for (let i = 0; i < 11; i++)
      await api('POST', '/v2/webhooks', { data: { target_url: `${TARGET}/${i}`, subscriptions: [merges] } });
    const all = (await api('GET', '/v2/webhooks', undefined, { query: { limit: '100' } })).body.data;
    expect(all.length).toBeGreaterThan(10);
    expect((await api('GET', '/v2/webhooks')).body.data).toHaveLength(10);
    const second = (await api('GET', '/v2/webhooks', undefined, { query: { limit: '10', offset: '10' } })).body.data;
    expect(second.map((w: any) => w.id.webhook_id)).toEqual(all.slice(10, 20).map((w: any) => w.id.webhook_id));
  });

  it('refuses what Attio refuses, naming the field, and creates nothing', async () => {
    const before = (await api('GET', '/v2/webhooks', undefined, { query: { limit: '100' } })).body.data.length;
    const refuse = async (data: unknown, field: RegExp) => {
      const res = await api('POST', '/v2/webhooks', { data }, { invalidRequest: true });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ type: 'invalid_request_error', code: 'validation_type' });
      expect(res.body.message).toMatch(field);
    };
    await refuse(
      { target_url: 'http://hooks.example.test/attio', subscriptions: [merges] },
      /"data\.target_url" must be an https URL/,
    );
    await refuse({ target_url: 'not a url', subscriptions: [merges] }, /"data\.target_url" must be a URL/);
    await refuse({ subscriptions: [merges] }, /"data\.target_url"/);
    await refuse(
      { target_url: TARGET, subscriptions: [{ event_type: 'record.exploded', filter: null }] },
      /data\.subscriptions\.0\.event_type/,
    );
    await refuse(
      { target_url: TARGET, subscriptions: [{ event_type: 'record.merged' }] },
      /data\.subscriptions\.0\.filter/,
    );
    await refuse(
      {
        target_url: TARGET,
        subscriptions: [
          {
            event_type: 'record.updated',
            filter: { $and: [{ field: 'id.object_id', operator: 'contains', value: 'x' }] },
          },
        ],
      },
      /data\.subscriptions\.0\.filter/,
    );
    expect((await api('GET', '/v2/webhooks', undefined, { query: { limit: '100' } })).body.data).toHaveLength(before);
    const tooMany = await api('GET', '/v2/webhooks', undefined, { query: { limit: '101' }, invalidRequest: true });
    expect(tooMany.status).toBe(400);
  });

  it('needs the API key like every route', async () => {
    expect((await api('GET', '/v2/webhooks', undefined, { apiKey: 'wrong' })).status).toBe(401);
  });
});

itConformsToOpenApi(fixture);
