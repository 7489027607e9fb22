/**
 * The emulator's indexes answer exactly what a scan answers, after any sequence of creates, asserts,
 * updates and deletes (records, entries, notes, tasks, and attributes created at run time). Requests go
 * straight to the route handlers, in process, so a property can run many sequences.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AttioApiError } from '../../src/emulator/errors.js';
import { FilterCompiler } from '../../src/emulator/filters.js';
import type { EntryRow, RecordRow, Workspace } from '../../src/emulator/model.js';
import { Router } from '../../src/emulator/router.js';
import { createWorkspace } from '../../src/emulator/seeds.js';
import { EMULATOR_ROUTES } from '../../src/emulator/server.js';
import { indexKey, isIndexed } from '../../src/emulator/indexes.js';
import { findList, findObject } from '../../src/emulator/store.js';
import { valueKey } from '../../src/emulator/values.js';

const router = new Router(EMULATOR_ROUTES);
let clock = Date.parse('2024-05-01T00:00:00Z');

function call(ws: Workspace, method: string, path: string, body?: unknown, query: Record<string, string> = {}): any {
  const route = router.match(method, path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  clock += 1000;
  try {
    const now = new Date(clock).toISOString().replace('Z', '000000Z');
    return route.handler({
      ws,
      params: route.params,
      query,
      body,
      write: { ws, now, actor: { type: 'api-token', id: ws.tokenId } },
    }).body;
  } catch (error) {
    if (error instanceof AttioApiError) return { error: error.code };
    throw error;
  }
}

const DOMAINS = ['a.test', 'b.test', 'c.test', 'd.test'];
const EMAILS = ['ann@a.test', 'bob@a.test', 'cat@b.test', 'dan@c.test', 'eve@gmail.com', 'fay@d.test'];
const KEYS = ['k0', 'k1', 'k2'];
const pick = <T>(items: T[], i: number): T | undefined => (items.length === 0 ? undefined : items[i % items.length]);
const ref = (object: string, id: string | undefined) => ({
  target_object: object,
  target_record_id: id ?? '00000000-0000-4000-8000-000000000000',
});

/** Everything ever created, deleted or not, so operations also meet 404s. */
interface Seen {
  companies: string[];
  people: string[];
  deals: string[];
  entries: { list: string; id: string }[];
  notes: string[];
  tasks: string[];
}

type Op = (ws: Workspace, seen: Seen) => void;
const i = fc.nat(50);

