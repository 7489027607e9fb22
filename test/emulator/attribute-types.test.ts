import { describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const fixture = useEmulator();
const { api } = fixture;

let counter = 0;
/** Creates a person with a fresh email plus the given values; returns the response. */
async function createPerson(extra: Record<string, unknown>, invalidRequest = false) {
  counter += 1;
  return api('POST', '/v2/objects/people/records', values({ email_addresses: [`p${counter}@types.test`], ...extra }), {
    invalidRequest,
  });
}

/** The type fields of the first value of an attribute, without history fields. */
function first(res: { body: any }, slug: string): Record<string, unknown> {
  const { active_from: _from, active_until: _until, created_by_actor: _actor, ...rest } = res.body.data.values[slug][0];
  return rest;
}

describe('text', () => {
  it('stores a string, bare or in an array', async () => {
    expect(first(await createPerson({ job_title: ['CTO'] }), 'job_title')).toEqual({
      value: 'CTO',
      attribute_type: 'text',
    });
    expect(first(await createPerson({ job_title: 'CEO' }, true), 'job_title')).toEqual({
      value: 'CEO',
      attribute_type: 'text',
    });
  });
  it('rejects a number with validation_type', async () => {
    const res = await createPerson({ job_title: [42] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status_code: 400, type: 'invalid_request_error', code: 'validation_type' });
  });
});

describe('number', () => {
  it('stores a number', async () => {
    expect(first(await createPerson({ pql_score: [75] }), 'pql_score')).toEqual({
      value: 75,
      attribute_type: 'number',
    });
  });
  it('rejects a numeric string', async () => {
    expect((await createPerson({ pql_score: ['75'] })).body.code).toBe('validation_type');
  });
});

describe('date', () => {
  it('stores YYYY-MM-DD and truncates an ISO timestamp to its date', async () => {
    expect(first(await createPerson({ signup_date: ['2024-03-05'] }), 'signup_date')).toEqual({
      value: '2024-03-05',
      attribute_type: 'date',
    });
    expect(first(await createPerson({ signup_date: ['2024-03-05T22:10:00Z'] }), 'signup_date')).toMatchObject({
      value: '2024-03-05',
    });
  });
  it('rejects an impossible date', async () => {
    expect((await createPerson({ signup_date: ['2024-02-30'] })).body.code).toBe('validation_type');
    expect((await createPerson({ signup_date: ['yesterday'] })).body.code).toBe('validation_type');
  });
});

describe('timestamp', () => {
  it('stores an ISO 8601 timestamp in UTC with nanosecond precision', async () => {
    const res = await createPerson({ pql_scored_at: ['2024-03-05T10:00:00+02:00'] });
    expect(first(res, 'pql_scored_at')).toEqual({
      value: '2024-03-05T08:00:00.000000000Z',
      attribute_type: 'timestamp',
    });
  });
  it('rejects a non-timestamp', async () => {
    expect((await createPerson({ pql_scored_at: ['soon'] })).body.code).toBe('validation_type');
  });
});

describe('select', () => {
  it('takes an option by title or by id and answers the whole option', async () => {
    const options = await api('GET', '/v2/objects/people/attributes/plan_type/options');
    const pro = options.body.data.find((o: { title: string }) => o.title === 'pro');
    const byTitle = first(await createPerson({ plan_type: ['pro'] }), 'plan_type');
    const byId = first(await createPerson({ plan_type: [pro.id.option_id] }), 'plan_type');
    expect(byTitle).toEqual({ option: pro, attribute_type: 'select' });
    expect(byId).toEqual(byTitle);
  });
  it('stores several options on a multi-select attribute', async () => {
    const res = await createPerson({ milestones_completed: ['onboarding_completed', 'data_imported'] });
    expect(res.body.data.values.milestones_completed.map((v: any) => v.option.title)).toEqual([
      'onboarding_completed',
      'data_imported',
    ]);
  });
  it('rejects an unknown title with value_not_found', async () => {
    const res = await createPerson({ plan_type: ['platinum'] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('value_not_found');
  });
  it('rejects two values for a single-select attribute', async () => {
    expect((await createPerson({ plan_type: ['pro', 'free'] })).body.code).toBe('validation_type');
  });
});

describe('status', () => {
  const deal = (stage: unknown) =>
    api('POST', '/v2/objects/deals/records', values({ name: ['Deal'], stage, owner: ['alex.rivera@plg-demo.test'] }));
  it('takes a stage by title or id and answers the whole status', async () => {
    const statuses = await api('GET', '/v2/objects/deals/attributes/stage/statuses');
    const won = statuses.body.data.find((s: { title: string }) => s.title === 'Won 🎉');
    expect(first(await deal(['Won 🎉']), 'stage')).toEqual({ status: won, attribute_type: 'status' });
    expect(first(await deal([won.id.status_id]), 'stage')).toEqual({ status: won, attribute_type: 'status' });
  });
  it('rejects an unknown stage title with value_not_found', async () => {
    expect((await deal(['Negotiation'])).body.code).toBe('value_not_found');
  });
});

describe('email-address', () => {
  it('lowercases the address and splits it into domain, root domain and local specifier', async () => {
    const res = await api(
      'POST',
      '/v2/objects/people/records',
      values({ email_addresses: ['Dana+trial@Mail.Example.co.uk'] }),
    );
    expect(first(res, 'email_addresses')).toEqual({
      original_email_address: 'Dana+trial@Mail.Example.co.uk',
      email_address: 'dana+trial@mail.example.co.uk',
      email_domain: 'mail.example.co.uk',
      email_root_domain: 'example.co.uk',
      email_local_specifier: 'dana',
      attribute_type: 'email-address',
    });
  });
  it('rejects an invalid address', async () => {
    expect(
      (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['not-an-email'] }))).body.code,
    ).toBe('validation_type');
  });
});

