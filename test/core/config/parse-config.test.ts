import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../src/core/errors.js';
import { CONFIG_DEFAULTS, DEFAULT_SCORING_MODEL, parseConfig } from '../../../src/core/config/index.js';

const noEnv = {};

function configError(input: unknown, env: Record<string, string | undefined> = noEnv): ConfigError {
  try {
    parseConfig(input, env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

const validModel = () => structuredClone(DEFAULT_SCORING_MODEL);

describe('parseConfig defaults', () => {
  it('fills every default of docs/configuration.md from an API key alone', () => {
    expect(parseConfig({ apiKey: 'key' }, noEnv)).toEqual({
      apiKey: 'key',
      apiUrl: 'https://api.attio.com',
      trialList: 'active_trials',
      pqlList: 'pql_queue',
      pqlStage: 'Product Qualified',
      handoffStage: 'Sales Qualified',
      pqlThreshold: 60,
      scoringModel: {
        signals: [
          { key: 'logins_7d', label: 'Logins (7d)', weight: 10, threshold: 5 },
          { key: 'features_activated', label: 'Features activated', weight: 15, threshold: 3 },
          { key: 'team_invites', label: 'Team invites', weight: 20, threshold: 2 },
          { key: 'integrations_connected', label: 'Integration connected', weight: 25, threshold: 1 },
          { key: 'records_imported', label: 'Records imported', weight: 20, threshold: 100 },
          { key: 'active_days_14d', label: 'Active days (14d)', weight: 10, threshold: 7 },
        ],
      },
      decayHalfLifeDays: 14,
      userTiers: [
        { name: 'hot', min: 60 },
        { name: 'warm', min: 30 },
        { name: 'cold', min: 0 },
      ],
      accountModel: {
        topUsers: { weight: 50, rankWeights: [50, 30, 20] },
        activeSeats: { weight: 20, activeWithinDays: 14, minSeats: 5 },
        featureBreadth: { weight: 30 },
        fit: {},
      },
      accountThreshold: 60,
      accountTiers: [
        { name: 'hot', min: 60 },
        { name: 'warm', min: 30 },
        { name: 'cold', min: 0 },
      ],
      dealTrigger: 'user',
      accountScoring: false,
      tierChangeTasks: 'off',
      salesReps: [],
      taskDueHours: 24,
      milestoneEvents: {
        'Onboarding Completed': 'onboarding_completed',
        'Integration Connected': 'first_integration',
        'Data Imported': 'data_imported',
        'Invite Sent': 'team_invited',
        'Feature Activated': 'feature_activated',
      },
      milestoneReachedEvent: 'Milestone Reached',
      signupEvents: ['Signed Up', 'Trial Started'],
      usageEvents: ['Usage Summary'],
      handoffEvents: ['Sales Handoff Requested', 'Upgrade Requested', 'Demo Requested'],
      personalDomains: 'skip-company',
      extraPersonalDomains: [],
      productObjects: 'auto',
      strict: false,
      schemaCacheTtlSeconds: 300,
      signupSource: 'product',
      readsPerSecond: 100,
      writesPerSecond: 25,
      requestTimeoutMs: 15000,
      ownership: CONFIG_DEFAULTS.ownership,
    });
  });

  it('lays configured attribute owners over the default ones', () => {
    const config = parseConfig({ apiKey: 'key', ownership: { 'people.job_title': 'product' } }, noEnv);
    expect(config.ownership['people.job_title']).toBe('product');
    // Naming one attribute leaves the others as the defaults say.
    expect(config.ownership['people.name']).toBe('reps');
    expect(config.ownership['people.pql_score']).toBe('product');
  });

  it('rejects an owner or attribute it cannot read, naming the setting', () => {
    expect(configError({ apiKey: 'key', ownership: { 'people.name': 'sales' } }).message).toContain('ownership');
    expect(configError({ apiKey: 'key', ownership: { job_title: 'product' } }).message).toMatch(
      /ownership.*<object>\.<attribute slug>/,
    );
  });

  it('gives each parsed config its own copies of the default lists', () => {
    const first = parseConfig({ apiKey: 'key' }, noEnv);
    first.signupEvents.push('Changed');
    first.scoringModel.signals[0]!.weight = 99;
    expect(parseConfig({ apiKey: 'key' }, noEnv).signupEvents).toEqual(['Signed Up', 'Trial Started']);
    expect(CONFIG_DEFAULTS.scoringModel.signals[0]!.weight).toBe(10);
  });

  it('takes the default apiUrl from ATTIO_API_URL', () => {
    expect(parseConfig({ apiKey: 'key' }, { ATTIO_API_URL: 'http://127.0.0.1:4010/' }).apiUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it('prefers an explicit apiUrl over ATTIO_API_URL', () => {
    const config = parseConfig(
      { apiKey: 'key', apiUrl: 'https://eu.example.com/' },
      { ATTIO_API_URL: 'http://localhost:1' },
    );
    expect(config.apiUrl).toBe('https://eu.example.com');
  });

  it('accepts http on every loopback form', () => {
    for (const url of ['http://localhost:4010', 'http://127.0.0.1', 'http://127.9.8.7:1', 'http://[::1]:4010']) {
      expect(parseConfig({ apiKey: 'key', apiUrl: url }, noEnv).apiUrl).toBe(url);
    }
  });

  it('normalises sales rep emails and extra personal domains', () => {
    const config = parseConfig(
      { apiKey: 'key', salesReps: [' Rep@Acme.com '], extraPersonalDomains: ['https://www.Fastmail.FM/'] },
      noEnv,
    );
    expect({ salesReps: config.salesReps, extra: config.extraPersonalDomains }).toEqual({
      salesReps: ['rep@acme.com'],
      extra: ['fastmail.fm'],
    });
  });
});

describe('parseConfig rejects wrong settings, naming the setting and the reason', () => {
  const cases: Array<{ name: string; input: Record<string, unknown>; setting: string; reason: string }> = [
    { name: 'a missing apiKey', input: {}, setting: 'apiKey', reason: 'is required' },
    { name: 'an empty apiKey', input: { apiKey: '  ' }, setting: 'apiKey', reason: 'must not be empty' },
    {
      name: 'plain http to a remote host',
      input: { apiKey: 'k', apiUrl: 'http://api.attio.com' },
      setting: 'apiUrl',
      reason: 'must use https (http is allowed only for localhost, 127.0.0.0/8 or [::1])',
    },
    {
      name: 'an apiUrl that is not a URL',
      input: { apiKey: 'k', apiUrl: 'api.attio.com' },
      setting: 'apiUrl',
      reason: 'must be an absolute URL such as https://api.attio.com',
    },
    {
      name: 'credentials in the apiUrl',
      input: { apiKey: 'k', apiUrl: 'https://user:pw@api.attio.com' },
      setting: 'apiUrl',
      reason: 'must not contain credentials',
    },
    {
      name: 'a pqlThreshold above 100',
      input: { apiKey: 'k', pqlThreshold: 101 },
      setting: 'pqlThreshold',
      reason: 'must be <= 100',
    },
    {
      name: 'a pqlThreshold given as text',
      input: { apiKey: 'k', pqlThreshold: '60' },
      setting: 'pqlThreshold',
      reason: 'must be a finite number, got a string',
    },
    {
      name: 'an unknown personal-domain policy, listing the valid ones',
      input: { apiKey: 'k', personalDomains: 'skip' },
      setting: 'personalDomains',
      reason: 'must be one of: skip-company, allow-company',
    },
    {
      name: 'an unknown productObjects mode',
      input: { apiKey: 'k', productObjects: 'yes' },
      setting: 'productObjects',
      reason: 'must be one of: auto, on, off',
    },
    {
      name: 'a zero taskDueHours',
      input: { apiKey: 'k', taskDueHours: 0 },
      setting: 'taskDueHours',
      reason: 'must be > 0',
    },
    {
      name: 'a sales rep that is not an email',
      input: { apiKey: 'k', salesReps: ['a@b.com', 'bob'] },
      setting: 'salesReps[1]',
      reason: 'must be a workspace member email address',
    },
    {
      name: 'an extra personal domain that is not a domain',
      input: { apiKey: 'k', extraPersonalDomains: ['localhost'] },
      setting: 'extraPersonalDomains[0]',
      reason: 'must be a domain name such as example.org',
    },
    {
      name: 'a milestone key that is not a slug',
      input: { apiKey: 'k', milestoneEvents: { 'Report Shared': 'Report Shared' } },
      setting: 'milestoneEvents["Report Shared"]',
      reason: 'must be a key of a-z, 0-9 and _ (1 to 64 characters), e.g. first_integration',
    },
    {
      name: 'an event name with two roles',
      input: { apiKey: 'k', handoffEvents: ['Demo Requested', 'Signed Up'] },
      setting: 'handoffEvents[1]',
      reason: '"Signed Up" is already routed by signupEvents[0]; an event name can have one role',
    },
    {
      name: 'a misspelt setting',
      input: { apiKey: 'k', pqlTreshold: 50 },
      setting: 'pqlTreshold',
      reason: 'is not a known key',
    },
    {
      name: 'a non-boolean strict',
      input: { apiKey: 'k', strict: 'yes' },
      setting: 'strict',
      reason: 'must be a boolean, got a string',
    },
  ];

  for (const { name, input, setting, reason } of cases) {
    it(`rejects ${name}`, () => {
      const error = configError(input);
      expect({ setting: error.setting, reason: error.reason }).toEqual({ setting, reason });
    });
  }

  it('rejects a config that is not an object', () => {
    const error = configError('apiKey=k');
    expect({ setting: error.setting, reason: error.reason }).toEqual({
      setting: 'config',
      reason: 'must be an object of settings',
    });
  });

  it('says when a bad apiUrl came from ATTIO_API_URL', () => {
    const error = configError({ apiKey: 'k' }, { ATTIO_API_URL: 'http://10.0.0.5' });
    expect(error.setting).toBe('apiUrl (from ATTIO_API_URL)');
  });

  it('never repeats the API key in an error', () => {
    const error = configError({ apiKey: 'secret-token-123', apiUrl: 'http://secret-token-123.example.com' });
    expect(error.message).not.toContain('secret-token-123');
  });
});

describe('parseConfig validates the scoring model', () => {
  const modelCase = (mutate: (model: ReturnType<typeof validModel>) => void) => {
    const model = validModel();
    mutate(model);
    const error = configError({ apiKey: 'k', scoringModel: model });
    return { setting: error.setting, reason: error.reason };
  };

  it('names a weight that is not positive', () => {
    expect(
      modelCase((m) => {
        m.signals[2]!.weight = 0;
      }),
    ).toEqual({ setting: 'scoringModel.signals[2].weight', reason: 'must be > 0' });
  });

  it('requires the weights to sum to 100', () => {
    expect(
      modelCase((m) => {
        m.signals[0]!.weight = 20;
      }),
    ).toEqual({ setting: 'scoringModel.signals', reason: 'weights must sum to 100, got 110' });
  });

  it('rejects duplicate signal keys', () => {
    expect(
      modelCase((m) => {
        m.signals[1]!.key = 'logins_7d';
      }),
    ).toEqual({ setting: 'scoringModel.signals[1].key', reason: 'duplicate signal key "logins_7d"' });
  });

  it('rejects a negative threshold', () => {
    expect(
      modelCase((m) => {
        m.signals[3]!.threshold = -1;
      }),
    ).toEqual({ setting: 'scoringModel.signals[3].threshold', reason: 'must be >= 0' });
  });

  it('rejects a fractional weight', () => {
    expect(
      modelCase((m) => {
        m.signals[0]!.weight = 9.5;
        m.signals[1]!.weight = 15.5;
      }),
    ).toEqual({ setting: 'scoringModel.signals[0].weight', reason: 'must be a whole number' });
  });

  it('accepts a custom model whose weights sum to 100', () => {
    const scoringModel = {
      signals: [
        { key: 'seats', label: 'Seats', weight: 60, threshold: 3 },
        { key: 'api_calls', label: 'API calls', weight: 40, threshold: 1000 },
      ],
    };
    expect(parseConfig({ apiKey: 'k', scoringModel }, noEnv).scoringModel).toEqual(scoringModel);
  });
});
