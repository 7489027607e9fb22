/** The workspaces the emulator can start with: `plg-demo` (what SPEC §2's defaults expect) and `empty`. */
import { randomUUID } from 'node:crypto';
import type { AttributeDef, AttributeType, ListDef, Member, ObjectDef, Workspace } from './model.js';

export type SeedName = 'plg-demo' | 'empty';

interface AttributeSpec {
  multi?: boolean;
  unique?: boolean;
  required?: boolean;
  system?: boolean;
  options?: string[];
  statuses?: string[];
  currency?: string;
  targets?: string[];
  inverse?: { object: string; attribute: string };
  title?: string;
}

function titleOf(slug: string): string {
  const words = slug.split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function attribute(slug: string, type: AttributeType, spec: AttributeSpec, createdAt: string): AttributeDef {
  return {
    id: randomUUID(),
    slug,
    title: spec.title ?? titleOf(slug),
    description: null,
    type,
    isMultiselect: spec.multi ?? false,
    isUnique: spec.unique ?? false,
    isRequired: spec.required ?? false,
    isSystem: spec.system ?? false,
    options: (spec.options ?? []).map((title) => ({ id: randomUUID(), title, isArchived: false })),
    statuses: (spec.statuses ?? []).map((title) => ({
      id: randomUUID(),
      title,
      isArchived: false,
      celebrationEnabled: title.startsWith('Won'),
    })),
    currencyCode: spec.currency ?? null,
    allowedObjects: spec.targets ?? [],
    inverse: spec.inverse ?? null,
    createdAt,
  };
}

type AttributeTable = [slug: string, type: AttributeType, spec?: AttributeSpec][];

const ref = (target: string, inverseAttribute: string, multi: boolean): AttributeSpec => ({
  targets: [target],
  inverse: { object: target, attribute: inverseAttribute },
  multi,
});

const PLAN_TYPES = ['free', 'trial', 'starter', 'pro', 'enterprise'];
const MILESTONES = ['onboarding_completed', 'first_integration', 'data_imported', 'team_invited', 'feature_activated'];
const PLG_STAGES = ['Lead', 'Product Qualified', 'Sales Qualified', 'In Progress', 'Won 🎉', 'Lost'];
const EMPTY_STAGES = ['Lead', 'In Progress', 'Won 🎉', 'Lost'];

function standardObjects(seed: SeedName): Record<string, { singular: string; plural: string; attributes: AttributeTable }> {
  const productObjects = seed === 'plg-demo';
  const objects: Record<string, { singular: string; plural: string; attributes: AttributeTable }> = {
    people: {
      singular: 'Person',
      plural: 'People',
      attributes: [
        ['name', 'personal-name'],
        ['email_addresses', 'email-address', { multi: true, unique: true }],
        ['description', 'text'],
        ['company', 'record-reference', ref('companies', 'team', false)],
        ['job_title', 'text'],
        ['linkedin', 'text'],
        ['associated_deals', 'record-reference', ref('deals', 'associated_people', true)],
        ...(productObjects ? ([['associated_users', 'record-reference', ref('users', 'person', true)]] as AttributeTable) : []),
      ],
    },
    companies: {
      singular: 'Company',
      plural: 'Companies',
      attributes: [
        ['name', 'text'],
        ['domains', 'domain', { multi: true, unique: true }],
        ['description', 'text'],
        ['team', 'record-reference', ref('people', 'company', true)],
        ['associated_deals', 'record-reference', ref('deals', 'associated_company', true)],
        ...(productObjects
          ? ([['associated_workspaces', 'record-reference', ref('workspaces', 'company', true)]] as AttributeTable)
          : []),
      ],
    },
    deals: {
      singular: 'Deal',
      plural: 'Deals',
      attributes: [
        ['name', 'text', { required: true }],
        ['stage', 'status', { required: true, statuses: productObjects ? PLG_STAGES : EMPTY_STAGES }],
        ['owner', 'actor-reference', { required: true }],
        ['value', 'currency', { currency: 'USD' }],
        ['associated_people', 'record-reference', ref('people', 'associated_deals', true)],
        ['associated_company', 'record-reference', ref('companies', 'associated_deals', false)],
      ],
    },
  };
  if (productObjects) {
    objects.users = {
      singular: 'User',
      plural: 'Users',
      attributes: [
        ['user_id', 'text', { unique: true, title: 'ID' }],
        ['primary_email_address', 'email-address', { unique: true }],
        ['person', 'record-reference', ref('people', 'associated_users', false)],
        ['workspace', 'record-reference', ref('workspaces', 'users', true)],
      ],
    };
    objects.workspaces = {
      singular: 'Workspace',
      plural: 'Workspaces',
      attributes: [
        ['workspace_id', 'text', { unique: true, title: 'ID' }],
        ['name', 'text'],
        ['users', 'record-reference', ref('users', 'workspace', true)],
        ['company', 'record-reference', ref('companies', 'associated_workspaces', false)],
      ],
    };
    objects.people?.attributes.push(
      ['signup_date', 'date'],
      ['signup_source', 'text'],
      ['plan_type', 'select', { options: PLAN_TYPES }],
      ['pql_score', 'number', { title: 'PQL score' }],
      ['pql_tier', 'select', { options: ['cold', 'warm', 'hot'], title: 'PQL tier' }],
      ['pql_explanation', 'text', { title: 'PQL explanation' }],
      ['pql_scored_at', 'timestamp', { title: 'PQL scored at' }],
      ['pql_qualified_at', 'timestamp', { title: 'PQL qualified at' }],
      ['last_activity_date', 'date'],
      ['activation_score', 'number'],
      ['milestones_completed', 'select', { multi: true, options: MILESTONES }],
    );
    // A unique deal key, so connectors can assert deals (Attio's standard deals have no unique attribute).
    objects.deals?.attributes.push(['plg_deal_key', 'text', { unique: true, title: 'PLG deal key' }]);
    objects.companies?.attributes.push(
      ['pql_score', 'number', { title: 'PQL score' }],
      ['plan_type', 'select', { options: PLAN_TYPES }],
    );
  }
  return objects;
}

function member(firstName: string, lastName: string, email: string, accessLevel: Member['accessLevel'], createdAt: string): Member {
  return { id: randomUUID(), firstName, lastName, email, accessLevel, createdAt };
}

export function createWorkspace(seed: SeedName): Workspace {
  const createdAt = new Date().toISOString();
  const objects: ObjectDef[] = Object.entries(standardObjects(seed)).map(([slug, def]) => ({
    kind: 'object',
    id: randomUUID(),
    slug,
    singularNoun: def.singular,
    pluralNoun: def.plural,
    createdAt,
    attributes: [
      ...def.attributes.map(([attrSlug, type, spec]) => attribute(attrSlug, type, spec ?? {}, createdAt)),
      attribute('created_at', 'timestamp', { system: true }, createdAt),
      attribute('created_by', 'actor-reference', { system: true }, createdAt),
    ],
  }));
  const list = (slug: string, name: string, attributes: AttributeTable): ListDef => ({
    kind: 'list',
    id: randomUUID(),
    slug,
    name,
    parentObject: 'people',
    createdAt,
    attributes: attributes.map(([attrSlug, type, spec]) => attribute(attrSlug, type, spec ?? {}, createdAt)),
  });
  const admin = member('Avery', 'Admin', 'admin@plg-demo.test', 'admin', createdAt);
  const demo = seed === 'plg-demo';
  return {
    id: randomUUID(),
    name: demo ? 'PLG Demo' : 'Empty Workspace',
    slug: demo ? 'plg-demo' : 'empty-workspace',
    tokenId: randomUUID(),
    selfMemberId: admin.id,
    createdAt,
    members: demo
      ? [
          admin,
          member('Alex', 'Rivera', 'alex.rivera@plg-demo.test', 'member', createdAt),
          member('Sam', 'Chen', 'sam.chen@plg-demo.test', 'member', createdAt),
          member('Jordan', 'Patel', 'jordan.patel@plg-demo.test', 'member', createdAt),
        ]
      : [admin],
    objects,
    lists: demo
      ? [
          list('active_trials', 'Active Trials', [['trial_started_at', 'timestamp']]),
          list('pql_queue', 'PQL Queue', [['pql_score', 'number', { title: 'PQL score' }]]),
        ]
      : [],
    records: new Map(),
    entries: new Map(),
    notes: [],
    tasks: [],
  };
}
