/**
 * The settings screen and the mapping screens as a marketer reads them: few global settings (no base URL,
 * no timeout), every field labelled in Title Case and described, configuration as action fields with the
 * core's defaults and dropdowns, and errors that name the field the value came from.
 */
import { createRequire } from 'node:module';
import type { InputField } from '@segment/actions-core';
import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, DEFAULT_SCORING_MODEL, parseConfig } from '../../../src/core/config/index.js';
import {
  ACCOUNT_FIELDS,
  CONFIG_FIELDS,
  configFieldValues,
  configFieldsOf,
  configInput,
  fieldForConfigPath,
  type ConfigFieldName,
} from '../../../src/destinations/segment/config-fields.js';
import { resolveHost } from '../../../src/destinations/segment/host.js';
import { configFromSettings, settingsFields } from '../../../src/destinations/segment/settings.js';
import { clearSchemaStores } from '../../../src/destinations/segment/workspace-state.js';
import { EMULATOR_API_KEY } from '../../../src/emulator/index.js';
import { signedUp, useE2E } from '../../support/e2e.js';
import { SETTINGS, actionsCore, destination, destinationAt, serveMetadata } from '../../support/segment.js';

/** Title Case as Segment's own generators write it: every word capitalised but short joining words, acronyms kept. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with']);
function isTitleCase(label: string): boolean {
  return label.split(/[\s-]+/).every((word, index) => {
    const letters = word.replace(/^[^A-Za-z0-9]+/, '');
    if (letters === '' || /^[0-9]/.test(letters)) return true;
    if (index > 0 && SMALL_WORDS.has(letters.toLowerCase())) return letters === letters.toLowerCase();
    return letters[0] === letters[0]?.toUpperCase();
  });
}

/** Every field of every action and the settings, nested properties and choices included, by where it is. */
function everyLabel(): Array<{ where: string; label: string; description?: string; choice?: true }> {
  const out: Array<{ where: string; label: string; description?: string; choice?: true }> = [];
  type Labelled = Pick<InputField, 'label' | 'description' | 'properties' | 'choices'>;
  const visit = (where: string, field: Labelled) => {
    out.push({ where, label: field.label, description: field.description });
    for (const [key, property] of Object.entries(field.properties ?? {}))
      visit(`${where}.${key}`, property as Labelled);
    for (const choice of field.choices ?? [])
      if (typeof choice === 'object')
        out.push({ where: `${where} choice ${choice.value}`, label: choice.label, choice: true });
  };
  for (const [key, setting] of Object.entries(settingsFields))
    visit(`settings.${key}`, { label: setting.label, description: setting.description, choices: setting.choices });
  for (const [slug, action] of Object.entries(destination.actions)) {
    out.push({ where: slug, label: action.title, description: action.description });
    for (const [key, field] of Object.entries(action.fields)) visit(`${slug}.${key}`, field);
  }
  return out;
}

describe('the settings screen', () => {
  it('holds the API key, the deal matching attribute and the attribute owners: no base URL, no timeout', () => {
    expect(Object.keys(settingsFields)).toEqual([
      'apiKey',
      'dealMatchingAttribute',
      'productOwnedAttributes',
      'repOwnedAttributes',
    ]);
    expect(settingsFields.apiKey).toMatchObject({ type: 'password', required: true });
    expect(settingsFields.dealMatchingAttribute.required).toBeUndefined();
    expect(destination.authentication?.fields).toBe(settingsFields);
  });

  it('takes the base URL from the host’s ATTIO_API_URL, else Attio’s own, and ignores one sent as a setting', () => {
    const settings = { apiKey: 'k', apiUrl: 'http://127.0.0.1:1' } as unknown as typeof SETTINGS;
    expect(configFromSettings(settings, resolveHost({ env: {} })).apiUrl).toBe('https://api.attio.com');
    expect(
      configFromSettings(settings, resolveHost({ env: { ATTIO_API_URL: 'https://eu.attio.example/' } })).apiUrl,
    ).toBe('https://eu.attio.example');
  });
});