describe('domain', () => {
  it('keeps the lowercased host of a URL and derives the root domain', async () => {
    const res = await api(
      'POST',
      '/v2/objects/companies/records',
      values({ domains: ['https://App.Globex.io:8443/pricing?x=1'] }),
    );
    expect(first(res, 'domains')).toEqual({
      domain: 'app.globex.io',
      root_domain: 'globex.io',
      attribute_type: 'domain',
    });
  });
  it('accepts several domains and rejects something that is not a domain', async () => {
    const res = await api('POST', '/v2/objects/companies/records', values({ domains: ['initech.com', 'initech.net'] }));
    expect(res.body.data.values.domains.map((v: any) => v.domain)).toEqual(['initech.com', 'initech.net']);
    expect((await api('POST', '/v2/objects/companies/records', values({ domains: ['not a domain'] }))).body.code).toBe(
      'validation_type',
    );
  });
});

describe('personal-name', () => {
  it('takes an object and fills in full_name', async () => {
    expect(first(await createPerson({ name: [{ first_name: 'Ada', last_name: 'Lovelace' }] }), 'name')).toEqual({
      first_name: 'Ada',
      last_name: 'Lovelace',
      full_name: 'Ada Lovelace',
      attribute_type: 'personal-name',
    });
  });
  it('splits a string at the first space', async () => {
    expect(first(await createPerson({ name: ['Grace Brewster Hopper'] }), 'name')).toMatchObject({
      first_name: 'Grace',
      last_name: 'Brewster Hopper',
      full_name: 'Grace Brewster Hopper',
    });
  });
  it('rejects a number', async () => {
    expect((await createPerson({ name: [7] })).body.code).toBe('validation_type');
  });
});

