import { beforeAll, describe, expect, it } from 'vitest';
import { itConformsToOpenApi, useEmulator, values } from '../support/emulator.js';

const fixture = useEmulator();
const { api } = fixture;

let ann = '';
let bob = '';
let memberIds: Record<string, string> = {};

beforeAll(async () => {
  ann = (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['ann@lists.test'] }))).body.data.id
    .record_id;
  bob = (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['bob@lists.test'] }))).body.data.id
    .record_id;
  const members = await api('GET', '/v2/workspace_members');
  memberIds = Object.fromEntries(members.body.data.map((m: any) => [m.email_address, m.id.workspace_member_id]));
});

const entry = (parent: string, entryValues: Record<string, unknown> = {}) => ({
  data: { parent_record_id: parent, parent_object: 'people', entry_values: entryValues },
});

describe('list entries', () => {
  it('asserting by parent record creates once, then updates the same entry', async () => {
    const first = await api(
      'PUT',
      '/v2/lists/active_trials/entries',
      entry(ann, { trial_started_at: ['2024-05-01T00:00:00Z'] }),
    );
    expect(first.status).toBe(200);
    expect(first.body.data).toMatchObject({ parent_record_id: ann, parent_object: 'people' });
    const second = await api(
      'PUT',
      '/v2/lists/active_trials/entries',
      entry(ann, { trial_started_at: ['2024-05-02T00:00:00Z'] }),
    );
    expect(second.body.data.id.entry_id).toBe(first.body.data.id.entry_id);
    expect(second.body.data.entry_values.trial_started_at[0].value).toBe('2024-05-02T00:00:00.000000000Z');
    const got = await api('GET', `/v2/lists/active_trials/entries/${first.body.data.id.entry_id}`);
    expect(got.body).toEqual(second.body);
  });

  it('POST allows duplicates, after which assert answers multiple_match_results', async () => {
    await api('POST', '/v2/lists/pql_queue/entries', entry(bob, { pql_score: [70] }));
    await api('POST', '/v2/lists/pql_queue/entries', entry(bob, { pql_score: [75] }));
    const res = await api('PUT', '/v2/lists/pql_queue/entries', entry(bob));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('multiple_match_results');
  });

  it('queries entries by parent record with limit and offset', async () => {
    const all = await api('POST', '/v2/lists/pql_queue/entries/query', { filter: { parent_record_id: bob } });
    expect(all.body.data).toHaveLength(2);
    const paged = await api('POST', '/v2/lists/pql_queue/entries/query', {
      filter: { parent_record_id: bob },
      limit: 1,
      offset: 1,
    });
    expect(paged.body.data.map((e: any) => e.entry_values.pql_score[0].value)).toEqual([75]);
    const byValue = await api('POST', '/v2/lists/pql_queue/entries/query', { filter: { pql_score: { $gte: 72 } } });
    expect(byValue.body.data).toHaveLength(1);
    const none = await api('POST', '/v2/lists/active_trials/entries/query', { filter: { parent_record_id: bob } });
    expect(none.body.data).toEqual([]);
  });

  it('rejects an unknown parent record, a wrong parent object and an unknown list', async () => {
    const missing = await api('POST', '/v2/lists/active_trials/entries', entry('891dcbfc-9141-415d-9b2a-2238a6cc012d'));
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('value_not_found');
    const wrongObject = await api('PUT', '/v2/lists/active_trials/entries', {
      data: { parent_record_id: ann, parent_object: 'companies', entry_values: {} },
    });
    expect(wrongObject.body.code).toBe('validation_type');
    const noList = await api('PUT', '/v2/lists/enterprise_sales/entries', entry(ann));
    expect(noList.status).toBe(404);
    const noEntry = await api('GET', '/v2/lists/active_trials/entries/891dcbfc-9141-415d-9b2a-2238a6cc012d');
    expect(noEntry.status).toBe(404);
  });
});