describe('attribute owners, workspace-wide', () => {
  it('lays both lists over the default owners; a bad name is refused, naming the settings', () => {
    const host = resolveHost({ env: {} });
    const config = configFromSettings(
      { apiKey: 'k', productOwnedAttributes: ['people.job_title', ' '], repOwnedAttributes: ['people.plan_type'] },
      host,
    );
    expect(config.ownership).toEqual({
      ...CONFIG_DEFAULTS.ownership,
      'people.job_title': 'product',
      'people.plan_type': 'reps',
    });
    expect(configFromSettings({ apiKey: 'k' }, host).ownership).toEqual(CONFIG_DEFAULTS.ownership);
    expect(() => configFromSettings({ apiKey: 'k', productOwnedAttributes: ['job title'] }, host)).toThrow(
      /^productOwnedAttributes or repOwnedAttributes: .*must name an attribute/,
    );
  });
});

describe('every label and description', () => {
  const labels = everyLabel();

  it('is in Title Case', () => {
    expect(labels.length).toBeGreaterThan(150);
    expect(labels.filter(({ label }) => !isTitleCase(label))).toEqual([]);
  });

  it('is described (nested properties included; a dropdown’s choices are their labels)', () => {
    expect(
      labels
        .filter(({ choice }) => choice !== true)
        .filter(({ description }) => description === undefined || description.trim().length < 10),
    ).toEqual([]);
  });

  it('has a dropdown wherever a field is dynamic', () => {
    for (const [slug, action] of Object.entries(destination.actions)) {
      const dynamic = Object.entries(action.fields)
        .filter(([, field]) => field.dynamic === true)
        .map(([key]) => key);
      expect(
        dynamic.filter((key) => !(key in (action.dynamicFields ?? {}))),
        slug,
      ).toEqual([]);
    }
  });
});

