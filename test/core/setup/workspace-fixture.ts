/**
 * A workspace described once, then either turned into a snapshot (for the pure plan tests) or served over
 * nock in Attio's response shapes (for the check and apply tests). Archived options and stages appear in
 * snapshots (as Attio lists them with show_archived) but not over nock (Attio's default listing).
 */
import nock from 'nock';
import type {
  AttioAttribute,
  AttioList,
  AttioSelectOption,
  AttioStatus,
  AttioWorkspaceMember,
} from '../../../src/core/attio/index.js';
import type { WorkspaceSnapshot } from '../../../src/core/setup/index.js';

export const ATTIO = 'https://api.attio.com';
export const KEY = 'setup-test-key-7f3a9c';
const WORKSPACE_ID = '14beef7a-99f7-4534-a87e-70b564330a4c';
const CREATED_AT = '2024-12-01T10:00:00.000000000Z';
export const ADMIN = 'admin@acme.test';

export interface FixtureAttribute {
  slug: string;
  type: string;
  multi?: boolean;
  unique?: boolean;
  archived?: boolean;
  options?: string[];
  archivedOptions?: string[];
  statuses?: string[];
  archivedStatuses?: string[];
}

export interface FixtureList {
  slug: string;
  name: string;
  parent: string;
  attributes: FixtureAttribute[];
}

export interface FixtureWorkspace {
  scope?: string;
  active?: boolean;
  objects: Record<string, FixtureAttribute[]>;
  lists: FixtureList[];
  members: string[];
}

const a = (slug: string, type: string, shape: Omit<FixtureAttribute, 'slug' | 'type'> = {}): FixtureAttribute => ({
  slug,
  type,
  ...shape,
});

/** A new workspace: Attio's standard objects and attributes, default deal stages, one admin. */
export function newWorkspace(): FixtureWorkspace {
  return {
    objects: {
      people: [
        a('email_addresses', 'email-address', { multi: true, unique: true }),
        a('name', 'personal-name'),
        a('job_title', 'text'),
        a('company', 'record-reference'),
      ],
      companies: [
        a('domains', 'domain', { multi: true, unique: true }),
        a('name', 'text'),
        a('categories', 'select', { multi: true }),
      ],
      deals: [
        a('name', 'text'),
        a('stage', 'status', { statuses: ['Lead', 'In Progress', 'Won 🎉', 'Lost'] }),
        a('owner', 'actor-reference'),
        a('value', 'currency'),
        a('associated_company', 'record-reference'),
        a('associated_people', 'record-reference', { multi: true }),
      ],
    },
    lists: [],
    members: [ADMIN],
  };
}

/** A workspace with everything the default configuration needs (the plg-demo shape). */
export function plgWorkspace(): FixtureWorkspace {
  const ws = newWorkspace();
  const plans = ['free', 'trial', 'starter', 'pro', 'enterprise'];
  ws.objects.people?.push(
    a('signup_date', 'date'),
    a('signup_source', 'text'),
    a('plan_type', 'select', { options: plans }),
    a('pql_score', 'number'),
    a('pql_tier', 'select', { options: ['cold', 'warm', 'hot'] }),
    a('pql_explanation', 'text'),
    a('pql_scored_at', 'timestamp'),
    a('pql_qualified_at', 'timestamp'),
    a('last_activity_date', 'date'),
    a('activation_score', 'number'),
    a('milestones_completed', 'select', {
      multi: true,
      options: ['onboarding_completed', 'first_integration', 'data_imported', 'team_invited', 'feature_activated'],
    }),
    a('profile_updated_at', 'timestamp'),
  );
  ws.objects.companies?.push(
    a('pql_score', 'number'),
    a('plan_type', 'select', { options: plans }),
    a('account_updated_at', 'timestamp'),
  );
  ws.objects.deals?.push(a('plg_deal_key', 'text', { unique: true }));
  const stage = ws.objects.deals?.find((x) => x.slug === 'stage');
  if (stage) stage.statuses = ['Lead', 'Product Qualified', 'Sales Qualified', 'In Progress', 'Won 🎉', 'Lost'];
  ws.objects.users = [
    a('user_id', 'text', { unique: true }),
    a('primary_email_address', 'email-address', { unique: true }),
    a('person', 'record-reference'),
  ];
  ws.objects.workspaces = [
    a('workspace_id', 'text', { unique: true }),
    a('name', 'text'),
    a('company', 'record-reference'),
  ];
  ws.lists = [
    {
      slug: 'active_trials',
      name: 'Active Trials',
      parent: 'people',
      attributes: [a('trial_started_at', 'timestamp')],
    },
    { slug: 'pql_queue', name: 'PQL Queue', parent: 'people', attributes: [a('pql_score', 'number')] },
  ];
  ws.members = [ADMIN, 'alex@acme.test'];
  return ws;
}

