import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const fixture = useEmulator({ seed: 'plg-demo' });
const { api } = fixture;

const ids: Record<string, string> = {};
const ref = (object: string, id: string | undefined) => ({ target_object: object, target_record_id: id });
const notFound = (res: { status: number; body: any }, message: string) => {
  expect(res.status).toBe(404);
  expect(res.body).toEqual({ status_code: 404, type: 'invalid_request_error', code: 'not_found', message });
};

beforeAll(async () => {
  const company = await api('PUT', '/v2/objects/companies/records', values({ domains: ['acme.com'], name: ['Acme'] }), {
    query: { matching_attribute: 'domains' },
  });
  ids.company = company.body.data.id.record_id;
  for (const email of ['ann@acme.com', 'bob@acme.com']) {
    const person = await api(
      'PUT',
      '/v2/objects/people/records',
      values({ email_addresses: [email], company: [ref('companies', ids.company)] }),
      {
        query: { matching_attribute: 'email_addresses' },
      },
    );
    ids[email] = person.body.data.id.record_id;
  }
  const deal = await api(
    'POST',
    '/v2/objects/deals/records',
    values({
      name: ['PQL - Acme'],
      stage: ['Product Qualified'],
      owner: ['alex.rivera@plg-demo.test'],
      associated_company: [ref('companies', ids.company)],
      associated_people: [ref('people', ids['ann@acme.com']), ref('people', ids['bob@acme.com'])],
    }),
  );
  ids.deal = deal.body.data.id.record_id;
  const entry = await api('PUT', '/v2/lists/active_trials/entries', {
    data: {
      parent_record_id: ids['ann@acme.com'],
      parent_object: 'people',
      entry_values: { trial_started_at: ['2024-05-01T10:00:00Z'] },
    },
  });
  ids.entry = entry.body.data.id.entry_id;
  const note = await api('POST', '/v2/notes', {
    data: {
      parent_object: 'people',
      parent_record_id: ids['ann@acme.com'],
      title: 'Activation Milestone',
      format: 'plaintext',
      content: 'Integration connected',
    },
  });
  ids.note = note.body.data.id.note_id;
  const task = await api('POST', '/v2/tasks', {
    data: {
      content: 'PQL Follow-up',
      format: 'plaintext',
      deadline_at: '2024-05-02T10:00:00Z',
      is_completed: false,
      linked_records: [ref('deals', ids.deal), ref('people', ids['ann@acme.com'])],
      assignees: [{ workspace_member_email_address: 'alex.rivera@plg-demo.test' }],
    },
  });
  ids.task = task.body.data.id.task_id;
});

