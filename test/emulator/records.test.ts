import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const fixture = useEmulator();
const { api } = fixture;

const optionTitles = (record: any, slug: string) => record.values[slug].map((v: any) => v.option.title);
const refIds = (record: any, slug: string) => record.values[slug].map((v: any) => v.target_record_id);
const getRecord = async (object: string, id: string) =>
  (await api('GET', `/v2/objects/${object}/records/${id}`)).body.data;

describe('create and get', () => {
  it('creates a record and answers every attribute, empty ones as []', async () => {
    const created = await api('POST', '/v2/objects/people/records', values({ email_addresses: ['new@records.test'] }));
    expect(created.status).toBe(200);
    const got = await api('GET', `/v2/objects/people/records/${created.body.data.id.record_id}`);
    expect(got.body).toEqual(created.body);
    expect(got.body.data.values.job_title).toEqual([]);
    expect(got.body.data.values.created_by[0]).toMatchObject({ referenced_actor_type: 'api-token' });
  });

  it('answers 404 for an unknown record id', async () => {
    const res = await api('GET', '/v2/objects/people/records/891dcbfc-9141-415d-9b2a-2238a6cc012d');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({
      status_code: 404,
      type: 'invalid_request_error',
      code: 'not_found',
      message: 'Record with ID "891dcbfc-9141-415d-9b2a-2238a6cc012d" not found.',
    });
  });

  it('rejects a body without data.values', async () => {
    const res = await api('POST', '/v2/objects/people/records', { values: {} }, { invalidRequest: true });
    expect(res.body.code).toBe('validation_type');
  });
});

describe('uniqueness and required values', () => {
  it('rejects a second record with a unique value already in use (uniqueness_conflict)', async () => {
    await api('POST', '/v2/objects/companies/records', values({ domains: ['unique.test'] }));
    const res = await api('POST', '/v2/objects/companies/records', values({ domains: ['UNIQUE.test'] }));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('uniqueness_conflict');
  });

  it('requires name, stage and owner on deals (missing_value)', async () => {
    for (const omitted of ['name', 'stage', 'owner']) {
      const all: Record<string, unknown> = { name: ['Deal'], stage: ['Lead'], owner: ['alex.rivera@plg-demo.test'] };
      delete all[omitted];
      const res = await api('POST', '/v2/objects/deals/records', values(all));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('missing_value');
      expect(res.body.message).toContain(omitted);
    }
  });

  it('refuses to clear a required value on update', async () => {
    const deal = await api(
      'POST',
      '/v2/objects/deals/records',
      values({ name: ['Deal'], stage: ['Lead'], owner: ['alex.rivera@plg-demo.test'] }),
    );
    const res = await api('PATCH', `/v2/objects/deals/records/${deal.body.data.id.record_id}`, values({ owner: [] }));
    expect(res.body.code).toBe('missing_value');
  });
});

describe('assert (PUT ?matching_attribute=)', () => {
  it('creates when nothing matches, then updates the same record', async () => {
    const query = { matching_attribute: 'email_addresses' };
    const first = await api(
      'PUT',
      '/v2/objects/people/records',
      values({ email_addresses: ['ann@assert.test'], job_title: ['Engineer'] }),
      { query },
    );
    const second = await api(
      'PUT',
      '/v2/objects/people/records',
      values({ email_addresses: ['ANN@assert.test'], job_title: ['CTO'] }),
      { query },
    );
    expect(second.body.data.id.record_id).toBe(first.body.data.id.record_id);
    expect(second.body.data.values.job_title[0].value).toBe('CTO');
    const all = await api('POST', '/v2/objects/people/records/query', {
      filter: { email_addresses: 'ann@assert.test' },
    });
    expect(all.body.data).toHaveLength(1);
  });

  it('replaces multi-select values but adds to the matching attribute', async () => {
    const query = { matching_attribute: 'email_addresses' };
    await api(
      'PUT',
      '/v2/objects/people/records',
      values({ email_addresses: ['bo@assert.test'], milestones_completed: ['onboarding_completed'] }),
      { query },
    );
    const res = await api(
      'PUT',
      '/v2/objects/people/records',
      values({ email_addresses: ['bo@assert.test', 'bo@home.test'], milestones_completed: ['data_imported'] }),
      { query },
    );
    expect(optionTitles(res.body.data, 'milestones_completed')).toEqual(['data_imported']);
    expect(res.body.data.values.email_addresses.map((v: any) => v.email_address)).toEqual([
      'bo@assert.test',
      'bo@home.test',
    ]);
  });

  it('errors on a missing, unknown or non-unique matching attribute and on several matches', async () => {
    const body = values({ email_addresses: ['cy@assert.test'], name: ['Cy'] });
    expect((await api('PUT', '/v2/objects/people/records', body, { query: {}, invalidRequest: true })).body.code).toBe(
      'validation_type',
    );
    expect(
      (await api('PUT', '/v2/objects/people/records', body, { query: { matching_attribute: 'nope' } })).body.code,
    ).toBe('value_not_found');
    expect(
      (await api('PUT', '/v2/objects/people/records', body, { query: { matching_attribute: 'name' } })).body.code,
    ).toBe('validation_type');
    await api('POST', '/v2/objects/companies/records', values({ domains: ['one.test'] }));
    await api('POST', '/v2/objects/companies/records', values({ domains: ['two.test'] }));
    const both = await api('PUT', '/v2/objects/companies/records', values({ domains: ['one.test', 'two.test'] }), {
      query: { matching_attribute: 'domains' },
    });
    expect(both.body.code).toBe('multiple_match_results');
  });
});

