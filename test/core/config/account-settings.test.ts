import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { CONFIG_DEFAULTS, parseConfig } from '../../../src/core/config/index.js';

function problem(input: Record<string, unknown>): { setting: string; reason: string } {
  try {
    parseConfig({ apiKey: 'k', ...input }, {});
  } catch (error) {
    if (error instanceof ConfigError) return { setting: error.setting, reason: error.reason };
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('account scoring settings: defaults keep today’s behaviour', () => {
  it('opens deals on a user’s qualification and scores accounts on usage alone', () => {
    const config = parseConfig({ apiKey: 'k' }, {});
    expect(config.dealTrigger).toBe('user');
    expect(config.accountModel.fit).toEqual({});
    expect(config.userTiers).toEqual([
      { name: 'hot', min: 60 },
      { name: 'warm', min: 30 },
      { name: 'cold', min: 0 },
    ]);
  });

  it('fills the parts of the account model a configuration leaves out', () => {
    const config = parseConfig(
      { apiKey: 'k', accountModel: { topUsers: { weight: 40 }, fit: { industry: { weight: 10, values: ['SaaS'] } } } },
      {},
    );
    expect(config.accountModel).toEqual({
      topUsers: { weight: 40, rankWeights: [50, 30, 20] },
      activeSeats: { weight: 20, activeWithinDays: 14, minSeats: 5 },
      featureBreadth: { weight: 30 },
      fit: { industry: { weight: 10, values: ['SaaS'] } },
    });
  });

  it('gives each parsed config its own copy of the default account model and tiers', () => {
    const first = parseConfig({ apiKey: 'k' }, {});
    first.accountModel.topUsers.rankWeights[0] = 99;
    first.userTiers[0]!.min = 99;
    const second = parseConfig({ apiKey: 'k' }, {});
    expect(second.accountModel.topUsers.rankWeights).toEqual([50, 30, 20]);
    expect(second.userTiers[0]!.min).toBe(60);
    expect(CONFIG_DEFAULTS.accountModel.topUsers.rankWeights).toEqual([50, 30, 20]);
  });

  it('turns decay off with null', () => {
    expect(parseConfig({ apiKey: 'k', decayHalfLifeDays: null }, {}).decayHalfLifeDays).toBeNull();
  });

  it('accepts a model with fit on every factor whose weights sum to 100', () => {
    const accountModel = {
      topUsers: { weight: 40, rankWeights: [60, 40] },
      activeSeats: { weight: 10, activeWithinDays: 30, minSeats: 3 },
      featureBreadth: { weight: 20 },
      fit: {
        employeeRange: { weight: 10, values: ['11-50', '51-250'] },
        industry: { weight: 10, values: ['SaaS', 'Fintech'] },
        country: { weight: 5, values: ['US', 'GB'] },
        plan: { weight: 5, values: ['pro'] },
      },
    };
    expect(parseConfig({ apiKey: 'k', accountModel, dealTrigger: 'both' }, {}).accountModel).toEqual(accountModel);
  });
});

describe('account scoring settings: errors name the setting', () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; setting: string; reason: string }> = [
    {
      name: 'account weights that do not sum to 100, with the sum spelled out',
      input: { accountModel: { fit: { plan: { weight: 10, values: ['pro'] } } } },
      setting: 'accountModel',
      reason: 'weights must sum to 100, got 110 (topUsers 50 + activeSeats 20 + featureBreadth 30 + fit.plan 10)',
    },
    {
      name: 'rank weights that do not sum to 100',
      input: { accountModel: { topUsers: { rankWeights: [50, 30] } } },
      setting: 'accountModel.topUsers.rankWeights',
      reason: 'must sum to 100 (percent of the part), got 80',
    },
    {
      name: 'a fractional part weight',
      input: { accountModel: { featureBreadth: { weight: 29.5 } } },
      setting: 'accountModel.featureBreadth.weight',
      reason: 'must be a whole number',
    },
    {
      name: 'a fit factor with a weight and no values',
      input: { accountModel: { featureBreadth: { weight: 20 }, fit: { industry: { weight: 10, values: [] } } } },
      setting: 'accountModel.fit.industry.values',
      reason: 'must list at least one value that earns the weight',
    },
    {
      name: 'an employee range Attio does not have',
      input: {
        accountModel: { featureBreadth: { weight: 20 }, fit: { employeeRange: { weight: 10, values: ['51-200'] } } },
      },
      setting: 'accountModel.fit.employeeRange.values[0]',
      reason: 'must be one of: 1-10, 11-50, 51-250, 251-1K, 1K-5K, 5K-10K, 10K-50K, 50K-100K, 100K+',
    },
    {
      name: 'an unknown fit factor',
      input: { accountModel: { fit: { revenue: { weight: 0, values: [] } } } },
      setting: 'accountModel.fit.revenue',
      reason: 'is not a known key',
    },
    { name: 'a zero half-life', input: { decayHalfLifeDays: 0 }, setting: 'decayHalfLifeDays', reason: 'must be > 0' },
    {
      name: 'an account threshold above 100',
      input: { accountThreshold: 120 },
      setting: 'accountThreshold',
      reason: 'must be <= 100',
    },
    {
      name: 'an unknown deal trigger',
      input: { dealTrigger: 'company' },
      setting: 'dealTrigger',
      reason: 'must be one of: user, account, both',
    },
    {
      name: 'tiers without one starting at 0',
      input: {
        userTiers: [
          { name: 'hot', min: 70 },
          { name: 'warm', min: 40 },
        ],
      },
      setting: 'userTiers',
      reason: 'one tier must start at 0, so that every score has a tier',
    },
    {
      name: 'two tiers of the same name',
      input: {
        accountTiers: [
          { name: 'hot', min: 50 },
          { name: 'Hot', min: 0 },
        ],
      },
      setting: 'accountTiers[1].name',
      reason: 'duplicate tier "Hot"',
    },
    {
      name: 'two tiers starting at the same score',
      input: {
        accountTiers: [
          { name: 'hot', min: 0 },
          { name: 'cold', min: 0 },
        ],
      },
      setting: 'accountTiers[1].min',
      reason: 'another tier already starts at 0',
    },
    {
      name: 'a tier above 100',
      input: {
        userTiers: [
          { name: 'top', min: 101 },
          { name: 'rest', min: 0 },
        ],
      },
      setting: 'userTiers[0].min',
      reason: 'must be <= 100',
    },
  ];

  for (const { name, input, setting, reason } of cases) {
    it(`rejects ${name}`, () => {
      expect(problem(input)).toEqual({ setting, reason });
    });
  }
});
