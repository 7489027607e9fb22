/** The workspaces the emulator can start with: `plg-demo` (what the configuration's defaults expect) and `empty`. */
import { randomUUID } from 'node:crypto';
import { newAttribute, type AttributeSpec } from './attributes.js';
import { WorkspaceIndexes } from './indexes.js';
import type { AttributeType, ListDef, Member, ObjectDef, Workspace } from './model.js';

export type SeedName = 'plg-demo' | 'empty';

type AttributeTable = [slug: string, type: AttributeType, spec?: Omit<AttributeSpec, 'slug' | 'type'>][];
const attribute = ([slug, type, spec]: AttributeTable[number], createdAt: string) =>
  newAttribute({ slug, type, ...spec }, createdAt);

const ref = (target: string, inverseAttribute: string, multi: boolean): Omit<AttributeSpec, 'slug' | 'type'> => ({
  targets: [target],
  inverse: { object: target, attribute: inverseAttribute },
  multi,
});

const PLAN_TYPES = ['free', 'trial', 'starter', 'pro', 'enterprise'];
const MILESTONES = ['onboarding_completed', 'first_integration', 'data_imported', 'team_invited', 'feature_activated'];
const EMPLOYEE_RANGES = ['1-10', '11-50', '51-250', '251-1K', '1K-5K', '5K-10K', '10K-50K', '50K-100K', '100K+'];
const PLG_STAGES = ['Lead', 'Product Qualified', 'Sales Qualified', 'In Progress', 'Won 🎉', 'Lost'];
const EMPTY_STAGES = ['Lead', 'In Progress', 'Won 🎉', 'Lost'];

/**
 * Attio's standard objects as each seed has them. In Attio, Users and Workspaces exist in every workspace
 * but start disabled until an admin activates them in the objects settings (the API cannot), and people's
 * `associated_users` / companies' `associated_workspaces` appear only then: so `empty` has neither. Attio's
 * docs say the same of Deals, but the connector needs deals and Attio offers them at onboarding, so `empty`
 * is a workspace whose admin turned Deals on, with its default stages, and nothing else.
 */
function standardObjects(
  seed: SeedName,
): Record<string, { singular: string; plural: string; attributes: AttributeTable }> {
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
        ...(productObjects
          ? ([['associated_users', 'record-reference', ref('users', 'person', true)]] as AttributeTable)
          : []),
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
  if (seed === 'empty') {
    // The rest of Attio's standard attributes (docs: standard objects, "writable attributes"), so a new
    // workspace looks as Attio creates it. Enriched and interaction attributes are left out: the emulator
    // has no enrichment and no interaction type. Company categories start without options here (Attio's
    // own list is long and enriched).
    const social: AttributeTable = [
      ['angellist', 'text', { title: 'AngelList' }],
      ['facebook', 'text', { title: 'Facebook' }],
      ['instagram', 'text', { title: 'Instagram' }],
      ['twitter', 'text', { title: 'Twitter' }],
    ];
    objects.people?.attributes.push(
      ['phone_numbers', 'phone-number', { multi: true, title: 'Phone numbers' }],
      ['primary_location', 'location', { title: 'Primary location' }],
      ...social,
      ['avatar_url', 'text', { system: true, title: 'Avatar URL' }],
    );
    objects.companies?.attributes.push(
      ['categories', 'select', { multi: true }],
      ['primary_location', 'location', { title: 'Primary location' }],
      ['linkedin', 'text', { title: 'LinkedIn' }],
      ...social,
      ['logo_url', 'text', { system: true, title: 'Logo URL' }],
    );
  }
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
      ['pql_signals', 'text', { title: 'PQL signals' }],
      ['pql_qualified_at', 'timestamp', { title: 'PQL qualified at' }],
      ['last_activity_date', 'date'],
      ['activation_score', 'number'],
      ['milestones_completed', 'select', { multi: true, options: MILESTONES }],
      ['profile_updated_at', 'timestamp', { title: 'Profile updated at' }],
    );
    // A unique deal key, so connectors can assert deals (Attio's standard deals have no unique attribute).
    objects.deals?.attributes.push(['plg_deal_key', 'text', { unique: true, title: 'PLG deal key' }]);
    objects.companies?.attributes.push(
      ['pql_score', 'number', { title: 'PQL score' }],
      ['plan_type', 'select', { options: PLAN_TYPES }],
      ['account_updated_at', 'timestamp', { title: 'Account updated at' }],
      // The account score (PQA) and its fit attributes, as `attio-plg setup` makes them.
      ['account_score', 'number'],
      ['account_tier', 'select', { options: ['cold', 'warm', 'hot'] }],
      ['account_explanation', 'text'],
      ['account_scored_at', 'timestamp'],
      ['account_qualified_at', 'timestamp'],
      ['account_signals', 'text'],
      ['account_industry', 'text', { title: 'Industry' }],
      ['account_employee_range', 'select', { options: EMPLOYEE_RANGES, title: 'Employee range' }],
      ['account_country', 'text', { title: 'Country' }],
    );
  }
  return objects;
}

function member(
  firstName: string,
  lastName: string,
  email: string,
  accessLevel: Member['accessLevel'],
  createdAt: string,
): Member {
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
      ...def.attributes.map((row) => attribute(row, createdAt)),
      attribute(['created_at', 'timestamp', { system: true }], createdAt),
      attribute(['created_by', 'actor-reference', { system: true }], createdAt),
    ],
  }));
  const admin = member('Avery', 'Admin', 'admin@plg-demo.test', 'admin', createdAt);
  const list = (slug: string, name: string, attributes: AttributeTable): ListDef => ({
    kind: 'list',
    id: randomUUID(),
    slug,
    name,
    parentObject: 'people',
    workspaceAccess: 'full-access',
    workspaceMemberAccess: [],
    createdBy: { type: 'workspace-member', id: admin.id },
    createdAt,
    attributes: attributes.map((row) => attribute(row, createdAt)),
  });
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
    notes: new Map(),
    tasks: new Map(),
    webhooks: new Map(),
    indexes: new WorkspaceIndexes(),
  };
}
