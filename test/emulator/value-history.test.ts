/**
 * An attribute's values, and with show_historic its ended ones: how a reader of `record.updated` learns
 * where a deal's stage came from, and who moved it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const REP_TOKEN = 'rep-token';
const fixture = useEmulator({ memberToken: REP_TOKEN });
const { api } = fixture;

let deal = '';
beforeAll(async () => {
  const owner = (await api('GET', '/v2/workspace_members')).body.data[1].email_address;
  deal = (await api('POST', '/v2/objects/deals/records', values({ name: ['Acme'], stage: ['Lead'], owner: [owner] })))
    .body.data.id.record_id;
  await api('PATCH', `/v2/objects/deals/records/${deal}`, values({ stage: ['Product Qualified'] }));
  await api('PATCH', `/v2/objects/deals/records/${deal}`, values({ stage: ['Won 🎉'], name: ['Acme Inc'] }), {
    apiKey: REP_TOKEN,
  });
});

const stageValues = (query: Record<string, string> = {}) =>
  api('GET', `/v2/objects/deals/records/${deal}/attributes/stage/values`, undefined, { query });

describe('attribute values', () => {
  it('without show_historic: the active value only', async () => {
    const res = await stageValues();
    expect(res.status).toBe(200);
    expect(res.body.data.map((v: any) => [v.status.title, v.active_until])).toEqual([['Won 🎉', null]]);
  });

  it('with show_historic: every stage the deal was in, oldest first, each ending when the next began, with who set it', async () => {
    const history = (await stageValues({ show_historic: 'true' })).body.data;
    expect(history.map((v: any) => v.status.title)).toEqual(['Lead', 'Product Qualified', 'Won 🎉']);
    expect(history[0].active_until).toBe(history[1].active_from);
    expect(history[1].active_until).toBe(history[2].active_from);
    expect(history[2].active_until).toBeNull();
    expect(history.map((v: any) => v.created_by_actor.type)).toEqual(['api-token', 'api-token', 'workspace-member']);
    expect(
      (await stageValues({ show_historic: 'true', limit: '1', offset: '1' })).body.data.map((v: any) => v.status.title),
    ).toEqual(['Product Qualified']);
  });

  it('other attributes answer their active values (the emulator keeps history for status attributes)', async () => {
    const name = await api('GET', `/v2/objects/deals/records/${deal}/attributes/name/values`, undefined, {
      query: { show_historic: 'true' },
    });
    expect(name.body.data.map((v: any) => v.value)).toEqual(['Acme Inc']);
  });

  it('list entry values the same way', async () => {
    const person = (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['hist@values.test'] })))
      .body.data.id.record_id;
    const entry = (
      await api('PUT', '/v2/lists/pql_queue/entries', {
        data: { parent_object: 'people', parent_record_id: person, entry_values: { pql_score: [42] } },
      })
    ).body.data.id.entry_id;
    const res = await api('GET', `/v2/lists/pql_queue/entries/${entry}/attributes/pql_score/values`);
    expect(res.body.data.map((v: any) => v.value)).toEqual([42]);
  });

  it('an unknown attribute or record is 404; a show_historic that is not a boolean is 400', async () => {
    expect((await api('GET', `/v2/objects/deals/records/${deal}/attributes/nope/values`)).status).toBe(404);
    expect(
      (await api('GET', '/v2/objects/deals/records/00000000-0000-4000-8000-000000000000/attributes/stage/values'))
        .status,
    ).toBe(404);
    const bad = await stageValues({ show_historic: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/"show_historic" must be true or false/);
  });
});

itConformsToOpenApi(fixture);