describe('configuration as action fields', () => {
  const fieldsOf = (slug: string) => configFieldsOf(destination.actions[slug]?.fields ?? {});

  it('each action has the configuration its workflow reads', () => {
    const people: ConfigFieldName[] = ['personal_domains', 'extra_personal_domains', 'product_objects', 'strict'];
    const qualification: ConfigFieldName[] = [
      'pql_list',
      'pql_stage',
      'pql_threshold',
      'scoring_model',
      'sales_reps',
      'task_due_hours',
    ];
    const accounts: ConfigFieldName[] = [
      'account_scoring',
      'deal_trigger',
      'account_threshold',
      'decay_half_life_days',
      'fit_factors',
      'account_model',
      'user_tiers',
      'account_tiers',
      'tier_change_tasks',
    ];
    const sorted = (names: ConfigFieldName[]) => [...names].sort();
    expect(sorted(fieldsOf('signup'))).toEqual(sorted(['trial_list', ...people]));
    expect(sorted(fieldsOf('trackMilestone'))).toEqual(sorted(['product_objects', 'strict']));
    expect(sorted(fieldsOf('updatePqlScore'))).toEqual(sorted([...qualification, ...accounts, ...people]));
    expect(sorted(fieldsOf('identifyUser'))).toEqual(sorted([...qualification, ...accounts, ...people]));
    expect(sorted(fieldsOf('salesHandoff'))).toEqual(
      sorted(['handoff_stage', 'sales_reps', 'task_due_hours', ...people]),
    );
    // A group call rolls the account up, and may qualify it: the deal's stage, owner and task come along.
    expect(sorted(fieldsOf('groupWorkspace'))).toEqual(
      sorted(['pql_threshold', 'scoring_model', 'pql_stage', 'sales_reps', 'task_due_hours', ...accounts, ...people]),
    );
    expect(fieldsOf('assertRecord')).toEqual(['strict']);
  });

  it('default to the core configuration, so the mapping screen shows what applies', () => {
    const defaults = Object.fromEntries(
      Object.entries(CONFIG_FIELDS).map(([name, entry]) => [name, (entry.field as InputField).default]),
    );
    expect(defaults).toEqual({
      trial_list: CONFIG_DEFAULTS.trialList,
      pql_list: CONFIG_DEFAULTS.pqlList,
      pql_stage: CONFIG_DEFAULTS.pqlStage,
      handoff_stage: CONFIG_DEFAULTS.handoffStage,
      pql_threshold: CONFIG_DEFAULTS.pqlThreshold,
      scoring_model: DEFAULT_SCORING_MODEL.signals,
      sales_reps: undefined,
      task_due_hours: CONFIG_DEFAULTS.taskDueHours,
      personal_domains: CONFIG_DEFAULTS.personalDomains,
      extra_personal_domains: undefined,
      product_objects: CONFIG_DEFAULTS.productObjects,
      strict: CONFIG_DEFAULTS.strict,
      account_scoring: false,
      deal_trigger: 'user',
      account_threshold: CONFIG_DEFAULTS.accountThreshold,
      decay_half_life_days: 14,
      account_model: {
        top_users_weight: 50,
        rank_weights: '50, 30, 20',
        active_seats_weight: 20,
        active_within_days: 14,
        min_seats: 5,
        feature_breadth_weight: 30,
      },
      fit_factors: undefined,
      user_tiers: [
        { name: 'hot', min: 60 },
        { name: 'warm', min: 30 },
        { name: 'cold', min: 0 },
      ],
      account_tiers: [
        { name: 'hot', min: 60 },
        { name: 'warm', min: 30 },
        { name: 'cold', min: 0 },
      ],
      tier_change_tasks: 'off',
    });
  });

  it('the account settings reach the configuration: the model with its fit rows, tiers, and no decay as 0', () => {
    const input = configInput(
      {
        account_scoring: true,
        deal_trigger: 'account',
        decay_half_life_days: 0,
        account_model: { top_users_weight: 40, rank_weights: '60, 40' },
        fit_factors: [{ factor: 'industry', weight: 10, values: 'SaaS, Fintech' }],
        account_tiers: [
          { name: 'A', min: 70 },
          { name: 'B', min: 0 },
        ],
      },
      ACCOUNT_FIELDS,
    );
    const config = parseConfig({ apiKey: 'k', ...input }, {});
    expect(config).toMatchObject({ accountScoring: true, dealTrigger: 'account', decayHalfLifeDays: null });
    expect(config.accountModel.topUsers).toEqual({ weight: 40, rankWeights: [60, 40] });
    expect(config.accountModel.fit).toEqual({ industry: { weight: 10, values: ['SaaS', 'Fintech'] } });
    expect(config.accountTiers.map((t) => t.name)).toEqual(['A', 'B']);
    expect(fieldForConfigPath('accountModel.fit.industry.values', ACCOUNT_FIELDS)).toBe('fit_factors.industry.values');
    expect(fieldForConfigPath('accountModel.topUsers.weight', ACCOUNT_FIELDS)).toBe('account_model.topUsers.weight');
    // The whole configuration round-trips through the fields a host (the CLI) fills from it.
    const values = configFieldValues(config);
    expect(parseConfig({ apiKey: 'k', ...configInput(values, ACCOUNT_FIELDS) }, {}).accountModel).toEqual(
      config.accountModel,
    );
  });

  it('models the scoring model as a list of signals Segment’s array editor shows, one row per signal', () => {
    const field = CONFIG_FIELDS.scoring_model.field as InputField;
    expect(field).toMatchObject({
      type: 'object',
      multiple: true,
      defaultObjectUI: 'arrayeditor',
      additionalProperties: false,
    });
    expect(Object.entries(field.properties ?? {}).map(([key, p]) => [key, p.type, p.required])).toEqual([
      ['key', 'string', true],
      ['label', 'string', true],
      ['weight', 'integer', true],
      ['threshold', 'number', true],
    ]);
  });

  it('flow into the core configuration', () => {
    const config = configFromSettings(
      SETTINGS,
      resolveHost({ env: {} }),
      {
        trial_list: 'beta_trials',
        pql_threshold: 40,
        scoring_model: [{ key: 'seats', label: 'Seats', weight: 100, threshold: 3 }],
        sales_reps: ['Alex.Rivera@plg-demo.test, sam.chen@plg-demo.test'],
        extra_personal_domains: ['example.org'],
        product_objects: 'off',
      },
      ['trial_list', 'pql_threshold', 'scoring_model', 'sales_reps', 'extra_personal_domains', 'product_objects'],
    );
    expect(config).toMatchObject({
      trialList: 'beta_trials',
      pqlThreshold: 40,
      scoringModel: { signals: [{ key: 'seats', label: 'Seats', weight: 100, threshold: 3 }] },
      salesReps: ['alex.rivera@plg-demo.test', 'sam.chen@plg-demo.test'],
      extraPersonalDomains: ['example.org'],
      productObjects: 'off',
      pqlList: CONFIG_DEFAULTS.pqlList,
    });
  });

  it.each([
    [{ pql_threshold: 150 }, 'pql_threshold: must be <= 100'],
    [{ sales_reps: ['alex', 'not an email'] }, 'sales_reps[0]: must be a workspace member email address'],
    [
      { scoring_model: [{ key: 'seats', label: 'Seats', weight: 60, threshold: 3 }] },
      'scoring_model: weights must sum to 100, got 60',
    ],
    [
      { scoring_model: [{ key: 'Seats!', label: 'Seats', weight: 100, threshold: 3 }] },
      'scoring_model[0].key: must be a snake_case key such as logins_7d',
    ],
    [{ task_due_hours: 0 }, 'task_due_hours: must be > 0'],
  ])('errors name the action field: %j', (payload, message) => {
    const names = Object.keys(payload) as ConfigFieldName[];
    expect(() => configFromSettings(SETTINGS, resolveHost({ env: {} }), payload, names)).toThrow(message);
  });
});

