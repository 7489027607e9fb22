import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/index.js';
import { planSetup, requirementsFor, type PlanItem, type SetupPlan } from '../../../src/core/setup/index.js';
import { attributeOf, newWorkspace, plgWorkspace, snapshotOf, type FixtureWorkspace } from './workspace-fixture.js';

const config = (input: Record<string, unknown> = {}) => parseConfig({ apiKey: 'k', ...input }, {});
const plan = (ws: FixtureWorkspace, input: Record<string, unknown> = {}): SetupPlan =>
  planSetup(requirementsFor(config(input)), snapshotOf(ws));
const notExisting = (p: SetupPlan): PlanItem[] => p.items.filter((i) => i.state !== 'exists');
const lines = (items: PlanItem[]) => items.map((i) => `${i.state} ${i.subject}: ${i.need}`);

describe('the setup plan', () => {
  it('a workspace with everything: every item exists, nothing to do', () => {
    const p = plan(plgWorkspace());
    expect(notExisting(p)).toEqual([]);
    expect(p.items.length).toBeGreaterThan(40);
  });

  it('a new workspace: creates every attribute, option, stage and list, each attribute before its options and each list before its entry attributes', () => {
    const p = plan(newWorkspace(), { productObjects: 'off' });
    expect(lines(notExisting(p))).toEqual([
      'create people.signup_date: date attribute "Signup date"',
      'create people.signup_source: text attribute "Signup source"',
      'create people.plan_type: single-valued select attribute "Plan type"',
      'create people.plan_type: option "free"',
      'create people.plan_type: option "trial"',
      'create people.plan_type: option "starter"',
      'create people.plan_type: option "pro"',
      'create people.plan_type: option "enterprise"',
      'create people.pql_score: number attribute "PQL score"',
      'create people.pql_tier: single-valued select attribute "PQL tier"',
      'create people.pql_tier: option "cold"',
      'create people.pql_tier: option "warm"',
      'create people.pql_tier: option "hot"',
      'create people.pql_explanation: text attribute "PQL explanation"',
      'create people.pql_scored_at: timestamp attribute "PQL scored at"',
      'create people.pql_qualified_at: timestamp attribute "PQL qualified at"',
      'create people.last_activity_date: date attribute "Last activity date"',
      'create people.activation_score: number attribute "Activation score"',
      'create people.milestones_completed: multi-valued select attribute "Milestones completed"',
      'create people.milestones_completed: option "onboarding_completed"',
      'create people.milestones_completed: option "first_integration"',
      'create people.milestones_completed: option "data_imported"',
      'create people.milestones_completed: option "team_invited"',
      'create people.milestones_completed: option "feature_activated"',
      'create people.profile_updated_at: timestamp attribute "Profile updated at"',
      'create companies.pql_score: number attribute "PQL score"',
      'create companies.account_updated_at: timestamp attribute "Account updated at"',
      'create companies.plan_type: single-valued select attribute "Plan type"',
      'create companies.plan_type: option "free"',
      'create companies.plan_type: option "trial"',
      'create companies.plan_type: option "starter"',
      'create companies.plan_type: option "pro"',
      'create companies.plan_type: option "enterprise"',
      'create deals.plg_deal_key: unique text attribute "PLG deal key"',
      'create pqlStage: deal stage "Product Qualified"',
      'create handoffStage: deal stage "Sales Qualified"',
      'create trialList: list "active_trials" of people',
      'create active_trials.trial_started_at: timestamp attribute "Trial started at"',
      'create pqlList: list "pql_queue" of people',
      'create pql_queue.pql_score: number attribute "PQL score"',
    ]);
    const keys = new Map(p.items.map((item, index) => [item.key, index]));
    for (const [index, item] of p.items.entries()) if (item.after) expect(keys.get(item.after)).toBeLessThan(index);
  });

  it('the create actions carry the exact attribute, option, stage and list to create', () => {
    const actions = notExisting(plan(newWorkspace(), { productObjects: 'off' })).map((i) => i.action);
    expect(actions).toContainEqual({
      kind: 'create-attribute',
      target: 'objects',
      identifier: 'people',
      attribute: {
        title: 'Milestones completed',
        apiSlug: 'milestones_completed',
        type: 'select',
        description: 'attio-plg milestones: the activation milestones reached',
        isUnique: false,
        isMultiselect: true,
        isRequired: false,
        config: {},
      },
    });
    expect(actions).toContainEqual({
      kind: 'create-option',
      target: 'objects',
      identifier: 'people',
      attribute: 'pql_tier',
      title: 'hot',
    });
    expect(actions).toContainEqual({
      kind: 'create-status',
      object: 'deals',
      attribute: 'stage',
      status: { title: 'Product Qualified' },
    });
    expect(actions).toContainEqual({
      kind: 'create-list',
      list: {
        name: 'PQL Queue',
        apiSlug: 'pql_queue',
        parentObject: 'people',
        workspaceAccess: 'full-access',
        workspaceMemberAccess: [],
      },
    });
    expect(actions).toContainEqual({
      kind: 'create-attribute',
      target: 'lists',
      identifier: 'pql_queue',
      attribute: {
        title: 'PQL score',
        apiSlug: 'pql_score',
        type: 'number',
        description: 'attio-plg PQL scoring: the score the person qualified with',
        isUnique: false,
        isMultiselect: false,
        isRequired: false,
        config: {},
      },
    });
  });

  it('an attribute with the right slug and the wrong type or multiplicity is a conflict, left alone', () => {
    const ws = plgWorkspace();
    attributeOf(ws, 'people', 'pql_score').type = 'text';
    attributeOf(ws, 'people', 'milestones_completed').multi = false;
    const items = notExisting(plan(ws));
    expect(items.map((i) => i.kind)).toEqual(['conflicting-attribute', 'conflicting-attribute']);
    expect(items.map((i) => [i.state, i.subject, i.problem, i.action])).toEqual([
      [
        'conflict',
        'people.pql_score',
        'people.pql_score is a text attribute; the workflows need a number attribute',
        undefined,
      ],
      [
        'conflict',
        'people.milestones_completed',
        'people.milestones_completed is a single-valued select attribute; the workflows need a multi-valued select attribute',
        undefined,
      ],
    ]);
    expect(items[0]?.fix).toContain('give that attribute another slug or archive it');
  });

  it('missing options of an existing attribute are added; starter plan types only to a plan type without options', () => {
    const ws = plgWorkspace();
    attributeOf(ws, 'people', 'milestones_completed').options = ['first_integration'];
    attributeOf(ws, 'people', 'plan_type').options = ['Basic', 'Business'];
    attributeOf(ws, 'companies', 'plan_type').options = [];
    const items = notExisting(
      plan(ws, { milestoneEvents: { 'Integration Connected': 'first_integration', 'Report Built': 'first_report' } }),
    );
    expect(lines(items)).toEqual([
      'create people.milestones_completed: option "first_report"',
      'create companies.plan_type: option "free"',
      'create companies.plan_type: option "trial"',
      'create companies.plan_type: option "starter"',
      'create companies.plan_type: option "pro"',
      'create companies.plan_type: option "enterprise"',
    ]);
    expect(items[0]?.problem).toBe('people.milestones_completed has no option "first_report" (from milestoneEvents)');
    expect(new Set(items.map((i) => i.kind))).toEqual(new Set(['missing-option']));
  });

  it('an archived attribute or option is for the user to restore, said by its kind', () => {
    const ws = plgWorkspace();
    attributeOf(ws, 'people', 'pql_score').archived = true;
    const tier = attributeOf(ws, 'people', 'pql_tier');
    tier.options = (tier.options ?? []).filter((o) => o !== 'hot');
    tier.archivedOptions = ['hot'];
    expect(notExisting(plan(ws)).map((i) => [i.state, i.kind, i.subject])).toEqual([
      ['manual', 'archived-attribute', 'people.pql_score'],
      ['manual', 'archived-option', 'people.pql_tier'],
    ]);
  });

  it('an unknown pqlStage is created; an archived one is for the user to restore', () => {
    const ws = plgWorkspace();
    attributeOf(ws, 'deals', 'stage').statuses = ['Lead', 'Won 🎉'];
    attributeOf(ws, 'deals', 'stage').archivedStatuses = ['Sales Qualified'];
    const items = notExisting(plan(ws, { pqlStage: 'Qualified' }));
    expect(items.map((i) => [i.state, i.kind, i.subject, i.problem])).toEqual([
      ['create', 'missing-stage', 'pqlStage', 'deal stage "Qualified" does not exist; deals.stage has: Lead, Won 🎉'],
      ['manual', 'archived-stage', 'handoffStage', 'deal stage "Sales Qualified" is archived'],
    ]);
    expect(items[1]?.fix).toBe(
      'restore it in Attio (Workspace settings → Objects → Deals → Attributes → Stage), or set handoffStage to one of: Lead, Won 🎉',
    );
  });

  it('lists: an id that matches nothing cannot be created; a list of companies is a conflict', () => {
    const ws = plgWorkspace();
    ws.lists = [{ slug: 'pql_queue', name: 'PQL Queue', parent: 'companies', attributes: [] }];
    const items = notExisting(plan(ws, { trialList: '7c1e7b1e-0000-4000-8000-000000000000' }));
    expect(items.map((i) => [i.state, i.kind, i.subject, i.problem])).toEqual([
      ['manual', 'missing-list', 'trialList', 'no list has the slug or id "7c1e7b1e-0000-4000-8000-000000000000"'],
      ['conflict', 'conflicting-list', 'pqlList', 'list "pql_queue" holds companies; the workflows add people to it'],
    ]);
  });

  it('an object the API cannot enable is a manual step; its attributes wait for it', () => {
    const ws = plgWorkspace();
    delete ws.objects.deals;
    delete ws.objects.users;
    const items = notExisting(plan(ws));
    expect(items.map((i) => [i.state, i.kind, i.severity, i.subject])).toEqual([
      ['manual', 'missing-object', 'required', 'deals'],
      ['manual', 'missing-object', 'recommended', 'users'],
    ]);
    expect(items[0]?.fix).toBe(
      'in Attio, open Workspace settings → Objects and enable Deals (the API cannot enable objects); then run setup again for its attributes',
    );
    expect(items[1]?.problem).toBe(
      'the users object is not enabled: events that carry only a userId cannot find their person, and no user records are kept',
    );
  });

  it('productObjects on: a missing Users object is required', () => {
    const ws = plgWorkspace();
    delete ws.objects.users;
    expect(notExisting(plan(ws, { productObjects: 'on' })).map((i) => [i.state, i.severity, i.subject])).toEqual([
      ['manual', 'required', 'users'],
    ]);
  });

  it('sales reps must be workspace members; without reps the token’s member owns deals', () => {
    expect(
      notExisting(plan(plgWorkspace(), { salesReps: ['alex@acme.test', 'sam@acme.test'] })).map((i) => [
        i.state,
        i.kind,
        i.subject,
        i.problem,
      ]),
    ).toEqual([
      [
        'manual',
        'missing-owner',
        'salesReps',
        '"sam@acme.test" is not a member of this Attio workspace; members: admin@acme.test, alex@acme.test',
      ],
    ]);
    const ws = plgWorkspace();
    ws.members = ['alex@acme.test'];
    expect(notExisting(plan(ws)).map((i) => [i.kind, i.problem])).toEqual([
      ['missing-owner', 'no sales reps are configured and the API token acts for no workspace member'],
    ]);
  });

  it('Attio’s own attributes are checked but never created', () => {
    const ws = plgWorkspace();
    ws.objects.people = (ws.objects.people ?? []).filter((x) => x.slug !== 'job_title');
    attributeOf(ws, 'companies', 'domains').unique = false;
    const items = notExisting(plan(ws));
    expect(items.map((i) => [i.state, i.kind, i.subject, i.action])).toEqual([
      ['manual', 'missing-attribute', 'people.job_title', undefined],
      ['conflict', 'conflicting-attribute', 'companies.domains', undefined],
    ]);
  });
});
