import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS } from '../../../src/core/config/index.js';
import { toPlgConfig } from '../../../src/destinations/rudderstack/config.js';
import { engineFor } from '../../../src/destinations/rudderstack/engines.js';

const env = {};

describe('RudderStack Config -> core configuration', () => {
  it('a Config with only the API key gets every core default', () => {
    const config = toPlgConfig({ apiKey: 'k' }, env);
    expect(config).toEqual(toPlgConfig({ apiKey: 'k', apiUrl: '', trialList: ' ', salesReps: [{ email: '' }], milestoneEvents: [{ from: '', to: '' }], scoringSignals: [{ signal: '', label: '', weight: '', threshold: '' }] }, env));
    expect(config.pqlThreshold).toBe(CONFIG_DEFAULTS.pqlThreshold);
    expect(config.milestoneEvents).toEqual(CONFIG_DEFAULTS.milestoneEvents);
    expect(config.scoringModel).toEqual(CONFIG_DEFAULTS.scoringModel);
  });

  it('maps UI shapes: numbers as strings, rows for lists and mappings, "true" for checkboxes; ignores RudderStack\'s own keys', () => {
    const config = toPlgConfig(
      {
        apiKey: ' k ',
        apiUrl: 'http://127.0.0.1:4010/',
        pqlThreshold: '70',
        taskDueHours: '48',
        schemaCacheTtlSeconds: 60,
        salesReps: [{ email: 'Alex.Rivera@plg-demo.test' }, 'sam.chen@plg-demo.test', { email: '' }],
        milestoneEvents: [{ from: 'Report Shared', to: 'report_shared' }, { from: '', to: '' }],
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
        readsPerSecond: '50',
        writesPerSecond: '10',
        oneTrustCookieCategories: [{ oneTrustCookieCategory: '' }],
        eventDelivery: false,
      },
      env,
    );
    expect(config).toMatchObject({
      apiKey: 'k',
      apiUrl: 'http://127.0.0.1:4010',
      pqlThreshold: 70,
      taskDueHours: 48,
      schemaCacheTtlSeconds: 60,
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
      readsPerSecond: 50,
      writesPerSecond: 10,
    });
  });

  it('errors name the RudderStack key and never the API key', () => {
    expect(() => toPlgConfig({ apiKey: 'secret-token-123', scoringSignals: [{ signal: 'Logins!', weight: '100', threshold: '1' }] }, env)).toThrow(
      'Invalid Config: scoringSignals[0].signal: must be a snake_case key such as logins_7d',
    );
    expect(() => toPlgConfig({ apiKey: 'secret-token-123', signupEvents: ['Demo Requested'] }, env)).toThrow(/^Invalid Config: handoffEvents\[2\]: "Demo Requested" is already routed by signupEvents\[0\]/);
    expect(() => toPlgConfig({ apiKey: 'secret-token-123', personalDomains: 'sometimes' }, env)).toThrow('Invalid Config: personalDomains: must be one of: skip-company, allow-company');
    try {
      toPlgConfig({ apiKey: 'secret-token-123', apiUrl: 'https://secret-token-123@api.attio.com' }, env);
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('Invalid Config: apiUrl: must not contain credentials');
    }
  });

  it('ATTIO_API_URL from the environment is the default base URL', () => {
    expect(toPlgConfig({ apiKey: 'k', apiUrl: '' }, { ATTIO_API_URL: 'http://localhost:4010' }).apiUrl).toBe('http://localhost:4010');
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