describe('update by id', () => {
  it('PATCH appends to multi-value attributes and overwrites single-value ones', async () => {
    const person = await api(
      'POST',
      '/v2/objects/people/records',
      values({
        email_addresses: ['dee@update.test'],
        milestones_completed: ['onboarding_completed'],
        job_title: ['PM'],
      }),
    );
    const id = person.body.data.id.record_id;
    const res = await api(
      'PATCH',
      `/v2/objects/people/records/${id}`,
      values({ milestones_completed: ['team_invited'], job_title: ['VP'] }),
    );
    expect(optionTitles(res.body.data, 'milestones_completed')).toEqual(['onboarding_completed', 'team_invited']);
    expect(res.body.data.values.job_title.map((v: any) => v.value)).toEqual(['VP']);
    const again = await api(
      'PATCH',
      `/v2/objects/people/records/${id}`,
      values({ milestones_completed: ['team_invited'] }),
    );
    expect(optionTitles(again.body.data, 'milestones_completed')).toEqual(['onboarding_completed', 'team_invited']);
  });

  it('PUT by id overwrites multi-value attributes', async () => {
    const person = await api(
      'POST',
      '/v2/objects/people/records',
      values({ email_addresses: ['eve@update.test'], milestones_completed: ['onboarding_completed'] }),
    );
    const id = person.body.data.id.record_id;
    const res = await api(
      'PUT',
      `/v2/objects/people/records/${id}`,
      values({ milestones_completed: ['first_integration'] }),
    );
    expect(optionTitles(res.body.data, 'milestones_completed')).toEqual(['first_integration']);
  });

  it('an unchanged value keeps its active_from', async () => {
    const person = await api(
      'POST',
      '/v2/objects/people/records',
      values({ email_addresses: ['fay@update.test'], job_title: ['PM'] }),
    );
    const id = person.body.data.id.record_id;
    const before = person.body.data.values.job_title[0].active_from;
    await new Promise((r) => setTimeout(r, 5));
    const res = await api('PUT', `/v2/objects/people/records/${id}`, values({ job_title: ['PM'] }));
    expect(res.body.data.values.job_title[0].active_from).toBe(before);
  });
});

describe('two-way relationships', () => {
  it('person.company and company.team stay in step, also when the person moves', async () => {
    const a = (await api('POST', '/v2/objects/companies/records', values({ domains: ['a-corp.test'] }))).body.data.id
      .record_id;
    const b = (await api('POST', '/v2/objects/companies/records', values({ domains: ['b-corp.test'] }))).body.data.id
      .record_id;
    const person = await api(
      'POST',
      '/v2/objects/people/records',
      values({
        email_addresses: ['gil@rel.test'],
        company: [{ target_object: 'companies', target_record_id: a }],
      }),
    );
    const pid = person.body.data.id.record_id;
    expect(refIds(await getRecord('companies', a), 'team')).toEqual([pid]);
    await api(
      'PATCH',
      `/v2/objects/people/records/${pid}`,
      values({ company: [{ target_object: 'companies', target_record_id: b }] }),
    );
    expect(refIds(await getRecord('companies', a), 'team')).toEqual([]);
    expect(refIds(await getRecord('companies', b), 'team')).toEqual([pid]);
  });

  it('adding a person to a company team sets the person company and leaves the old team', async () => {
    const a = (await api('POST', '/v2/objects/companies/records', values({ domains: ['c-corp.test'] }))).body.data.id
      .record_id;
    const b = (await api('POST', '/v2/objects/companies/records', values({ domains: ['d-corp.test'] }))).body.data.id
      .record_id;
    const pid = (
      await api(
        'POST',
        '/v2/objects/people/records',
        values({ email_addresses: ['hal@rel.test'], company: [{ target_object: 'companies', target_record_id: a }] }),
      )
    ).body.data.id.record_id;
    await api(
      'PATCH',
      `/v2/objects/companies/records/${b}`,
      values({ team: [{ target_object: 'people', target_record_id: pid }] }),
    );
    expect(refIds(await getRecord('people', pid), 'company')).toEqual([b]);
    expect(refIds(await getRecord('companies', a), 'team')).toEqual([]);
  });

  it('deals link both ways to people (associated_deals) and companies (associated_deals)', async () => {
    const company = (await api('POST', '/v2/objects/companies/records', values({ domains: ['e-corp.test'] }))).body.data
      .id.record_id;
    const person = (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['ida@rel.test'] }))).body
      .data.id.record_id;
    const deal = await api(
      'POST',
      '/v2/objects/deals/records',
      values({
        name: ['PQL - E Corp'],
        stage: ['Product Qualified'],
        owner: ['jordan.patel@plg-demo.test'],
        associated_people: [{ target_object: 'people', target_record_id: person }],
        associated_company: [{ target_object: 'companies', target_record_id: company }],
      }),
    );
    const did = deal.body.data.id.record_id;
    expect(refIds(await getRecord('people', person), 'associated_deals')).toEqual([did]);
    expect(refIds(await getRecord('companies', company), 'associated_deals')).toEqual([did]);
    await api('PUT', `/v2/objects/deals/records/${did}`, values({ associated_people: [] }));
    expect(refIds(await getRecord('people', person), 'associated_deals')).toEqual([]);
  });
});

itConformsToOpenApi(fixture);