describe('currency', () => {
  it('stores a number in the attribute currency', async () => {
    const res = await api(
      'POST',
      '/v2/objects/deals/records',
      values({ name: ['Deal'], stage: ['Lead'], owner: ['sam.chen@plg-demo.test'], value: [12000] }),
    );
    expect(first(res, 'value')).toEqual({ currency_value: 12000, currency_code: 'USD', attribute_type: 'currency' });
  });
  it('rejects a string amount', async () => {
    const res = await api(
      'POST',
      '/v2/objects/deals/records',
      values({ name: ['Deal'], stage: ['Lead'], owner: ['sam.chen@plg-demo.test'], value: ['12k'] }),
    );
    expect(res.body.code).toBe('validation_type');
  });
});

describe('record-reference', () => {
  it('references by target_record_id or by one unique attribute of the target', async () => {
    const company = await api(
      'POST',
      '/v2/objects/companies/records',
      values({ domains: ['umbrella.test'], name: ['Umbrella'] }),
    );
    const id = company.body.data.id.record_id;
    expect(
      first(await createPerson({ company: [{ target_object: 'companies', target_record_id: id }] }), 'company'),
    ).toEqual({
      target_object: 'companies',
      target_record_id: id,
      attribute_type: 'record-reference',
    });
    const byDomain = await createPerson(
      { company: [{ target_object: 'companies', domains: [{ domain: 'umbrella.test' }] }] },
      true,
    );
    expect(first(byDomain, 'company')).toMatchObject({ target_record_id: id });
  });
  it('rejects a reference that matches no record, or a record of another object', async () => {
    const none = await createPerson(
      { company: [{ target_object: 'companies', domains: [{ domain: 'nobody.test' }] }] },
      true,
    );
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('value_not_found');
    const person = await createPerson({});
    const wrong = await createPerson({
      company: [{ target_object: 'companies', target_record_id: person.body.data.id.record_id }],
    });
    expect(wrong.body.code).toBe('value_not_found');
    const wrongObject = await createPerson({
      company: [{ target_object: 'people', target_record_id: person.body.data.id.record_id }],
    });
    expect(wrongObject.body.code).toBe('validation_type');
  });
  it('rejects matching on an attribute that is not unique', async () => {
    const res = await createPerson({ company: [{ target_object: 'companies', name: [{ value: 'Umbrella' }] }] }, true);
    expect(res.body.code).toBe('validation_type');
  });
});

describe('actor-reference', () => {
  it('references a workspace member by email, by email object or by actor id', async () => {
    const members = await api('GET', '/v2/workspace_members');
    const sam = members.body.data.find((m: any) => m.email_address === 'sam.chen@plg-demo.test').id.workspace_member_id;
    const deal = (owner: unknown) =>
      api('POST', '/v2/objects/deals/records', values({ name: ['Deal'], stage: ['Lead'], owner }));
    const expected = {
      referenced_actor_type: 'workspace-member',
      referenced_actor_id: sam,
      attribute_type: 'actor-reference',
    };
    expect(first(await deal(['SAM.CHEN@plg-demo.test']), 'owner')).toEqual(expected);
    expect(first(await deal([{ workspace_member_email_address: 'sam.chen@plg-demo.test' }]), 'owner')).toEqual(
      expected,
    );
    expect(
      first(await deal([{ referenced_actor_type: 'workspace-member', referenced_actor_id: sam }]), 'owner'),
    ).toEqual(expected);
  });
  it('rejects an email that is not a member with value_not_found', async () => {
    const res = await api(
      'POST',
      '/v2/objects/deals/records',
      values({ name: ['Deal'], stage: ['Lead'], owner: ['ghost@plg-demo.test'] }),
    );
    expect(res.body.code).toBe('value_not_found');
  });
});

describe('any attribute', () => {
  it('rejects an unknown attribute slug with value_not_found', async () => {
    const res = await createPerson({ shoe_size: [42] });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('value_not_found');
    expect(res.body.message).toContain('shoe_size');
  });
  it('rejects writes to system attributes', async () => {
    expect((await createPerson({ created_at: ['2024-01-01T00:00:00Z'] })).body.code).toBe('validation_type');
  });
});

itConformsToOpenApi(fixture);