describe('a custom scoring model set in the action', () => {
  const fixture = useE2E();

  it('scores the signals it names: one signal worth 100 points qualifies at its threshold', async () => {
    const segment = actionsCore.createTestIntegration(destinationAt(fixture().emulator.url));
    const settings = { apiKey: EMULATOR_API_KEY };
    await segment.testAction('signup', {
      event: actionsCore.createTestEvent(signedUp('ada@seats.io', 1) as object),
      settings,
      useDefaultMappings: true,
    });
    const usage = actionsCore.createTestEvent({
      type: 'track',
      event: 'Usage Summary',
      messageId: 'seats-1',
      timestamp: '2024-11-05T10:00:00.000Z',
      context: { traits: { email: 'ada@seats.io' } },
      properties: { seats: 5 },
    });
    await segment.testAction('updatePqlScore', {
      event: usage,
      settings,
      mapping: {
        scoring_model: [{ key: 'seats', label: 'Seats', weight: 100, threshold: 3 }],
        signals: { seats: { '@path': '$.properties.seats' } },
      },
      useDefaultMappings: true,
    });
    const [person] = await fixture().reader.queryRecords('people', {
      filter: { email_addresses: 'ada@seats.io' },
      limit: 1,
    });
    const values = person?.values as Record<string, Array<{ value?: unknown; option?: { title?: string } }>>;
    expect(values['pql_score']?.[0]?.value).toBe(100);
    expect(values['pql_tier']?.[0]?.option?.title).toBe('hot');
  });
});

describe('the destination’s name', () => {
  afterEach(() => {
    nock.cleanAll();
    clearSchemaStores();
  });

  it('is Segment’s kind, `Attio PLG (Actions)`, and events validate under it (fast-uri held at 3.1.0, as Segment’s lockfile holds it)', async () => {
    expect(destination.name).toBe('Attio PLG (Actions)');
    expect((createRequire(import.meta.url)('fast-uri/package.json') as { version: string }).version).toBe('3.1.0');
    const segment = actionsCore.createTestIntegration(destination);
    const event = actionsCore.createTestEvent({
      type: 'track',
      event: 'Signed Up',
      messageId: 'n-1',
      timestamp: '2024-11-04T10:00:00.000Z',
      context: { traits: {} },
      properties: {},
    });
    // The payload schema (keyed `Attio PLG (Actions):Signup`) compiles and judges the payload: a missing email, not a URI error.
    await expect(segment.testAction('signup', { event, settings: SETTINGS, useDefaultMappings: true })).rejects.toThrow(
      "The root value is missing the required field 'email'.",
    );
    // Settings are validated too (keyed `Attio PLG (Actions):settings`), by Test Connection as on Segment's event path.
    await serveMetadata();
    await expect(segment.testAuthentication(SETTINGS)).resolves.toBeUndefined();
  });
});