const ops: fc.Arbitrary<Op>[] = [
  fc.tuple(fc.nat(DOMAINS.length - 1), fc.string({ maxLength: 3 })).map(
    ([d, name]): Op =>
      (ws, seen) => {
        const res = call(
          ws,
          'PUT',
          '/v2/objects/companies/records',
          { data: { values: { domains: [DOMAINS[d]], name: [name || 'Co'] } } },
          { matching_attribute: 'domains' },
        );
        if (res.data) seen.companies.push(res.data.id.record_id);
      },
  ),
  fc.tuple(fc.nat(EMAILS.length - 1), fc.option(fc.nat(DOMAINS.length - 1))).map(
    ([e, d]): Op =>
      (ws, seen) => {
        const company = d === null ? [] : [{ target_object: 'companies', domains: [{ domain: DOMAINS[d] }] }];
        const put = (values: Record<string, unknown>) =>
          call(
            ws,
            'PUT',
            '/v2/objects/people/records',
            { data: { values } },
            { matching_attribute: 'email_addresses' },
          );
        // A company domain that is not there yet fails the assert (as in Attio); the person is then made without it.
        const withCompany = put({ email_addresses: [EMAILS[e]], company });
        const res = withCompany.data ? withCompany : put({ email_addresses: [EMAILS[e]] });
        if (res.data) seen.people.push(res.data.id.record_id);
      },
  ),
  fc.tuple(i, fc.option(i)).map(
    ([p, c]): Op =>
      (ws, seen) => {
        const company = c === null ? [] : [ref('companies', pick(seen.companies, c))];
        call(ws, 'PATCH', `/v2/objects/people/records/${pick(seen.people, p) ?? 'none'}`, {
          data: { values: { company } },
        });
      },
  ),
  fc.tuple(fc.array(i, { maxLength: 3 }), fc.option(i), fc.option(fc.nat(KEYS.length - 1))).map(
    ([ps, c, k]): Op =>
      (ws, seen) => {
        const values: Record<string, unknown> = {
          name: ['PQL'],
          stage: ['Lead'],
          owner: ['admin@plg-demo.test'],
          associated_people: ps.map((p) => ref('people', pick(seen.people, p))),
          associated_company: c === null ? [] : [ref('companies', pick(seen.companies, c))],
        };
        if (k !== null) values.plg_deal_key = [KEYS[k]];
        const res = call(ws, 'POST', '/v2/objects/deals/records', { data: { values } });
        if (res.data) seen.deals.push(res.data.id.record_id);
      },
  ),
  fc.tuple(i, fc.array(i, { maxLength: 3 })).map(
    ([dl, ps]): Op =>
      (ws, seen) => {
        call(ws, 'PUT', `/v2/objects/deals/records/${pick(seen.deals, dl) ?? 'none'}`, {
          data: { values: { associated_people: ps.map((p) => ref('people', pick(seen.people, p))) } },
        });
      },
  ),
  fc.tuple(fc.constantFrom('companies', 'people', 'deals'), i).map(
    ([object, n]): Op =>
      (ws, seen) => {
        call(ws, 'DELETE', `/v2/objects/${object}/records/${pick(seen[object as 'people'], n) ?? 'none'}`);
      },
  ),
  fc.tuple(fc.constantFrom('active_trials', 'pql_queue', 'champions'), i, fc.boolean(), fc.option(i)).map(
    ([list, p, assert, c]): Op =>
      (ws, seen) => {
        const entryValues =
          list === 'champions' && c !== null ? { account: [ref('companies', pick(seen.companies, c))] } : {};
        const body = {
          data: {
            parent_record_id: pick(seen.people, p) ?? 'none',
            parent_object: 'people',
            entry_values: entryValues,
          },
        };
        const res = call(ws, assert ? 'PUT' : 'POST', `/v2/lists/${list}/entries`, body);
        if (res.data) seen.entries.push({ list, id: res.data.id.entry_id });
      },
  ),
  i.map(
    (n): Op =>
      (ws, seen) => {
        const entry = pick(seen.entries, n);
        if (entry) call(ws, 'DELETE', `/v2/lists/${entry.list}/entries/${entry.id}`);
      },
  ),
  fc.tuple(fc.constantFrom('people', 'deals'), i).map(
    ([object, n]): Op =>
      (ws, seen) => {
        const parent = pick(object === 'people' ? seen.people : seen.deals, n) ?? 'none';
        const res = call(ws, 'POST', '/v2/notes', {
          data: { parent_object: object, parent_record_id: parent, title: 'Note', format: 'plaintext', content: 'x' },
        });
        if (res.data) seen.notes.push(res.data.id.note_id);
      },
  ),
  i.map(
    (n): Op =>
      (ws, seen) =>
        void call(ws, 'DELETE', `/v2/notes/${pick(seen.notes, n) ?? 'none'}`),
  ),
  fc.array(fc.tuple(fc.constantFrom('people', 'deals'), i), { maxLength: 3 }).map(
    (links): Op =>
      (ws, seen) => {
        const linked = links.map(([o, n]) => ref(o, pick(o === 'people' ? seen.people : seen.deals, n)));
        const res = call(ws, 'POST', '/v2/tasks', {
          data: {
            content: 'Task',
            format: 'plaintext',
            deadline_at: null,
            is_completed: false,
            linked_records: linked,
            assignees: [],
          },
        });
        if (res.data) seen.tasks.push(res.data.id.task_id);
      },
  ),
  fc.tuple(i, fc.array(fc.tuple(fc.constantFrom('people', 'deals'), i), { maxLength: 3 })).map(
    ([t, links]): Op =>
      (ws, seen) => {
        const linked = links.map(([o, n]) => ref(o, pick(o === 'people' ? seen.people : seen.deals, n)));
        call(ws, 'PATCH', `/v2/tasks/${pick(seen.tasks, t) ?? 'none'}`, { data: { linked_records: linked } });
      },
  ),
  i.map(
    (n): Op =>
      (ws, seen) =>
        void call(ws, 'DELETE', `/v2/tasks/${pick(seen.tasks, n) ?? 'none'}`),
  ),
];

