/** Minimal Attio response objects, shaped as the OpenAPI document describes them. */
import type { WebhookSubscription } from '../../../src/core/attio/index.js';

export const WORKSPACE_ID = '14beef7a-99f7-4534-a87e-70b564330a4c';
export const PERSON_ID = '891dcbfc-9141-415d-9b2a-2238a6cc012d';
export const OBJECT_ID = '97052eb9-e65e-443f-a297-f2d9a4a7f795';
export const LIST_ID = '33ebdbe9-e529-47c9-b894-0ba25e9c15c0';
export const ENTRY_ID = '2e6e29ea-c4e0-4f44-842d-78a891f8c156';
export const NOTE_ID = 'ff3f3bd4-40f4-4f80-8187-cd02385af424';
export const TASK_ID = '649e34f4-c39a-4f4d-99ef-48a36bef8f04';
export const MEMBER_ID = '50cf242c-7fa3-4cad-87d0-75b1af71c57b';
export const CREATED_AT = '2024-12-01T10:00:00.000000000Z';
const actor = { type: 'workspace-member', id: MEMBER_ID };

export const record = {
  id: { workspace_id: WORKSPACE_ID, object_id: OBJECT_ID, record_id: PERSON_ID },
  created_at: CREATED_AT,
  web_url: 'https://app.attio.com/acme/person/891dcbfc-9141-415d-9b2a-2238a6cc012d',
  values: {},
};
export const self = {
  active: true,
  scope: 'record_permission:read-write',
  client_id: 'client',
  token_type: 'Bearer',
  exp: null,
  iat: 1700000000,
  sub: WORKSPACE_ID,
  aud: 'client',
  iss: 'attio.com',
  authorized_by_workspace_member_id: MEMBER_ID,
  workspace_id: WORKSPACE_ID,
  workspace_name: 'Acme',
  workspace_slug: 'acme',
  workspace_logo_url: null,
};
export const object = {
  id: { workspace_id: WORKSPACE_ID, object_id: OBJECT_ID },
  api_slug: 'people',
  singular_noun: 'Person',
  plural_noun: 'People',
  created_at: CREATED_AT,
};
export const attribute = {
  id: { workspace_id: WORKSPACE_ID, object_id: OBJECT_ID, attribute_id: '41252299-f8c7-4b5e-99c9-4ff8321d2f96' },
  title: 'PQL score',
  description: null,
  api_slug: 'pql_score',
  type: 'number',
  is_system_attribute: false,
  is_writable: true,
  is_required: false,
  is_unique: false,
  is_multiselect: false,
  is_default_value_enabled: false,
  is_archived: false,
  default_value: null,
  relationship: null,
  created_at: CREATED_AT,
  config: {
    currency: { default_currency_code: null, display_type: null },
    record_reference: { allowed_object_ids: null },
  },
};
export const option = {
  id: {
    workspace_id: WORKSPACE_ID,
    object_id: OBJECT_ID,
    attribute_id: attribute.id.attribute_id,
    option_id: '08c2c59a-c18e-40c6-8dc4-95415313b2ea',
  },
  title: 'hot',
  is_archived: false,
};
export const status = {
  ...option,
  id: {
    workspace_id: WORKSPACE_ID,
    object_id: OBJECT_ID,
    attribute_id: attribute.id.attribute_id,
    status_id: '08c2c59a-c18e-40c6-8dc4-95415313b2ea',
  },
  title: 'Product Qualified',
  celebration_enabled: false,
  target_time_in_status: null,
};
export const list = {
  id: { workspace_id: WORKSPACE_ID, list_id: LIST_ID },
  api_slug: 'pql_queue',
  name: 'PQL queue',
  parent_object: ['people'],
  workspace_access: 'full-access',
  workspace_member_access: [],
  created_by_actor: actor,
  created_at: CREATED_AT,
};
export const member = {
  id: { workspace_id: WORKSPACE_ID, workspace_member_id: MEMBER_ID },
  first_name: 'Alex',
  last_name: 'Rivera',
  avatar_url: null,
  email_address: 'alex@acme.test',
  created_at: CREATED_AT,
  access_level: 'member',
};
export const entry = {
  id: { workspace_id: WORKSPACE_ID, list_id: LIST_ID, entry_id: ENTRY_ID },
  parent_record_id: PERSON_ID,
  parent_object: 'people',
  created_at: CREATED_AT,
  entry_values: {},
};
export const note = {
  id: { workspace_id: WORKSPACE_ID, note_id: NOTE_ID },
  parent_object: 'people',
  parent_record_id: PERSON_ID,
  title: 'Activation Milestone',
  meeting_id: null,
  content_plaintext: 'Milestone: first_integration',
  content_markdown: 'Milestone: first_integration',
  tags: [],
  created_by_actor: actor,
  created_at: CREATED_AT,
};
export const task = {
  id: { workspace_id: WORKSPACE_ID, task_id: TASK_ID },
  content_plaintext: 'PQL Follow-up',
  deadline_at: '2024-12-02T10:00:00.000Z',
  is_completed: false,
  linked_records: [{ target_object_id: OBJECT_ID, target_record_id: PERSON_ID }],
  assignees: [{ referenced_actor_type: 'workspace-member', referenced_actor_id: MEMBER_ID }],
  created_by_actor: actor,
  created_at: CREATED_AT,
};
export const WEBHOOK_ID = '23e42eaf-323a-41da-b5bb-fd67eebda553';
export const webhookSubscriptions: WebhookSubscription[] = [
  { event_type: 'record.updated', filter: { $and: [{ field: 'id.object_id', operator: 'equals', value: OBJECT_ID }] } },
  { event_type: 'task.updated', filter: null },
];
export const webhook = {
  target_url: 'https://plg.example.com/attio/webhooks',
  subscriptions: webhookSubscriptions,
  id: { workspace_id: WORKSPACE_ID, webhook_id: WEBHOOK_ID },
  status: 'active',
  created_at: CREATED_AT,
};
/** A text value as Attio renders one: when it became active, until when, and who wrote it. */
export const textValue = {
  active_from: CREATED_AT,
  active_until: null,
  created_by_actor: actor,
  value: 'Acme',
  attribute_type: 'text',
};