describe('GET /v2/objects/{object}/records/{record_id}/entries', () => {
  it("lists a record's entries across lists, in order of creation, with limit and offset", async () => {
    const carl = (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['carl@lists.test'] })))
      .body.data.id.record_id;
    const trial = await api(
      'PUT',
      '/v2/lists/active_trials/entries',
      entry(carl, { trial_started_at: ['2024-05-01T00:00:00Z'] }),
    );
    const pql = await api('PUT', '/v2/lists/pql_queue/entries', entry(carl, { pql_score: [80] }));
    const lists = Object.fromEntries(
      (await api('GET', '/v2/lists')).body.data.map((l: any) => [l.api_slug, l.id.list_id]),
    );
    const res = await api('GET', `/v2/objects/people/records/${carl}/entries`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        list_id: lists.active_trials,
        list_api_slug: 'active_trials',
        entry_id: trial.body.data.id.entry_id,
        created_at: trial.body.data.created_at,
      },
      {
        list_id: lists.pql_queue,
        list_api_slug: 'pql_queue',
        entry_id: pql.body.data.id.entry_id,
        created_at: pql.body.data.created_at,
      },
    ]);
    const second = await api('GET', `/v2/objects/people/records/${carl}/entries`, undefined, {
      query: { limit: '1', offset: '1' },
    });
    expect(second.body.data.map((e: any) => e.list_api_slug)).toEqual(['pql_queue']);
    const none = await api(
      'GET',
      `/v2/objects/people/records/${ann.replace(/.$/, ann.endsWith('0') ? '1' : '0')}/entries`,
    );
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('not_found');
  });

  it('answers an empty list for a record in no list, and 400 for a limit above 1000', async () => {
    const dana = (await api('POST', '/v2/objects/people/records', values({ email_addresses: ['dana@lists.test'] })))
      .body.data.id.record_id;
    expect((await api('GET', `/v2/objects/people/records/${dana}/entries`)).body.data).toEqual([]);
    const tooMany = await api('GET', `/v2/objects/people/records/${dana}/entries`, undefined, {
      query: { limit: '1001' },
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('validation_type');
  });
});