// Creates come three times as often as anything else, so sequences build up a workspace worth querying.
const weighted = ops.map((arbitrary, n) => ({ arbitrary, weight: [0, 1, 3, 6, 8, 10].includes(n) ? 3 : 1 }));

/** A workspace with a list whose entries reference companies and a unique list attribute, created at run time. */
function workspace(): Workspace {
  const ws = createWorkspace('plg-demo');
  const attribute = (slug: string, type: string, extra: Record<string, unknown> = {}) => ({
    data: {
      title: slug,
      description: null,
      api_slug: slug,
      type,
      is_required: false,
      is_unique: false,
      is_multiselect: false,
      config: {},
      ...extra,
    },
  });
  call(ws, 'POST', '/v2/lists', {
    data: {
      name: 'Champions',
      api_slug: 'champions',
      parent_object: 'people',
      workspace_access: 'full-access',
      workspace_member_access: [],
    },
  });
  call(
    ws,
    'POST',
    '/v2/lists/champions/attributes',
    attribute('account', 'record-reference', { config: { record_reference: { allowed_objects: ['companies'] } } }),
  );
  return ws;
}

const ids = (rows: { id: { record_id?: string; entry_id?: string; note_id?: string; task_id?: string } }[]) =>
  rows.map((r) => r.id.record_id ?? r.id.entry_id ?? r.id.note_id ?? r.id.task_id);

function scanRecords(ws: Workspace, object: string, filter: unknown): string[] {
  const def = findObject(ws, object);
  const predicate = new FilterCompiler(ws, def, ['record_id']).compile(filter);
  return [...ws.records.values()]
    .filter((r) => r.object === object && predicate({ values: r.values, builtins: { record_id: r.id } }))
    .map((r) => r.id);
}

function scanEntries(ws: Workspace, list: string, filter: unknown): string[] {
  const def = findList(ws, list);
  const predicate = new FilterCompiler(ws, def, ['entry_id', 'parent_record_id', 'record_id', 'parent_object']).compile(
    filter,
  );
  const subject = (e: EntryRow) => ({
    values: e.values,
    builtins: {
      entry_id: e.id,
      parent_record_id: e.parentRecordId,
      record_id: e.parentRecordId,
      parent_object: e.parentObject,
    },
  });
  return [...ws.entries.values()].filter((e) => e.list === list && predicate(subject(e))).map((e) => e.id);
}

