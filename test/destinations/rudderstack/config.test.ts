import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../../src/core/config/index.js';
import {
  OPERATOR_SETTINGS,
  toPlgConfig,
  toRudderConfig,
  withTransformerEnv,
} from '../../../src/destinations/rudderstack/config.js';
import { engineFor } from '../../../src/destinations/rudderstack/engines.js';

const env = {};

describe('RudderStack Config -> core configuration', () => {
  it('a Config with only the API key gets every core default', () => {
    const config = toPlgConfig({ apiKey: 'k' }, env);
    expect(config).toEqual(
      toPlgConfig(
        {
          apiKey: 'k',
          apiUrl: '',
          trialList: ' ',
          salesReps: [{ email: '' }],
          milestoneEvents: [{ from: '', to: '' }],
          scoringSignals: [{ signal: '', label: '', weight: '', threshold: '' }],
        },
        env,
      ),
    );
    expect(config.pqlThreshold).toBe(CONFIG_DEFAULTS.pqlThreshold);
    expect(config.milestoneEvents).toEqual(CONFIG_DEFAULTS.milestoneEvents);
    expect(config.scoringModel).toEqual(CONFIG_DEFAULTS.scoringModel);
  });

  it('the account settings: the flat model with its fit rows, tier rows, "0" for no decay; errors name the UI key', () => {
    const config = toPlgConfig(
      {
        apiKey: 'k',
        accountScoring: 'true',
        dealTrigger: 'account',
        decayHalfLifeDays: '0',
        accountTopUsersWeight: '40',
        accountRankWeights: '60, 40',
        fitFactors: [
          { factor: 'industry', weight: '10', values: 'SaaS, Fintech' },
          { factor: '', weight: '', values: '' },
        ],
        accountTiers: [
          { tier: 'A', min: '70' },
          { tier: 'B', min: '0' },
        ],
      },
      env,
    );
    expect(config).toMatchObject({ accountScoring: true, dealTrigger: 'account', decayHalfLifeDays: null });
    expect(config.accountModel.topUsers).toEqual({ weight: 40, rankWeights: [60, 40] });
    expect(config.accountModel.fit).toEqual({ industry: { weight: 10, values: ['SaaS', 'Fintech'] } });
    expect(config.accountTiers).toEqual([
      { name: 'A', min: 70 },
      { name: 'B', min: 0 },
    ]);
    expect(() => toPlgConfig({ apiKey: 'k', accountRankWeights: '50, 30' }, env)).toThrow(
      /^Invalid Config: accountRankWeights: must sum to 100/,
    );
    expect(() => toPlgConfig({ apiKey: 'k', fitFactors: [{ factor: 'plan', weight: '5', values: '' }] }, env)).toThrow(
      /^Invalid Config: fitFactors\[0\]\.values: is required/,
    );
  });

  it('attribute owners: two tag lists laid over the defaults, round-tripped; a bad name is refused, naming the keys', () => {
    const config = toPlgConfig(
      {
        apiKey: 'k',
        productOwnedAttributes: [{ attribute: 'people.job_title' }, { attribute: '' }],
        repOwnedAttributes: [{ attribute: 'people.plan_type' }],
      },
      env,
    );
    expect(config.ownership).toEqual({
      ...CONFIG_DEFAULTS.ownership,
      'people.job_title': 'product',
      'people.plan_type': 'reps',
    });
    expect(toPlgConfig(toRudderConfig(config), env).ownership).toEqual(config.ownership);
    expect(toRudderConfig(toPlgConfig({ apiKey: 'k' }, env))).toMatchObject({
      productOwnedAttributes: [],
      repOwnedAttributes: [],
    });
    expect(() => toPlgConfig({ apiKey: 'k', productOwnedAttributes: [{ attribute: 'job title' }] }, env)).toThrow(
      /^Invalid Config: productOwnedAttributes or repOwnedAttributes \(job title\): must name an attribute/,
    );
  });

  it('maps UI shapes: numbers as strings, rows for lists and mappings, "true" for checkboxes; ignores RudderStack\'s own keys', () => {
    const config = toPlgConfig(
      {
        apiKey: ' k ',
        pqlThreshold: '70',
        taskDueHours: '48',
        salesReps: [{ email: 'Alex.Rivera@plg-demo.test' }, 'sam.chen@plg-demo.test', { email: '' }],
        milestoneEvents: [
          { from: 'Report Shared', to: 'report_shared' },
          { from: '', to: '' },
        ],
        signupEvents: [{ event: 'Account Created' }],
        handoffEvents: ['Talk To Sales'],
        extraPersonalDomains: [{ domain: 'mail.example' }],
        scoringSignals: [
          { signal: 'logins_7d', label: 'Logins', weight: '40', threshold: '3' },
          { signal: 'team_invites', weight: 60, threshold: 1 },
        ],
        personalDomains: 'allow-company',
        productObjects: 'on',
        strict: 'true',
        oneTrustCookieCategories: [{ oneTrustCookieCategory: '' }],
        consentManagement: [{ provider: 'oneTrust', consents: [{ consent: '' }] }],
        connectionMode: 'cloud',
        eventDelivery: false,
      },
      env,
    );
    expect(config).toMatchObject({
      apiKey: 'k',
      pqlThreshold: 70,
      taskDueHours: 48,
      salesReps: ['alex.rivera@plg-demo.test', 'sam.chen@plg-demo.test'],
      milestoneEvents: { 'Report Shared': 'report_shared' },
      signupEvents: ['Account Created'],
      handoffEvents: ['Talk To Sales'],
      extraPersonalDomains: ['mail.example'],
      scoringModel: {
        signals: [
          { key: 'logins_7d', label: 'Logins', weight: 40, threshold: 3 },
          { key: 'team_invites', label: 'team_invites', weight: 60, threshold: 1 },
        ],
      },
      personalDomains: 'allow-company',
      productObjects: 'on',
      strict: true,
    });
  });

  it('errors name the RudderStack key and never the API key', () => {
    expect(() =>
      toPlgConfig(
        { apiKey: 'secret-token-123', scoringSignals: [{ signal: 'Logins!', weight: '100', threshold: '1' }] },
        env,
      ),
    ).toThrow('Invalid Config: scoringSignals[0].signal: must be a snake_case key such as logins_7d');
    expect(() => toPlgConfig({ apiKey: 'secret-token-123', signupEvents: ['Demo Requested'] }, env)).toThrow(
      /^Invalid Config: handoffEvents\[2\]: "Demo Requested" is already routed by signupEvents\[0\]/,
    );
    expect(() => toPlgConfig({ apiKey: 'secret-token-123', personalDomains: 'sometimes' }, env)).toThrow(
      'Invalid Config: personalDomains: must be one of: skip-company, allow-company',
    );
    try {
      toPlgConfig({ apiKey: 'secret-token-123' }, { ATTIO_API_URL: 'https://secret-token-123@api.attio.com' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        'Invalid transformer environment: ATTIO_API_URL: must not contain credentials',
      );
    }
  });
});

describe('operator settings: the transformer environment, never the Config', () => {
  const operatorConfig = {
    apiUrl: 'http://127.0.0.1:1',
    readsPerSecond: '1',
    writesPerSecond: '1',
    requestTimeoutMs: '100',
    schemaCacheTtlSeconds: '0',
  };

  it('ignores apiUrl, rate budgets, timeout and cache TTL in the Config: whoever edits a destination cannot redirect the key', () => {
    expect(toPlgConfig({ apiKey: 'k', ...operatorConfig }, env)).toEqual(toPlgConfig({ apiKey: 'k' }, env));
    expect(toPlgConfig({ apiKey: 'k', apiUrl: 'http://127.0.0.1:1' }, env).apiUrl).toBe(CONFIG_DEFAULTS.apiUrl);
  });

  it('reads each of them from its environment variable', () => {
    const config = toPlgConfig(
      { apiKey: 'k' },
      {
        ATTIO_API_URL: 'http://localhost:4010',
        ATTIO_READS_PER_SECOND: '50',
        ATTIO_WRITES_PER_SECOND: '10',
        ATTIO_REQUEST_TIMEOUT_MS: '2500',
        ATTIO_SCHEMA_CACHE_TTL_SECONDS: '60',
      },
    );
    expect(config).toMatchObject({
      apiUrl: 'http://localhost:4010',
      readsPerSecond: 50,
      writesPerSecond: 10,
      requestTimeoutMs: 2_500,
      schemaCacheTtlSeconds: 60,
    });
    expect(Object.keys(OPERATOR_SETTINGS).sort()).toEqual([
      'apiUrl',
      'readsPerSecond',
      'requestTimeoutMs',
      'schemaCacheTtlSeconds',
      'writesPerSecond',
    ]);
  });

  it('a bad value is a ConfigurationError naming the variable', () => {
    expect(() => toPlgConfig({ apiKey: 'k' }, { ATTIO_API_URL: 'http://api.attio.com' })).toThrow(
      'Invalid transformer environment: ATTIO_API_URL: must use https (http is allowed only for localhost, 127.0.0.0/8 or [::1])',
    );
    expect(() => toPlgConfig({ apiKey: 'k' }, { ATTIO_WRITES_PER_SECOND: '0' })).toThrow(
      'Invalid transformer environment: ATTIO_WRITES_PER_SECOND: must be > 0',
    );
    expect(() => toPlgConfig({ apiKey: 'k' }, { ATTIO_REQUEST_TIMEOUT_MS: 'soon' })).toThrow(
      /^Invalid transformer environment: ATTIO_REQUEST_TIMEOUT_MS: must be a finite number/,
    );
  });

  it('withTransformerEnv gives one call its own environment; outside it, process.env applies', async () => {
    const inside = withTransformerEnv({ ATTIO_API_URL: 'http://127.0.0.1:4010' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return toPlgConfig({ apiKey: 'k' }).apiUrl;
    });
    const previous = process.env.ATTIO_API_URL;
    delete process.env.ATTIO_API_URL;
    try {
      expect(toPlgConfig({ apiKey: 'k' }).apiUrl).toBe(CONFIG_DEFAULTS.apiUrl);
    } finally {
      if (previous !== undefined) process.env.ATTIO_API_URL = previous;
    }
    expect(await inside).toBe('http://127.0.0.1:4010');
  });
});

describe('one engine (connection and rate budget) per destination', () => {
  it('reuses the engine while the Config is unchanged and rebuilds it when the Config changes', () => {
    const config = toPlgConfig({ apiKey: 'k' }, env);
    const first = engineFor('dest-a', config);
    expect(engineFor('dest-a', toPlgConfig({ apiKey: 'k' }, env))).toBe(first);
    expect(engineFor('dest-b', config)).not.toBe(first);
    const rotated = engineFor('dest-a', toPlgConfig({ apiKey: 'k2' }, env));
    expect(rotated).not.toBe(first);
    expect(rotated.engine.config.apiKey).toBe('k2');
  });
});