describe('notes', () => {
  const note = (parent: string, title: string, format = 'plaintext', content = 'Body') => ({
    data: { parent_object: 'people', parent_record_id: parent, title, format, content },
  });

  it('creates a note and gets it back', async () => {
    const created = await api(
      'POST',
      '/v2/notes',
      note(ann, 'Activation Milestone', 'markdown', '# Done\n**first_integration** at [link](https://x.test)'),
    );
    expect(created.body.data).toMatchObject({
      parent_object: 'people',
      parent_record_id: ann,
      title: 'Activation Milestone',
      content_markdown: '# Done\n**first_integration** at [link](https://x.test)',
      content_plaintext: 'Done\nfirst_integration at link',
      meeting_id: null,
      tags: [],
    });
    const got = await api('GET', `/v2/notes/${created.body.data.id.note_id}`);
    expect(got.body).toEqual(created.body);
  });

  it('lists notes of one parent record with limit and offset, at most 50', async () => {
    for (const title of ['one', 'two', 'three']) await api('POST', '/v2/notes', note(bob, title));
    const query = { parent_object: 'people', parent_record_id: bob };
    const all = await api('GET', '/v2/notes', undefined, { query });
    expect(all.body.data.map((n: any) => n.title)).toEqual(['one', 'two', 'three']);
    const paged = await api('GET', '/v2/notes', undefined, { query: { ...query, limit: '1', offset: '1' } });
    expect(paged.body.data.map((n: any) => n.title)).toEqual(['two']);
    const tooMany = await api('GET', '/v2/notes', undefined, { query: { ...query, limit: '51' } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.code).toBe('validation_type');
  });

  it('rejects a bad format, an unknown parent record and an unknown note', async () => {
    expect((await api('POST', '/v2/notes', note(ann, 't', 'html'), { invalidRequest: true })).body.code).toBe(
      'validation_type',
    );
    expect((await api('POST', '/v2/notes', note('891dcbfc-9141-415d-9b2a-2238a6cc012d', 't'))).status).toBe(404);
    expect((await api('GET', '/v2/notes/ff3f3bd4-40f4-4f80-8187-cd02385af424')).status).toBe(404);
  });
});

describe('tasks', () => {
  const task = (overrides: Record<string, unknown> = {}) => ({
    data: {
      content: 'PQL Follow-up',
      format: 'plaintext',
      deadline_at: '2024-05-02T09:00:00Z',
      is_completed: false,
      linked_records: [{ target_object: 'people', target_record_id: ann }],
      assignees: [{ workspace_member_email_address: 'sam.chen@plg-demo.test' }],
      ...overrides,
    },
  });

  it('creates a task and gets it back with member and object ids', async () => {
    const people = await api('GET', '/v2/objects/people');
    const created = await api('POST', '/v2/tasks', task());
    expect(created.body.data).toMatchObject({
      content_plaintext: 'PQL Follow-up',
      deadline_at: '2024-05-02T09:00:00.000000000Z',
      is_completed: false,
      linked_records: [{ target_object_id: people.body.data.id.object_id, target_record_id: ann }],
      assignees: [
        { referenced_actor_type: 'workspace-member', referenced_actor_id: memberIds['sam.chen@plg-demo.test'] },
      ],
    });
    const got = await api('GET', `/v2/tasks/${created.body.data.id.task_id}`);
    expect(got.body).toEqual(created.body);
  });

  it('accepts assignees by actor id and linked records by unique attribute', async () => {
    const res = await api(
      'POST',
      '/v2/tasks',
      task({
        assignees: [
          { referenced_actor_type: 'workspace-member', referenced_actor_id: memberIds['alex.rivera@plg-demo.test'] },
        ],
        linked_records: [{ target_object: 'people', email_addresses: [{ email_address: 'bob@lists.test' }] }],
      }),
      { invalidRequest: true },
    );
    expect(res.status).toBe(200);
    expect(res.body.data.linked_records[0].target_record_id).toBe(bob);
  });

  it('lists tasks by linked record and completion, and PATCH completes one', async () => {
    const created = await api(
      'POST',
      '/v2/tasks',
      task({ content: 'PLG -> Sales Handoff', linked_records: [{ target_object: 'people', target_record_id: bob }] }),
    );
    const id = created.body.data.id.task_id;
    const byRecord = await api('GET', '/v2/tasks', undefined, {
      query: { linked_object: 'people', linked_record_id: bob },
    });
    expect(byRecord.body.data.map((t: any) => t.content_plaintext)).toEqual(['PQL Follow-up', 'PLG -> Sales Handoff']);
    const patched = await api('PATCH', `/v2/tasks/${id}`, { data: { is_completed: true } });
    expect(patched.body.data.is_completed).toBe(true);
    const open = await api('GET', '/v2/tasks', undefined, {
      query: { linked_object: 'people', linked_record_id: bob, is_completed: 'false' },
    });
    expect(open.body.data.map((t: any) => t.content_plaintext)).toEqual(['PQL Follow-up']);
  });

  it('requires every field, plaintext format and at most 2000 characters', async () => {
    const missing = task();
    delete (missing.data as Record<string, unknown>).assignees;
    expect((await api('POST', '/v2/tasks', missing, { invalidRequest: true })).body.code).toBe('validation_type');
    expect(
      (await api('POST', '/v2/tasks', task({ content: 'x'.repeat(2001) }), { invalidRequest: true })).body.code,
    ).toBe('validation_type');
    expect((await api('POST', '/v2/tasks', task({ format: 'markdown' }), { invalidRequest: true })).body.code).toBe(
      'validation_type',
    );
    expect(
      (await api('POST', '/v2/tasks', task({ assignees: [{ workspace_member_email_address: 'ghost@x.test' }] }))).body
        .code,
    ).toBe('value_not_found');
  });

  it('answers 404 for an unknown task and rejects PATCH of the content', async () => {
    expect((await api('GET', '/v2/tasks/649e34f4-c39a-4f4d-99ef-48a36bef8f04')).status).toBe(404);
    const created = await api('POST', '/v2/tasks', task());
    const res = await api(
      'PATCH',
      `/v2/tasks/${created.body.data.id.task_id}`,
      { data: { content: 'new' } },
      { invalidRequest: true },
    );
    expect(res.body.code).toBe('validation_type');
  });
});

itConformsToOpenApi(fixture);