function checkAgainstScans(ws: Workspace, seen: Seen): void {
  const recordQueries: [string, unknown][] = [
    ...DOMAINS.map((d): [string, unknown] => ['companies', { domains: d.toUpperCase() }]),
    ...EMAILS.map((e): [string, unknown] => ['people', { email_addresses: { email_address: { $eq: e } } }]),
    ['people', { email_addresses: { $in: EMAILS.slice(0, 3) } }],
    ...KEYS.map((k): [string, unknown] => ['deals', { $and: [{ plg_deal_key: k }, { stage: 'Lead' }] }]),
    ...seen.companies.flatMap((c): [string, unknown][] => [
      ['people', { company: ref('companies', c) }],
      ['deals', { associated_company: { target_object: 'companies', target_record_id: { $eq: c } } }],
      ['companies', { record_id: c }],
    ]),
    ...seen.people.map((p): [string, unknown] => ['deals', { associated_people: ref('people', p) }]),
    ...seen.deals.map((d): [string, unknown] => ['people', { associated_deals: d }]),
  ];
  for (const [object, filter] of recordQueries) {
    const res = call(ws, 'POST', `/v2/objects/${object}/records/query`, { filter });
    expect({ object, filter, ids: ids(res.data) }).toEqual({ object, filter, ids: scanRecords(ws, object, filter) });
  }
  for (const p of seen.people) {
    for (const list of ['active_trials', 'pql_queue', 'champions']) {
      const filter = { parent_record_id: p };
      const res = call(ws, 'POST', `/v2/lists/${list}/entries/query`, { filter });
      expect(ids(res.data)).toEqual(scanEntries(ws, list, filter));
    }
    const entries = call(ws, 'GET', `/v2/objects/people/records/${p}/entries`);
    const scanned = [...ws.entries.values()].filter((e) => e.parentRecordId === p).map((e) => e.id);
    expect(
      entries.data ? entries.data.map((e: { entry_id: string }) => e.entry_id) : ws.records.has(p) ? 'missing' : [],
    ).toEqual(scanned);
    const notes = call(ws, 'GET', '/v2/notes', undefined, {
      parent_object: 'people',
      parent_record_id: p,
      limit: '50',
    });
    expect(ids(notes.data)).toEqual(
      [...ws.notes.values()]
        .filter((n) => n.parentRecordId === p)
        .map((n) => n.id)
        .slice(0, 50),
    );
    const tasks = call(ws, 'GET', '/v2/tasks', undefined, { linked_object: 'people', linked_record_id: p });
    expect(ids(tasks.data)).toEqual(
      [...ws.tasks.values()].filter((t) => t.linkedRecords.some((l) => l.recordId === p)).map((t) => t.id),
    );
  }
  for (const c of seen.companies) {
    const filter = { account: { target_object: 'companies', target_record_id: c } };
    expect(ids(call(ws, 'POST', '/v2/lists/champions/entries/query', { filter }).data)).toEqual(
      scanEntries(ws, 'champions', filter),
    );
  }
  checkIndexContents(ws, seen);
  // Nothing refers to a deleted record, and no unique value is held twice.
  const rows: (RecordRow | EntryRow)[] = [...ws.records.values(), ...ws.entries.values()];
  for (const row of rows) {
    for (const values of Object.values(row.values)) {
      for (const v of values)
        if (typeof v.fields.target_record_id === 'string') expect(ws.records.has(v.fields.target_record_id)).toBe(true);
    }
    if ('parentRecordId' in row) expect(ws.records.has(row.parentRecordId)).toBe(true);
  }
  for (const object of ws.objects) {
    for (const attr of object.attributes.filter((a) => a.isUnique)) {
      const keys = [...ws.records.values()]
        .filter((r) => r.object === object.slug)
        .flatMap((r) => (r.values[attr.slug] ?? []).map((v) => valueKey(attr, v.fields)));
      expect(new Set(keys).size).toBe(keys.length);
    }
  }
  for (const note of ws.notes.values()) expect(ws.records.has(note.parentRecordId)).toBe(true);
  for (const task of ws.tasks.values())
    for (const link of task.linkedRecords) expect(ws.records.has(link.recordId)).toBe(true);
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

/** The indexes hold exactly what the rows hold: no stale hit stays behind (which a query would hide). */
function checkIndexContents(ws: Workspace, seen: Seen): void {
  const everId = [...seen.companies, ...seen.people, ...seen.deals];
  const poolKeys = [...DOMAINS, ...EMAILS, ...KEYS.map((k) => JSON.stringify(k)), ...everId];
  for (const owner of [...ws.objects, ...ws.lists]) {
    const rows: (RecordRow | EntryRow)[] =
      owner.kind === 'object'
        ? [...ws.records.values()].filter((r) => r.object === owner.slug)
        : [...ws.entries.values()].filter((e) => e.list === owner.slug);
    for (const attr of owner.attributes.filter(isIndexed)) {
      const held = (row: RecordRow | EntryRow) => (row.values[attr.slug] ?? []).map((v) => indexKey(attr, v.fields));
      for (const key of new Set([...poolKeys, ...rows.flatMap(held)])) {
        const expected = rows.filter((r) => held(r).includes(key)).map((r) => r.id);
        expect({ owner: owner.slug, attr: attr.slug, key, ids: sorted(ws.indexes.rowsWith(owner, attr, key)) }).toEqual(
          { owner: owner.slug, attr: attr.slug, key, ids: sorted(expected) },
        );
      }
    }
    if (owner.kind === 'object')
      expect(sorted(ws.indexes.recordsByObject.get(owner.slug)?.keys() ?? [])).toEqual(sorted(rows.map((r) => r.id)));
    else expect(sorted(ws.indexes.entriesByList.get(owner.slug)?.keys() ?? [])).toEqual(sorted(rows.map((r) => r.id)));
  }
  for (const id of everId) {
    expect(sorted(ws.indexes.entriesByParent.get(id)?.keys() ?? [])).toEqual(
      sorted([...ws.entries.values()].filter((e) => e.parentRecordId === id).map((e) => e.id)),
    );
    expect(sorted(ws.indexes.notesByParent.get(id)?.keys() ?? [])).toEqual(
      sorted([...ws.notes.values()].filter((n) => n.parentRecordId === id).map((n) => n.id)),
    );
    const linked = [...ws.tasks.values()]
      .filter((t) => t.linkedRecords.some((l) => l.recordId === id))
      .map((t) => t.id);
    expect(sorted(ws.indexes.tasksByRecord.get(id)?.keys() ?? [])).toEqual(sorted(linked));
  }
}

describe('indexed lookups', () => {
  it('answer every query as a scan does, after any sequence of writes and deletes', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(...weighted), { minLength: 10, maxLength: 80, size: 'max' }), (sequence) => {
        const ws = workspace();
        const seen: Seen = { companies: [], people: [], deals: [], entries: [], notes: [], tasks: [] };
        for (const op of sequence) op(ws, seen);
        checkAgainstScans(ws, seen);
      }),
      { numRuns: 150 },
    );
  });

  it('find a unique value only on its current holder once it changed hands', () => {
    const ws = workspace();
    const deal = (key: string) =>
      call(ws, 'POST', '/v2/objects/deals/records', {
        data: { values: { name: ['D'], stage: ['Lead'], owner: ['admin@plg-demo.test'], plg_deal_key: [key] } },
      });
    const first = deal('k1').data.id.record_id;
    call(ws, 'PATCH', `/v2/objects/deals/records/${first}`, { data: { values: { plg_deal_key: ['k2'] } } });
    const second = deal('k1').data.id.record_id;
    expect(ids(call(ws, 'POST', '/v2/objects/deals/records/query', { filter: { plg_deal_key: 'k1' } }).data)).toEqual([
      second,
    ]);
    expect(ids(call(ws, 'POST', '/v2/objects/deals/records/query', { filter: { plg_deal_key: 'k2' } }).data)).toEqual([
      first,
    ]);
    expect(deal('k2')).toEqual({ error: 'uniqueness_conflict' });
  });

  it('index a unique attribute created at run time from its first value', () => {
    const ws = workspace();
    call(ws, 'POST', '/v2/objects/people/attributes', {
      data: {
        title: 'External id',
        api_slug: 'external_id',
        type: 'text',
        is_required: false,
        is_unique: true,
        is_multiselect: false,
        config: {},
      },
    });
    const put = (email: string) =>
      call(
        ws,
        'PUT',
        '/v2/objects/people/records',
        { data: { values: { external_id: ['u-1'], email_addresses: [email] } } },
        { matching_attribute: 'external_id' },
      );
    const first = put('a@x.test').data.id.record_id;
    expect(put('b@x.test').data.id.record_id).toBe(first);
    expect(ids(call(ws, 'POST', '/v2/objects/people/records/query', { filter: { external_id: 'u-1' } }).data)).toEqual([
      first,
    ]);
  });

  it("keep unique list attributes unique across the list's entries", () => {
    const ws = workspace();
    call(ws, 'POST', '/v2/lists/pql_queue/attributes', {
      data: {
        title: 'Ticket',
        api_slug: 'ticket',
        type: 'number',
        is_required: false,
        is_unique: true,
        is_multiselect: false,
        config: {},
      },
    });
    const people = ['a@x.test', 'b@x.test'].map(
      (e) =>
        call(ws, 'POST', '/v2/objects/people/records', { data: { values: { email_addresses: [e] } } }).data.id
          .record_id,
    );
    const entry = (p: string) =>
      call(ws, 'POST', '/v2/lists/pql_queue/entries', {
        data: { parent_record_id: p, parent_object: 'people', entry_values: { ticket: [7] } },
      });
    expect(entry(people[0]).data).toBeDefined();
    expect(entry(people[1])).toEqual({ error: 'uniqueness_conflict' });
  });
});
