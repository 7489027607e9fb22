import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/index.js';
import { requirementsFor } from '../../../src/core/setup/index.js';

const config = (input: Record<string, unknown> = {}) => parseConfig({ apiKey: 'k', ...input }, {});
const custom = (input: Record<string, unknown> = {}) =>
  requirementsFor(config(input))
    .attributes.filter((r) => !r.standard)
    .map(
      (r) =>
        `${r.object}.${r.definition.slug}: ${r.definition.type}${r.definition.multi ? ' multi' : ''}${r.definition.unique ? ' unique' : ''} ${r.severity}`,
    );

describe('what a configuration needs of the workspace', () => {
  it('the default configuration: every custom attribute the workflows write, with its type and multiplicity', () => {
    expect(custom()).toEqual([
      'people.signup_date: date required',
      'people.signup_source: text required',
      'people.plan_type: select required',
      'people.pql_score: number required',
      'people.pql_tier: select required',
      'people.pql_explanation: text required',
      'people.pql_scored_at: timestamp required',
      'people.pql_qualified_at: timestamp required',
      'people.last_activity_date: date required',
      'people.activation_score: number required',
      'people.milestones_completed: select multi required',
      'people.profile_updated_at: timestamp required',
      'companies.pql_score: number required',
      'companies.account_updated_at: timestamp required',
      'companies.plan_type: select required',
      'deals.plg_deal_key: text unique recommended',
    ]);
  });

  it('milestone options are the configured milestone keys; tiers are cold, warm, hot; plan types a starter set', () => {
    const attributes = requirementsFor(
      config({
        milestoneEvents: {
          'Report Built': 'first_report',
          'Invite Sent': 'team_invited',
          'Team Invited': 'team_invited',
        },
      }),
    ).attributes;
    const options = (slug: string) =>
      attributes.find((r) => r.object === 'people' && r.definition.slug === slug)?.options;
    expect(options('milestones_completed')).toEqual({
      titles: ['first_report', 'team_invited'],
      need: 'every',
      setting: 'milestoneEvents',
    });
    expect(options('pql_tier')).toEqual({ titles: ['cold', 'warm', 'hot'], need: 'every', setting: 'userTiers' });
    expect(options('plan_type')).toEqual({
      titles: ['free', 'trial', 'starter', 'pro', 'enterprise'],
      need: 'starter',
    });
  });

  it('account scoring (or a deal on account qualification) needs the account attributes, with the tiers as options', () => {
    const withAccounts = custom({ accountScoring: true });
    expect(withAccounts.filter((line) => !custom().includes(line))).toEqual([
      'people.pql_signals: text required',
      'companies.account_score: number required',
      'companies.account_tier: select required',
      'companies.account_explanation: text required',
      'companies.account_scored_at: timestamp required',
      'companies.account_qualified_at: timestamp required',
      'companies.account_signals: text required',
      'companies.account_industry: text required',
      'companies.account_employee_range: select required',
      'companies.account_country: text required',
    ]);
    expect(custom({ dealTrigger: 'account' })).toEqual(withAccounts);
    const tiers = [
      { name: 'A', min: 80 },
      { name: 'B', min: 40 },
      { name: 'C', min: 0 },
    ];
    const attributes = requirementsFor(
      config({ dealTrigger: 'both', accountTiers: tiers, userTiers: tiers }),
    ).attributes;
    const options = (object: string, slug: string) =>
      attributes.find((r) => r.object === object && r.definition.slug === slug)?.options;
    expect(options('companies', 'account_tier')).toEqual({
      titles: ['C', 'B', 'A'],
      need: 'every',
      setting: 'accountTiers',
    });
    expect(options('people', 'pql_tier')).toEqual({ titles: ['C', 'B', 'A'], need: 'every', setting: 'userTiers' });
    expect(options('companies', 'account_employee_range')?.titles).toContain('251-1K');
  });

  it('a configured dealMatchingAttribute is required, under its own slug', () => {
    expect(custom({ dealMatchingAttribute: 'crm_deal_ref' }).at(-1)).toBe('deals.crm_deal_ref: text unique required');
  });

  it('the trial and PQL lists of people with their entry attributes, and the two deal stages', () => {
    const r = requirementsFor(config({ pqlStage: 'Qualified', handoffStage: 'Sales Ready' }));
    expect(
      r.lists.map((l) => [l.setting, l.list, l.name, l.parentObject, l.attributes.map((a) => `${a.slug}: ${a.type}`)]),
    ).toEqual([
      ['trialList', 'active_trials', 'Active Trials', 'people', ['trial_started_at: timestamp']],
      ['pqlList', 'pql_queue', 'PQL Queue', 'people', ['pql_score: number']],
    ]);
    expect(r.stages).toEqual([
      { setting: 'pqlStage', title: 'Qualified' },
      { setting: 'handoffStage', title: 'Sales Ready' },
    ]);
  });

  it('one list for both roles needs the entry attributes of both; one stage for both is needed once', () => {
    const r = requirementsFor(
      config({ trialList: 'plg_people', pqlList: 'plg_people', pqlStage: 'Lead', handoffStage: 'Lead' }),
    );
    expect(r.lists.map((l) => [l.list, l.attributes.map((a) => a.slug)])).toEqual([
      ['plg_people', ['trial_started_at', 'pql_score']],
    ]);
    expect(r.stages).toEqual([{ setting: 'pqlStage', title: 'Lead' }]);
  });

  it('product objects: needed when on, used if enabled when auto, left out when off', () => {
    const objects = (productObjects: string) =>
      requirementsFor(config({ productObjects })).objects.map((o) => `${o.object} ${o.presence}`);
    expect(objects('on')).toEqual([
      'people always',
      'companies always',
      'deals always',
      'users always',
      'workspaces always',
    ]);
    expect(objects('auto')).toEqual([
      'people always',
      'companies always',
      'deals always',
      'users if-enabled',
      'workspaces if-enabled',
    ]);
    expect(objects('off')).toEqual(['people always', 'companies always', 'deals always']);
    const standard = requirementsFor(config({ productObjects: 'off' }))
      .attributes.filter((r) => r.standard)
      .map((r) => r.object);
    expect(new Set(standard)).toEqual(new Set(['people', 'companies', 'deals']));
  });
});
