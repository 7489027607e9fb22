import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../../src/core/attio/index.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { checkWorkspace, describeCheckReport } from '../../../src/core/setup/index.js';
import { ATTIO, KEY, attributeOf, newWorkspace, plgWorkspace, serveWorkspace } from './workspace-fixture.js';

const client = () => createAttioConnection({ apiUrl: ATTIO, apiKey: KEY, retry: { maxAttempts: 1 } }).client;
const config = (input: Record<string, unknown> = {}) => parseConfig({ apiKey: KEY, ...input }, {});

afterEach(() => {
  nock.cleanAll();
});

describe('checkWorkspace', () => {
  it('ready, with no notes, when the workspace has everything', async () => {
    serveWorkspace(plgWorkspace());
    expect(await checkWorkspace(client(), config({ salesReps: ['alex@acme.test'] }))).toEqual({
      ready: true,
      problems: [],
      notes: [],
    });
  });

  it('reads only the workspace configuration, each part once, and writes nothing', async () => {
    const reads = serveWorkspace(plgWorkspace());
    await checkWorkspace(client(), config());
    expect([...reads].sort()).toEqual(
      [
        '/v2/self',
        '/v2/objects',
        '/v2/lists',
        '/v2/workspace_members',
        ...['people', 'companies', 'deals', 'users', 'workspaces'].map((o) => `/v2/objects/${o}/attributes`),
        '/v2/lists/active_trials/attributes',
        '/v2/lists/pql_queue/attributes',
        ...[
          'people/attributes/plan_type',
          'people/attributes/pql_tier',
          'people/attributes/milestones_completed',
          'companies/attributes/plan_type',
        ].map((a) => `/v2/objects/${a}/options`),
        '/v2/objects/deals/attributes/stage/statuses',
      ].sort(),
    );
  });

  it('an unknown pqlStage is a problem naming the setting, the stages there are, and the fix', async () => {
    serveWorkspace(plgWorkspace());
    const report = await checkWorkspace(client(), config({ pqlStage: 'Qualified Lead' }));
    expect(report).toEqual({
      ready: false,
      problems: [
        {
          kind: 'missing-stage',
          subject: 'pqlStage',
          problem:
            'deal stage "Qualified Lead" does not exist; deals.stage has: Lead, Product Qualified, Sales Qualified, In Progress, Won 🎉, Lost',
          fix: 'run `attio-plg setup --apply`, or add it in Attio (Workspace settings → Objects → Deals → Attributes → Stage), or set pqlStage to one of the stages',
        },
      ],
      notes: [],
    });
    expect(describeCheckReport(report)).toBe(
      'the Attio workspace is not ready for this configuration: (1) pqlStage: deal stage "Qualified Lead" does not exist; deals.stage has: Lead, Product Qualified, Sales Qualified, In Progress, Won 🎉, Lost — fix: run `attio-plg setup --apply`, or add it in Attio (Workspace settings → Objects → Deals → Attributes → Stage), or set pqlStage to one of the stages',
    );
  });

  it('a new workspace: each missing thing is a problem; a missing deal key and product objects are notes', async () => {
    serveWorkspace(newWorkspace());
    const report = await checkWorkspace(client(), config());
    expect(report.ready).toBe(false);
    expect(new Set(report.problems.map((p) => p.subject))).toEqual(
      new Set([
        ...[
          'signup_date',
          'signup_source',
          'plan_type',
          'pql_score',
          'pql_tier',
          'pql_explanation',
          'pql_scored_at',
          'pql_qualified_at',
          'last_activity_date',
          'activation_score',
          'milestones_completed',
          'profile_updated_at',
        ].map((s) => `people.${s}`),
        'companies.pql_score',
        'companies.plan_type',
        'companies.account_updated_at',
        'pqlStage',
        'handoffStage',
        'trialList',
        'pqlList',
      ]),
    );
    expect(new Set(report.problems.map((p) => p.kind))).toEqual(
      new Set(['missing-attribute', 'missing-stage', 'missing-list']),
    );
    expect(report.problems.find((p) => p.subject === 'trialList')).toEqual({
      kind: 'missing-list',
      subject: 'trialList',
      problem: 'list "active_trials" does not exist; with it: timestamp attribute "Trial started at"',
      fix: 'run `attio-plg setup --apply`, or create a list of people named "Active Trials" with slug active_trials in Attio (Lists in the sidebar → + New list)',
    });
    expect(report.notes).toHaveLength(3);
    expect(report.notes[0]).toMatch(
      /^the users object is not enabled: events that carry only a userId cannot find their person/,
    );
    expect(report.notes[1]).toMatch(/^the workspaces object is not enabled/);
    expect(report.notes[2]).toMatch(
      /^deals\.plg_deal_key does not exist: no unique deal key: cross-process safety is off .* — run `attio-plg setup --apply`/,
    );
  });

  it('a configured dealMatchingAttribute that is not unique is a problem, not a note', async () => {
    const ws = plgWorkspace();
    attributeOf(ws, 'deals', 'plg_deal_key').unique = false;
    serveWorkspace(ws);
    const report = await checkWorkspace(client(), config({ dealMatchingAttribute: 'plg_deal_key' }));
    expect(report.problems.map((p) => [p.kind, p.subject, p.problem])).toEqual([
      [
        'conflicting-attribute',
        'deals.plg_deal_key',
        'deals.plg_deal_key is a text attribute; the workflows need a unique text attribute: no unique deal key: cross-process safety is off (two processes handling one account at the same moment may each open its deal) (dealMatchingAttribute)',
      ],
    ]);
  });

  it('a refused token is the one problem, and nothing else is read', async () => {
    nock(ATTIO)
      .get('/v2/self')
      .reply(401, { status_code: 401, type: 'auth_error', code: 'invalid_token', message: 'Token is invalid' });
    const report = await checkWorkspace(client(), config());
    expect(report.problems.map((p) => [p.kind, p.subject, p.problem])).toEqual([
      ['token-refused', 'apiKey', 'Attio refused the access token (401 invalid_token)'],
    ]);
    expect(report.problems[0]?.fix).toMatch(
      /^create an access token with the scopes record_permission:read-write, .* in Attio \(Workspace settings → Developers/,
    );
    expect(JSON.stringify(report)).not.toContain(KEY);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an inactive token, or one without a scope the workflows use, is a problem', async () => {
    serveWorkspace({ ...plgWorkspace(), active: false });
    expect((await checkWorkspace(client(), config())).problems.map((p) => [p.kind, p.problem])).toEqual([
      ['token-inactive', 'the Attio access token is not active'],
    ]);
    nock.cleanAll();
    serveWorkspace({
      ...plgWorkspace(),
      scope:
        'record_permission:read-write object_configuration:read list_configuration:read list_entry:read-write note:read task:read-write user_management:read',
    });
    expect((await checkWorkspace(client(), config())).problems.map((p) => [p.kind, p.problem])).toEqual([
      ['missing-scope', 'the access token lacks the scope note:read-write'],
    ]);
  });

  it('an outage is not a verdict: the check throws, retryable', async () => {
    nock(ATTIO)
      .get('/v2/self')
      .reply(503, { status_code: 503, type: 'api_error', code: 'unavailable', message: 'down' });
    await expect(checkWorkspace(client(), config())).rejects.toMatchObject({
      name: 'AttioError',
      status: 503,
      retryable: true,
    });
  });
});
