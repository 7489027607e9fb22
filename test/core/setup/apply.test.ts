import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../../src/core/attio/index.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { applyPlan, planSetup, requirementsFor } from '../../../src/core/setup/index.js';
import * as f from '../attio/fixtures.js';
import { ATTIO, KEY, attributeOf, plgWorkspace, snapshotOf } from './workspace-fixture.js';

const client = () => createAttioConnection({ apiUrl: ATTIO, apiKey: KEY, retry: { maxAttempts: 1 } }).client;
const config = parseConfig({ apiKey: KEY }, {});

/** The plg workspace with a few things taken away, so the plan has a little of each kind of create. */
function planWithGaps() {
  const ws = plgWorkspace();
  ws.objects.people = (ws.objects.people ?? []).filter((x) => x.slug !== 'pql_tier');
  attributeOf(ws, 'deals', 'stage').statuses = ['Lead', 'Sales Qualified'];
  ws.lists = ws.lists.filter((l) => l.slug !== 'pql_queue');
  attributeOf(ws, 'companies', 'pql_score').type = 'text';
  return planSetup(requirementsFor(config), snapshotOf(ws));
}

const attributeBody = (title: string, slug: string, type: string, description: string) => ({
  data: {
    title,
    description,
    api_slug: slug,
    type,
    is_required: false,
    is_unique: false,
    is_multiselect: false,
    config: {},
  },
});

afterEach(() => {
  nock.cleanAll();
});

describe('applyPlan', () => {
  it('sends exactly the creates of the plan, in order, with the bodies Attio documents; a conflict is left alone', async () => {
    const sent: string[] = [];
    const scope = nock(ATTIO, { reqheaders: { authorization: `Bearer ${KEY}` } })
      .post(
        '/v2/objects/people/attributes',
        attributeBody('PQL tier', 'pql_tier', 'select', 'attio-plg PQL scoring: cold, warm or hot'),
      )
      .reply(200, () => (sent.push('pql_tier'), { data: f.attribute }))
      .post('/v2/objects/people/attributes/pql_tier/options', { data: { title: 'cold' } })
      .reply(200, () => (sent.push('cold'), { data: f.option }))
      .post('/v2/objects/people/attributes/pql_tier/options', { data: { title: 'warm' } })
      .reply(200, () => (sent.push('warm'), { data: f.option }))
      .post('/v2/objects/people/attributes/pql_tier/options', { data: { title: 'hot' } })
      .reply(200, () => (sent.push('hot'), { data: f.option }))
      .post('/v2/objects/deals/attributes/stage/statuses', { data: { title: 'Product Qualified' } })
      .reply(200, () => (sent.push('Product Qualified'), { data: f.status }))
      .post('/v2/lists', {
        data: {
          name: 'PQL Queue',
          api_slug: 'pql_queue',
          parent_object: 'people',
          workspace_access: 'full-access',
          workspace_member_access: [],
        },
      })
      .reply(200, () => (sent.push('pql_queue'), { data: f.list }))
      .post(
        '/v2/lists/pql_queue/attributes',
        attributeBody('PQL score', 'pql_score', 'number', 'attio-plg PQL scoring: the score the person qualified with'),
      )
      .reply(200, () => (sent.push('pql_queue.pql_score'), { data: f.attribute }));
    const results = await applyPlan(client(), planWithGaps());
    expect(scope.isDone()).toBe(true);
    expect(sent).toEqual(['pql_tier', 'cold', 'warm', 'hot', 'Product Qualified', 'pql_queue', 'pql_queue.pql_score']);
    expect(results.map((r) => r.outcome)).toEqual(Array(7).fill('created'));
  });

  it('a failed create skips what belongs to it and goes on with the rest', async () => {
    nock(ATTIO)
      .post('/v2/objects/people/attributes')
      .reply(409, {
        status_code: 409,
        type: 'invalid_request_error',
        code: 'slug_conflict',
        message: 'Slug "pql_tier" is taken',
      })
      .post('/v2/objects/deals/attributes/stage/statuses')
      .reply(200, { data: f.status })
      .post('/v2/lists')
      .reply(200, { data: f.list })
      .post('/v2/lists/pql_queue/attributes')
      .reply(200, { data: f.attribute });
    const results = await applyPlan(client(), planWithGaps());
    expect(results.map((r) => [r.subject, r.need, r.outcome])).toEqual([
      ['people.pql_tier', 'single-valued select attribute "PQL tier"', 'failed'],
      ['people.pql_tier', 'option "cold"', 'skipped'],
      ['people.pql_tier', 'option "warm"', 'skipped'],
      ['people.pql_tier', 'option "hot"', 'skipped'],
      ['pqlStage', 'deal stage "Product Qualified"', 'created'],
      ['pqlList', 'list "pql_queue" of people', 'created'],
      ['pql_queue.pql_score', 'number attribute "PQL score"', 'created'],
    ]);
    expect(results[0]?.reason).toMatch(/409 slug_conflict.*something with that name exists, perhaps archived/);
  });

  it('a refused token stops: nothing after it is attempted', async () => {
    const scope = nock(ATTIO)
      .post('/v2/objects/people/attributes')
      .reply(403, {
        status_code: 403,
        type: 'auth_error',
        code: 'forbidden',
        message: 'Missing scope object_configuration:read-write',
      });
    const results = await applyPlan(client(), planWithGaps());
    expect(scope.isDone()).toBe(true);
    expect(results.map((r) => r.outcome)).toEqual(['failed', ...Array(6).fill('skipped')]);
    expect(results[0]?.reason).toMatch(/needs read-write access to the workspace configuration/);
    expect(results[6]?.reason).toBe('not attempted: Attio refused the access token');
  });

  it('a plan with nothing to create sends nothing', async () => {
    expect(await applyPlan(client(), planSetup(requirementsFor(config), snapshotOf(plgWorkspace())))).toEqual([]);
  });
});