describe('DELETE /v2/notes/{note_id} and /v2/tasks/{task_id}', () => {
  it('deletes a note: 200 with an empty object, then 404 for it', async () => {
    const note = await api('POST', '/v2/notes', {
      data: {
        parent_object: 'people',
        parent_record_id: ids['bob@acme.com'],
        title: 'Duplicate',
        format: 'plaintext',
        content: 'x',
      },
    });
    const id = note.body.data.id.note_id;
    const res = await api('DELETE', `/v2/notes/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    notFound(await api('GET', `/v2/notes/${id}`), `Note with ID "${id}" was not found.`);
    notFound(await api('DELETE', `/v2/notes/${id}`), `Note with ID "${id}" was not found.`);
    const listed = await api('GET', '/v2/notes', undefined, {
      query: { parent_object: 'people', parent_record_id: String(ids['bob@acme.com']) },
    });
    expect(listed.body.data).toEqual([]);
  });

  it('deletes a task: 200 with an empty object, then 404 for it', async () => {
    const task = await api('POST', '/v2/tasks', {
      data: {
        content: 'Duplicate',
        format: 'plaintext',
        deadline_at: null,
        is_completed: false,
        linked_records: [ref('deals', ids.deal)],
        assignees: [],
      },
    });
    const id = task.body.data.id.task_id;
    const res = await api('DELETE', `/v2/tasks/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    notFound(await api('GET', `/v2/tasks/${id}`), `Could not find Task with ID "${id}".`);
    notFound(await api('DELETE', `/v2/tasks/${id}`), `Could not find Task with ID "${id}".`);
    const listed = await api('GET', '/v2/tasks', undefined, {
      query: { linked_object: 'deals', linked_record_id: String(ids.deal) },
    });
    expect(listed.body.data.map((t: any) => t.id.task_id)).toEqual([ids.task]);
  });
});

describe('DELETE /v2/lists/{list}/entries/{entry_id}', () => {
  it('deletes an entry, after which asserting the parent creates a new one', async () => {
    const person = ids['bob@acme.com'];
    const entry = await api('POST', '/v2/lists/pql_queue/entries', {
      data: { parent_record_id: person, parent_object: 'people', entry_values: {} },
    });
    const id = entry.body.data.id.entry_id;
    const res = await api('DELETE', `/v2/lists/pql_queue/entries/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    notFound(await api('GET', `/v2/lists/pql_queue/entries/${id}`), `Entry with ID "${id}" not found.`);
    notFound(await api('DELETE', `/v2/lists/pql_queue/entries/${id}`), `Entry with ID "${id}" not found.`);
    const again = await api('PUT', '/v2/lists/pql_queue/entries', {
      data: { parent_record_id: person, parent_object: 'people', entry_values: {} },
    });
    expect(again.body.data.id.entry_id).not.toBe(id);
  });

  it('answers 404 for an entry of another list and for an unknown list', async () => {
    notFound(
      await api('DELETE', `/v2/lists/pql_queue/entries/${ids.entry}`),
      `Entry with ID "${ids.entry}" not found.`,
    );
    notFound(
      await api('DELETE', `/v2/lists/enterprise_sales/entries/${ids.entry}`),
      'List with slug/ID "enterprise_sales" not found.',
    );
  });
});

describe('DELETE /v2/objects/{object}/records/{record_id}', () => {
  it('deletes the record and every reference to it, its entries and notes; tasks only unlink it', async () => {
    const ann = ids['ann@acme.com'];
    const res = await api('DELETE', `/v2/objects/people/records/${ann}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({});
    notFound(await api('GET', `/v2/objects/people/records/${ann}`), `Record with ID "${ann}" not found.`);

    const company = await api('GET', `/v2/objects/companies/records/${ids.company}`);
    expect(company.body.data.values.team.map((v: any) => v.target_record_id)).toEqual([ids['bob@acme.com']]);
    const deal = await api('GET', `/v2/objects/deals/records/${ids.deal}`);
    expect(deal.body.data.values.associated_people.map((v: any) => v.target_record_id)).toEqual([ids['bob@acme.com']]);
    const byPerson = await api('POST', '/v2/objects/deals/records/query', {
      filter: { associated_people: ref('people', ann) },
    });
    expect(byPerson.body.data).toEqual([]);

    notFound(
      await api('GET', `/v2/lists/active_trials/entries/${ids.entry}`),
      `Entry with ID "${ids.entry}" not found.`,
    );
    const entries = await api('POST', '/v2/lists/active_trials/entries/query', { filter: { parent_record_id: ann } });
    expect(entries.body.data).toEqual([]);
    notFound(await api('GET', `/v2/notes/${ids.note}`), `Note with ID "${ids.note}" was not found.`);

    const task = await api('GET', `/v2/tasks/${ids.task}`);
    expect(task.body.data.linked_records.map((l: any) => l.target_record_id)).toEqual([ids.deal]);
  });

  it("frees the deleted record's unique values for a new record", async () => {
    const again = await api('PUT', '/v2/objects/people/records', values({ email_addresses: ['ann@acme.com'] }), {
      query: { matching_attribute: 'email_addresses' },
    });
    expect(again.status).toBe(200);
    expect(again.body.data.id.record_id).not.toBe(ids['ann@acme.com']);
  });

  it('answers 404 for an unknown record, a record of another object and an unknown object', async () => {
    const unknown = randomUUID();
    notFound(await api('DELETE', `/v2/objects/people/records/${unknown}`), `Record with ID "${unknown}" not found.`);
    notFound(
      await api('DELETE', `/v2/objects/people/records/${ids.company}`),
      `Record with ID "${ids.company}" not found.`,
    );
    expect((await api('GET', `/v2/objects/companies/records/${ids.company}`)).status).toBe(200);
    notFound(
      await api('DELETE', `/v2/objects/spaceships/records/${unknown}`),
      'Object with slug/ID "spaceships" not found.',
    );
  });

  it('counts deletes as writes', () => {
    const deletes = fixture.emulator.requests.filter((r) => r.method === 'DELETE');
    expect(deletes.length).toBeGreaterThan(5);
    expect(deletes.every((r) => r.write)).toBe(true);
  });
});

itConformsToOpenApi(fixture);
