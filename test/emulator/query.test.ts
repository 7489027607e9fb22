import { beforeAll, describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const fixture = useEmulator();
const { api } = fixture;

const ids: Record<string, string> = {};
const query = (object: string, body: unknown) => api('POST', `/v2/objects/${object}/records/query`, body);
const emails = (res: { body: any }) => res.body.data.map((r: any) => r.values.email_addresses[0].email_address);

beforeAll(async () => {
  const acme = await api(
    'POST',
    '/v2/objects/companies/records',
    values({ domains: ['acme.com'], name: ['Acme'], plan_type: ['pro'] }),
  );
  ids.acme = acme.body.data.id.record_id;
  const people = [
    { email: 'ann@acme.com', name: 'Ann Archer', score: 80, tier: 'hot', company: true },
    { email: 'bob@acme.com', name: 'Bob Baker', score: 40, tier: 'warm', company: true },
    { email: 'cat@gmail.com', name: 'Cat Cooper', score: 10, tier: 'cold', company: false },
  ];
  for (const p of people) {
    const res = await api(
      'POST',
      '/v2/objects/people/records',
      values({
        email_addresses: [p.email],
        name: [p.name],
        pql_score: [p.score],
        pql_tier: [p.tier],
        pql_scored_at: [`2024-05-0${p.score / 10 > 5 ? 2 : 1}T12:00:00Z`],
        ...(p.company ? { company: [{ target_object: 'companies', target_record_id: ids.acme }] } : {}),
      }),
    );
    ids[p.email] = res.body.data.id.record_id;
  }
  const deal = await api(
    'POST',
    '/v2/objects/deals/records',
    values({
      name: ['PQL - Acme'],
      stage: ['Product Qualified'],
      owner: ['alex.rivera@plg-demo.test'],
      associated_people: [{ target_object: 'people', target_record_id: ids['ann@acme.com'] }],
      associated_company: [{ target_object: 'companies', target_record_id: ids.acme }],
    }),
  );
  ids.deal = deal.body.data.id.record_id;
});

describe('shorthand filters', () => {
  it('match an email, a domain and a name', async () => {
    expect(emails(await query('people', { filter: { email_addresses: 'BOB@acme.com' } }))).toEqual(['bob@acme.com']);
    const companies = await query('companies', { filter: { domains: 'acme.com' } });
    expect(companies.body.data.map((r: any) => r.id.record_id)).toEqual([ids.acme]);
    expect((await query('companies', { filter: { name: 'Acme' } })).body.data).toHaveLength(1);
    expect((await query('companies', { filter: { name: 'acme' } })).body.data).toHaveLength(0);
  });

  it('match select and status values by title', async () => {
    expect(emails(await query('people', { filter: { pql_tier: 'hot' } }))).toEqual(['ann@acme.com']);
    const deals = await query('deals', { filter: { stage: 'Product Qualified' } });
    expect(deals.body.data.map((r: any) => r.id.record_id)).toEqual([ids.deal]);
  });

  it('match an empty result without error', async () => {
    expect((await query('people', { filter: { email_addresses: 'nobody@acme.com' } })).body.data).toEqual([]);
  });
});

describe('verbose filters and operators', () => {
  it('$eq on a named field', async () => {
    const res = await query('people', { filter: { email_addresses: { email_address: { $eq: 'ann@acme.com' } } } });
    expect(emails(res)).toEqual(['ann@acme.com']);
    const byDomain = await query('people', { filter: { email_addresses: { email_domain: 'acme.com' } } });
    expect(emails(byDomain)).toEqual(['ann@acme.com', 'bob@acme.com']);
  });

  it('$in, $contains, $starts_with and comparisons', async () => {
    expect(
      emails(await query('people', { filter: { email_addresses: { $in: ['ann@acme.com', 'cat@gmail.com'] } } })),
    ).toEqual(['ann@acme.com', 'cat@gmail.com']);
    expect(emails(await query('people', { filter: { name: { full_name: { $contains: 'baker' } } } }))).toEqual([
      'bob@acme.com',
    ]);
    expect(emails(await query('people', { filter: { name: { first_name: { $starts_with: 'Ca' } } } }))).toEqual([
      'cat@gmail.com',
    ]);
    expect(emails(await query('people', { filter: { pql_score: { $gte: 40 } } }))).toEqual([
      'ann@acme.com',
      'bob@acme.com',
    ]);
    expect(emails(await query('people', { filter: { pql_scored_at: { $gt: '2024-05-01T12:00:00Z' } } }))).toEqual([
      'ann@acme.com',
    ]);
  });

  it('$and, $or and $not', async () => {
    const and = await query('people', {
      filter: {
        $and: [{ company: { target_object: 'companies', target_record_id: ids.acme } }, { pql_score: { $lt: 50 } }],
      },
    });
    expect(emails(and)).toEqual(['bob@acme.com']);
    const or = await query('people', { filter: { $or: [{ pql_tier: 'hot' }, { pql_tier: 'cold' }] } });
    expect(emails(or)).toEqual(['ann@acme.com', 'cat@gmail.com']);
    const not = await query('people', { filter: { $not: { pql_tier: 'hot' } } });
    expect(emails(not)).toEqual(['bob@acme.com', 'cat@gmail.com']);
  });
});

describe('record-reference filters', () => {
  it('find deals by associated person and by associated company', async () => {
    const byPerson = await query('deals', {
      filter: { associated_people: { target_object: 'people', target_record_id: ids['ann@acme.com'] } },
    });
    expect(byPerson.body.data.map((r: any) => r.id.record_id)).toEqual([ids.deal]);
    const byCompany = await query('deals', { filter: { associated_company: { target_record_id: ids.acme } } });
    expect(byCompany.body.data).toHaveLength(1);
    const none = await query('deals', {
      filter: { associated_people: { target_object: 'people', target_record_id: ids['bob@acme.com'] } },
    });
    expect(none.body.data).toEqual([]);
  });

  it('find people by company', async () => {
    const res = await query('people', {
      filter: { company: { target_object: 'companies', target_record_id: ids.acme } },
    });
    expect(emails(res)).toEqual(['ann@acme.com', 'bob@acme.com']);
  });
});

describe('sorts and pagination', () => {
  it('sorts by an attribute in either direction', async () => {
    expect(emails(await query('people', { sorts: [{ attribute: 'pql_score', direction: 'desc' }] }))).toEqual([
      'ann@acme.com',
      'bob@acme.com',
      'cat@gmail.com',
    ]);
    expect(
      emails(await query('people', { sorts: [{ attribute: 'name', direction: 'asc', field: 'full_name' }] }))[0],
    ).toBe('ann@acme.com');
  });

  it('pages with limit and offset', async () => {
    const sorts = [{ attribute: 'pql_score', direction: 'asc' }];
    expect(emails(await query('people', { sorts, limit: 2 }))).toEqual(['cat@gmail.com', 'bob@acme.com']);
    expect(emails(await query('people', { sorts, limit: 2, offset: 2 }))).toEqual(['ann@acme.com']);
  });
});

describe('filter errors', () => {
  it('answers filter_error for an unknown attribute, operator or field', async () => {
    for (const filter of [
      { shoe_size: 42 },
      { pql_score: { $between: [1, 2] } },
      { email_addresses: { postcode: 'x' } },
      { $and: {} },
    ]) {
      const res = await query('people', { filter });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status_code: 400, type: 'invalid_request_error', code: 'filter_error' });
    }
  });

  it('answers 404 for an unknown object', async () => {
    expect((await query('spaceships', {})).status).toBe(404);
  });
});

itConformsToOpenApi(fixture);