/** The fixture attribute `object.slug`, to change in a test. */
export function attributeOf(ws: FixtureWorkspace, object: string, slug: string): FixtureAttribute {
  const found = ws.objects[object]?.find((x) => x.slug === slug);
  if (!found) throw new Error(`fixture has no ${object}.${slug}`);
  return found;
}

let ids = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;

function renderAttribute(x: FixtureAttribute) {
  return {
    id: { workspace_id: WORKSPACE_ID, object_id: uuid(), attribute_id: uuid() },
    title: x.slug,
    description: null,
    api_slug: x.slug,
    type: x.type,
    is_system_attribute: false,
    is_writable: true,
    is_required: false,
    is_unique: x.unique ?? false,
    is_multiselect: x.multi ?? false,
    is_default_value_enabled: false,
    is_archived: x.archived ?? false,
    default_value: null,
    relationship: null,
    created_at: CREATED_AT,
    config: {
      currency: { default_currency_code: null, display_type: null },
      record_reference: { allowed_object_ids: null },
    },
  } satisfies AttioAttribute & Record<string, unknown>;
}

const option = (title: string, archived: boolean) => ({
  id: { workspace_id: WORKSPACE_ID, object_id: uuid(), attribute_id: uuid(), option_id: uuid() },
  title,
  is_archived: archived,
});
const status = (title: string, archived: boolean) => ({
  id: { workspace_id: WORKSPACE_ID, object_id: uuid(), attribute_id: uuid(), status_id: uuid() },
  title,
  is_archived: archived,
  celebration_enabled: false,
  target_time_in_status: null,
});
const optionsOf = (x: FixtureAttribute): AttioSelectOption[] => [
  ...(x.options ?? []).map((t) => option(t, false)),
  ...(x.archivedOptions ?? []).map((t) => option(t, true)),
];
const statusesOf = (x: FixtureAttribute): AttioStatus[] => [
  ...(x.statuses ?? []).map((t) => status(t, false)),
  ...(x.archivedStatuses ?? []).map((t) => status(t, true)),
];

function renderList(list: FixtureList): AttioList & Record<string, unknown> {
  return {
    id: { workspace_id: WORKSPACE_ID, list_id: uuid() },
    api_slug: list.slug,
    name: list.name,
    parent_object: [list.parent],
    workspace_access: 'full-access',
    workspace_member_access: [],
    created_by_actor: { type: 'workspace-member', id: null },
    created_at: CREATED_AT,
  };
}

const memberIds = new Map<string, string>();
const memberIdOf = (email: string): string => {
  const id = memberIds.get(email) ?? uuid();
  memberIds.set(email, id);
  return id;
};

function renderMember(email: string): AttioWorkspaceMember & Record<string, unknown> {
  return {
    id: { workspace_id: WORKSPACE_ID, workspace_member_id: memberIdOf(email) },
    first_name: 'A',
    last_name: 'Member',
    avatar_url: null,
    email_address: email,
    created_at: CREATED_AT,
    access_level: 'admin',
  };
}

