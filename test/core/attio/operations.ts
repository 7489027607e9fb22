/**
 * Every client operation with the exact request it must produce and a reply Attio would give.
 * Shared by the nock pinning tests and the OpenAPI contract test, so both cover the same surface.
 */
import type { AttioClient } from '../../../src/core/attio/index.js';
import * as f from './fixtures.js';

export interface OperationCase {
  name: string;
  call: (client: AttioClient) => Promise<unknown>;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  reply: unknown;
  read: boolean;
}

const person = { target_object: 'people', target_record_id: f.PERSON_ID };

export const OPERATIONS: OperationCase[] = [
  { name: 'getSelf', call: (c) => c.getSelf(), method: 'GET', path: '/v2/self', reply: f.self, read: true },
  { name: 'listObjects', call: (c) => c.listObjects(), method: 'GET', path: '/v2/objects', reply: { data: [f.object] }, read: true },
  { name: 'getObject', call: (c) => c.getObject('people'), method: 'GET', path: '/v2/objects/people', reply: { data: f.object }, read: true },
  { name: 'listAttributes', call: (c) => c.listAttributes('objects', 'people'), method: 'GET', path: '/v2/objects/people/attributes', reply: { data: [f.attribute] }, read: true },
  { name: 'listSelectOptions', call: (c) => c.listSelectOptions('objects', 'people', 'pql_tier'), method: 'GET', path: '/v2/objects/people/attributes/pql_tier/options', reply: { data: [f.option] }, read: true },
  { name: 'listStatuses', call: (c) => c.listStatuses('objects', 'deals', 'stage'), method: 'GET', path: '/v2/objects/deals/attributes/stage/statuses', reply: { data: [f.status] }, read: true },
  { name: 'listLists', call: (c) => c.listLists(), method: 'GET', path: '/v2/lists', reply: { data: [f.list] }, read: true },
  { name: 'getList', call: (c) => c.getList('pql_queue'), method: 'GET', path: '/v2/lists/pql_queue', reply: { data: f.list }, read: true },
  {
    name: 'createAttribute',
    call: (c) => c.createAttribute('objects', 'people', { title: 'PQL score', apiSlug: 'pql_score', type: 'number' }),
    method: 'POST',
    path: '/v2/objects/people/attributes',
    body: { data: { title: 'PQL score', description: null, api_slug: 'pql_score', type: 'number', is_required: false, is_unique: false, is_multiselect: false, config: {} } },
    reply: { data: f.attribute },
    read: false,
  },
  {
    name: 'createAttribute (list entry attribute)',
    call: (c) => c.createAttribute('lists', 'active_trials', { title: 'Trial started at', apiSlug: 'trial_started_at', type: 'timestamp', description: 'When the trial started' }),
    method: 'POST',
    path: '/v2/lists/active_trials/attributes',
    body: { data: { title: 'Trial started at', description: 'When the trial started', api_slug: 'trial_started_at', type: 'timestamp', is_required: false, is_unique: false, is_multiselect: false, config: {} } },
    reply: { data: f.attribute },
    read: false,
  },
  {
    name: 'createSelectOption',
    call: (c) => c.createSelectOption('objects', 'people', 'pql_tier', 'hot'),
    method: 'POST',
    path: '/v2/objects/people/attributes/pql_tier/options',
    body: { data: { title: 'hot' } },
    reply: { data: f.option },
    read: false,
  },
  {
    name: 'createStatus',
    call: (c) => c.createStatus('objects', 'deals', 'stage', { title: 'Product Qualified' }),
    method: 'POST',
    path: '/v2/objects/deals/attributes/stage/statuses',
    body: { data: { title: 'Product Qualified' } },
    reply: { data: f.status },
    read: false,
  },
  {
    name: 'createList',
    call: (c) => c.createList({ name: 'PQL Queue', apiSlug: 'pql_queue', parentObject: 'people' }),
    method: 'POST',
    path: '/v2/lists',
    body: { data: { name: 'PQL Queue', api_slug: 'pql_queue', parent_object: 'people', workspace_access: 'full-access', workspace_member_access: [] } },
    reply: { data: f.list },
    read: false,
  },
  { name: 'listWorkspaceMembers', call: (c) => c.listWorkspaceMembers(), method: 'GET', path: '/v2/workspace_members', reply: { data: [f.member] }, read: true },
  {
    name: 'assertRecord',
    call: (c) => c.assertRecord('people', 'email_addresses', { email_addresses: ['jane@acme.com'], job_title: ['Product Lead'] }),
    method: 'PUT',
    path: '/v2/objects/people/records',
    query: { matching_attribute: 'email_addresses' },
    body: { data: { values: { email_addresses: ['jane@acme.com'], job_title: ['Product Lead'] } } },
    reply: { data: f.record },
    read: false,
  },
  {
    name: 'createRecord',
    call: (c) => c.createRecord('deals', { name: ['PQL - Acme'], stage: ['Product Qualified'], owner: ['alex@acme.test'] }),
    method: 'POST',
    path: '/v2/objects/deals/records',
    body: { data: { values: { name: ['PQL - Acme'], stage: ['Product Qualified'], owner: ['alex@acme.test'] } } },
    reply: { data: f.record },
    read: false,
  },
  { name: 'getRecord', call: (c) => c.getRecord('people', f.PERSON_ID), method: 'GET', path: `/v2/objects/people/records/${f.PERSON_ID}`, reply: { data: f.record }, read: true },
  {
    name: 'updateRecord (append)',
    call: (c) => c.updateRecord('people', f.PERSON_ID, { milestones_completed: ['first_integration'] }),
    method: 'PATCH',
    path: `/v2/objects/people/records/${f.PERSON_ID}`,
    body: { data: { values: { milestones_completed: ['first_integration'] } } },
    reply: { data: f.record },
    read: false,
  },
  {
    name: 'updateRecord (overwrite)',
    call: (c) => c.updateRecord('people', f.PERSON_ID, { pql_score: [65] }, 'overwrite'),
    method: 'PUT',
    path: `/v2/objects/people/records/${f.PERSON_ID}`,
    body: { data: { values: { pql_score: [65] } } },
    reply: { data: f.record },
    read: false,
  },
  {
    name: 'queryRecords',
    call: (c) => c.queryRecords('deals', { filter: { name: 'PQL - Acme' }, sorts: [{ attribute: 'created_at', direction: 'asc' }], limit: 1, offset: 0 }),
    method: 'POST',
    path: '/v2/objects/deals/records/query',
    body: { filter: { name: 'PQL - Acme' }, sorts: [{ attribute: 'created_at', direction: 'asc' }], limit: 1, offset: 0 },
    reply: { data: [f.record] },
    read: true,
  },
  {
    name: 'createEntry',
    call: (c) => c.createEntry('active_trials', { parentObject: 'people', parentRecordId: f.PERSON_ID }),
    method: 'POST',
    path: '/v2/lists/active_trials/entries',
    body: { data: { parent_record_id: f.PERSON_ID, parent_object: 'people', entry_values: {} } },
    reply: { data: f.entry },
    read: false,
  },
  {
    name: 'assertEntry',
    call: (c) => c.assertEntry('pql_queue', { parentObject: 'people', parentRecordId: f.PERSON_ID }),
    method: 'PUT',
    path: '/v2/lists/pql_queue/entries',
    body: { data: { parent_record_id: f.PERSON_ID, parent_object: 'people', entry_values: {} } },
    reply: { data: f.entry },
    read: false,
  },
  {
    name: 'queryEntries',
    call: (c) => c.queryEntries('pql_queue', { filter: { parent_record_id: f.PERSON_ID }, limit: 10 }),
    method: 'POST',
    path: '/v2/lists/pql_queue/entries/query',
    body: { filter: { parent_record_id: f.PERSON_ID }, limit: 10 },
    reply: { data: [f.entry] },
    read: true,
  },
  {
    name: 'createNote',
    call: (c) => c.createNote({ parentObject: 'people', parentRecordId: f.PERSON_ID, title: 'Activation Milestone', content: 'Milestone: first_integration', createdAt: '2024-12-15T12:00:00.000Z' }),
    method: 'POST',
    path: '/v2/notes',
    body: { data: { parent_object: 'people', parent_record_id: f.PERSON_ID, title: 'Activation Milestone', format: 'plaintext', content: 'Milestone: first_integration', created_at: '2024-12-15T12:00:00.000Z' } },
    reply: { data: f.note },
    read: false,
  },
  {
    name: 'listNotes',
    call: (c) => c.listNotes('people', f.PERSON_ID, 50, 50),
    method: 'GET',
    path: '/v2/notes',
    query: { parent_object: 'people', parent_record_id: f.PERSON_ID, limit: '50', offset: '50' },
    reply: { data: [f.note] },
    read: true,
  },
  {
    name: 'createTask',
    call: (c) => c.createTask({ content: 'PQL Follow-up: reach out to Jane Doe', deadlineAt: '2024-12-16T10:00:00.000Z', linkedRecords: [person], assignees: [{ workspace_member_email_address: 'alex@acme.test' }] }),
    method: 'POST',
    path: '/v2/tasks',
    body: { data: { content: 'PQL Follow-up: reach out to Jane Doe', format: 'plaintext', deadline_at: '2024-12-16T10:00:00.000Z', is_completed: false, linked_records: [person], assignees: [{ workspace_member_email_address: 'alex@acme.test' }] } },
    reply: { data: f.task },
    read: false,
  },
  {
    name: 'listTasks',
    call: (c) => c.listTasks({ linkedObject: 'people', linkedRecordId: f.PERSON_ID, isCompleted: false, limit: 20 }),
    method: 'GET',
    path: '/v2/tasks',
    query: { linked_object: 'people', linked_record_id: f.PERSON_ID, is_completed: 'false', limit: '20' },
    reply: { data: [f.task] },
    read: true,
  },
  { name: 'listWebhooks', call: (c) => c.listWebhooks(), method: 'GET', path: '/v2/webhooks', query: { limit: '100', offset: '0' }, reply: { data: [f.webhook] }, read: true },
  { name: 'getWebhook', call: (c) => c.getWebhook(f.WEBHOOK_ID), method: 'GET', path: `/v2/webhooks/${f.WEBHOOK_ID}`, reply: { data: f.webhook }, read: true },
  {
    name: 'createWebhook',
    call: (c) => c.createWebhook({ targetUrl: f.webhook.target_url, subscriptions: f.webhookSubscriptions }),
    method: 'POST',
    path: '/v2/webhooks',
    body: { data: { target_url: f.webhook.target_url, subscriptions: f.webhookSubscriptions } },
    reply: { data: { ...f.webhook, secret: 'ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb' } },
    read: false,
  },
  {
    name: 'updateWebhook',
    call: (c) => c.updateWebhook(f.WEBHOOK_ID, { subscriptions: f.webhookSubscriptions }),
    method: 'PATCH',
    path: `/v2/webhooks/${f.WEBHOOK_ID}`,
    body: { data: { subscriptions: f.webhookSubscriptions } },
    reply: { data: f.webhook },
    read: false,
  },
  { name: 'deleteWebhook', call: (c) => c.deleteWebhook(f.WEBHOOK_ID), method: 'DELETE', path: `/v2/webhooks/${f.WEBHOOK_ID}`, reply: {}, read: false },
];