function self(ws: FixtureWorkspace) {
  if (ws.active === false) return { active: false };
  return {
    active: true,
    client_id: 'setup-tests',
    token_type: 'Bearer',
    exp: null,
    iat: 1700000000,
    sub: WORKSPACE_ID,
    aud: 'setup-tests',
    iss: 'attio.com',
    workspace_logo_url: null,
    scope:
      ws.scope ??
      'record_permission:read-write object_configuration:read-write list_entry:read-write list_configuration:read-write note:read-write task:read-write user_management:read',
    authorized_by_workspace_member_id: memberIdOf(ADMIN),
    workspace_id: WORKSPACE_ID,
    workspace_name: 'Acme',
    workspace_slug: 'acme',
  };
}

/** The snapshot `readWorkspace` would take of this workspace. */
export function snapshotOf(ws: FixtureWorkspace): WorkspaceSnapshot {
  const options = new Map<string, AttioSelectOption[]>();
  for (const [object, attributes] of Object.entries(ws.objects)) {
    for (const x of attributes) if (x.type === 'select') options.set(`${object}.${x.slug}`, optionsOf(x));
  }
  const stage = ws.objects.deals?.find((x) => x.slug === 'stage' && x.type === 'status');
  return {
    self: self(ws),
    objects: new Set(Object.keys(ws.objects)),
    objectAttributes: new Map(
      Object.entries(ws.objects).map(([object, attributes]) => [object, attributes.map(renderAttribute)]),
    ),
    listAttributes: new Map(ws.lists.map((l) => [l.slug, l.attributes.map(renderAttribute)])),
    options,
    ...(stage ? { stages: statusesOf(stage) } : {}),
    lists: ws.lists.map(renderList),
    members: ws.members.map(renderMember),
  };
}

/** The answer to every read of this workspace, by path, in Attio's response shapes. */
export function workspaceRoutes(ws: FixtureWorkspace): Map<string, unknown> {
  const routes = new Map<string, unknown>([
    ['/v2/self', self(ws)],
    [
      '/v2/objects',
      {
        data: Object.keys(ws.objects).map((slug) => ({
          id: { workspace_id: WORKSPACE_ID, object_id: uuid() },
          api_slug: slug,
          singular_noun: slug,
          plural_noun: slug,
          created_at: CREATED_AT,
        })),
      },
    ],
    ['/v2/lists', { data: ws.lists.map(renderList) }],
    ['/v2/workspace_members', { data: ws.members.map(renderMember) }],
  ]);
  for (const [object, attributes] of Object.entries(ws.objects)) {
    routes.set(`/v2/objects/${object}/attributes`, { data: attributes.map(renderAttribute) });
    for (const x of attributes) {
      if (x.type === 'select')
        routes.set(`/v2/objects/${object}/attributes/${x.slug}/options`, {
          data: optionsOf(x).filter((o) => !o.is_archived),
        });
      if (x.type === 'status')
        routes.set(`/v2/objects/${object}/attributes/${x.slug}/statuses`, {
          data: statusesOf(x).filter((s) => !s.is_archived),
        });
    }
  }
  for (const list of ws.lists)
    routes.set(`/v2/lists/${list.slug}/attributes`, { data: list.attributes.map(renderAttribute) });
  return routes;
}

/** Serves every read of this workspace (persisting); returns the paths read, in order. */
export function serveWorkspace(ws: FixtureWorkspace): string[] {
  const reads: string[] = [];
  const routes = workspaceRoutes(ws);
  nock(ATTIO, { reqheaders: { authorization: `Bearer ${KEY}` } })
    .persist()
    .get(() => true)
    .reply((path) => {
      reads.push(path);
      const body = routes.get(path);
      return body === undefined
        ? [404, { status_code: 404, type: 'invalid_request_error', code: 'not_found', message: `no ${path}` }]
        : [200, body as nock.Body];
    });
  return reads;
}
