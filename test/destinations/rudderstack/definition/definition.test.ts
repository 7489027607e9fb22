/**
 * The destination definition (src/destinations/rudderstack/definition) checked the way rudder-integrations-config
 * checks one: db-config.json against the db-config schema with strict Ajv plus the validator's own rules,
 * schema.json's configSchema compiled as its validator compiles it and run on Configs, and the consistency
 * its schema generator and consent test demand between ui-config.json, schema.json and db-config.json.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../../src/core/config/index.js';
import {
  OPERATOR_SETTINGS,
  operatorEnvFor,
  rudderConfigSchema,
  toPlgConfig,
  toRudderConfig,
} from '../../../../src/destinations/rudderstack/config.js';
import { dbConfigSchema, definitionRuleViolations } from './db-config-schema.js';

const read = (path: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8'));
const DEFINITION = '../../../../src/destinations/rudderstack/definition/';

interface DbConfig {
  name: string;
  displayName: string;
  config: {
    transformAtV1: string;
    supportedSourceTypes: string[];
    supportedMessageTypes: Record<string, string[]>;
    supportedConnectionModes: Record<string, string[]>;
    destConfig: Record<string, string[]>;
    secretKeys: string[];
    includeKeys?: string[];
  };
}

interface UiField {
  type: string;
  configKey: string;
  label?: string;
  note?: unknown;
  placeholder?: string;
  regex?: string;
  required?: boolean;
  secret?: boolean;
  default?: unknown;
  tagKey?: string;
  options?: Array<{ label: string; value: string }>;
  columns?: UiField[];
  rowFields?: UiField[];
}

interface UiConfig {
  uiConfig: {
    baseTemplate: Array<{
      title: string;
      sections: Array<{ id?: string; groups: Array<{ title: string; fields: UiField[] }> }>;
    }>;
    sdkTemplate: { fields: UiField[] };
    consentSettingsTemplate: { fields: UiField[] };
  };
}

interface JsonSchema {
  type?: string;
  pattern?: string;
  enum?: string[];
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  required?: string[];
}

const dbConfig = read(`${DEFINITION}db-config.json`) as DbConfig;
const uiConfig = read(`${DEFINITION}ui-config.json`) as UiConfig;
const configSchema = (read(`${DEFINITION}schema.json`) as { configSchema: JsonSchema & { $schema: string } })
  .configSchema;
const exampleConfig = read('../../../../examples/config.json') as Record<string, unknown>;

/** Ajv errors as rudder-integrations-config reports them: `<dotted path> <message>`. */
const messages = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map((e) => `${e.instancePath.slice(1).replace(/\//g, '.')} ${e.message}`);

const strictAjv = () =>
  new Ajv({
    allErrors: true,
    useDefaults: true,
    strict: true,
    strictSchema: true,
    strictRequired: true,
    strictNumbers: true,
    strictTypes: true,
    strictTuples: true,
  });
const validateDbConfig = strictAjv().compile(dbConfigSchema);

/** The Ajv settings rudder-integrations-config compiles every configSchema with. */
const configAjv = new Ajv({
  allErrors: true,
  useDefaults: true,
  strict: false,
  strictSchema: false,
  strictRequired: false,
  strictNumbers: true,
  strictTypes: true,
  strictTuples: true,
});
const validateConfig = configAjv.compile(configSchema);

function uiFields(): Array<{ template: string; field: UiField }> {
  const { baseTemplate, sdkTemplate, consentSettingsTemplate } = uiConfig.uiConfig;
  return [
    ...baseTemplate.flatMap((template) =>
      template.sections.flatMap((section) =>
        section.groups.flatMap((group) => group.fields.map((field) => ({ template: template.title, field }))),
      ),
    ),
    ...sdkTemplate.fields.map((field) => ({ template: 'SDK settings', field })),
    ...consentSettingsTemplate.fields.map((field) => ({ template: 'Consent settings', field })),
  ];
}
const uiKeys = () => uiFields().map(({ field }) => field.configKey);

/** A Config as RudderStack stores it for a cloud source: the settings plus the per-source keys the UI adds. */
function storedConfig(settings: Record<string, unknown>): Record<string, unknown> {
  return {
    ...settings,
    connectionMode: { cloud: 'cloud' },
    consentManagement: { cloud: [{ provider: 'oneTrust', consents: [{ consent: 'C0002' }] }] },
  };
}

describe('db-config.json', () => {
  it('passes the db-config schema under strict Ajv', () => {
    expect(validateDbConfig(dbConfig), messages(validateDbConfig.errors).join('\n')).toBe(true);
  });

  it('the schema stands for the validator: it refuses what theirs refuses', () => {
    const broken = (change: (d: DbConfig) => void): string[] => {
      const copy = structuredClone(dbConfig);
      change(copy);
      return validateDbConfig(copy) ? [] : messages(validateDbConfig.errors);
    };
    expect(broken((d) => (d.name = 'ATTIO PLG'))).toEqual(['name must match pattern "^[a-zA-Z0-9_-]+$"']);
    expect(broken((d) => (d.config.transformAtV1 = 'edge'))).toEqual([
      'config.transformAtV1 must be equal to one of the allowed values',
    ]);
    expect(broken((d) => (d.config.destConfig['cloud'] = []))).toEqual([
      'config.destConfig.cloud must NOT have fewer than 1 items',
    ]);
    expect(broken((d) => Object.assign(d.config, { apiKey: 'x' }))).toEqual([
      'config must NOT have additional properties',
    ]);
    expect(broken((d) => (d.config.supportedConnectionModes['web'] = ['cloud', 'hybrid']))).toContain(
      "config must have required property 'hybridModeCloudEventsFilter'",
    );
  });

  it('keeps the validator’s own rules: no secret exposed to SDKs, includeKeys only with device or hybrid mode', () => {
    expect(definitionRuleViolations(dbConfig)).toEqual([]);
    expect(definitionRuleViolations({ config: { ...dbConfig.config, includeKeys: ['apiKey', 'trialList'] } })).toEqual([
      'secret keys in config.includeKeys but not in config.excludeKeys: apiKey',
    ]);
    expect(
      definitionRuleViolations({
        config: { ...dbConfig.config, supportedConnectionModes: { web: ['cloud', 'device'] } },
      }),
    ).toEqual(['config.includeKeys must list the keys SDKs get when a source type allows device or hybrid mode']);
    expect(dbConfig.config.includeKeys).toBeUndefined();
  });

  it('is ATTIO_PLG, router-transformed, cloud mode only for identify, track and group, from every source type a cloud destination takes', () => {
    expect(dbConfig.name).toBe('ATTIO_PLG');
    expect(dbConfig.config.transformAtV1).toBe('router');
    expect(dbConfig.config.supportedMessageTypes).toEqual({ cloud: ['identify', 'track', 'group'] });
    expect([...dbConfig.config.supportedSourceTypes].sort()).toEqual(
      [
        'amp',
        'android',
        'androidKotlin',
        'cloud',
        'cordova',
        'flutter',
        'ios',
        'iosSwift',
        'reactnative',
        'shopify',
        'unity',
        'warehouse',
        'web',
      ].sort(),
    );
    for (const source of dbConfig.config.supportedSourceTypes) {
      expect(dbConfig.config.supportedConnectionModes[source], source).toEqual(['cloud']);
      expect(dbConfig.config.destConfig[source], source).toEqual(['connectionMode', 'consentManagement']);
    }
  });

  it('the secret keys are exactly the UI fields marked secret: the API key', () => {
    expect(dbConfig.config.secretKeys).toEqual(['apiKey']);
    expect(
      uiFields()
        .filter(({ field }) => field.secret === true)
        .map(({ field }) => field.configKey),
    ).toEqual(dbConfig.config.secretKeys);
  });
});

describe('schema.json configSchema', () => {
  it('is JSON Schema draft-07 that requires apiKey', () => {
    expect(configSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(configSchema.required).toEqual(['apiKey']);
  });

  it('accepts examples/config.json as the RudderStack UI would store it', () => {
    const config = storedConfig(toRudderConfig(parseConfig(exampleConfig, {})));
    expect(validateConfig(config), messages(validateConfig.errors).join('\n')).toBe(true);
  });

  it('has a home for every key of examples/config.json: a Config key, or an operator setting from the transformer’s environment', () => {
    // The account model is flat in the UI: a text box per part and a row per fit factor.
    const renamed: Record<string, string> = {
      scoringModel: 'scoringSignals',
      accountModel: 'accountTopUsersWeight',
      ownership: 'productOwnedAttributes',
    };
    const schemaKeys = Object.keys(configSchema.properties ?? {});
    const homes = Object.keys(exampleConfig).map((key) =>
      key in OPERATOR_SETTINGS
        ? `env ${OPERATOR_SETTINGS[key as keyof typeof OPERATOR_SETTINGS]}`
        : schemaKeys.includes(renamed[key] ?? key)
          ? 'Config'
          : 'nowhere',
    );
    expect(homes.filter((home) => home === 'nowhere')).toEqual([]);
    expect(homes.filter((home) => home.startsWith('env')).sort()).toEqual(
      Object.values(OPERATOR_SETTINGS)
        .map((name) => `env ${name}`)
        .sort(),
    );
  });

  it('rejects a Config without apiKey, as the validator words it', () => {
    const { apiKey: _apiKey, ...withoutKey } = toRudderConfig(parseConfig(exampleConfig, {}));
    expect(validateConfig(storedConfig(withoutKey))).toBe(false);
    expect(messages(validateConfig.errors)).toEqual([" must have required property 'apiKey'"]);
  });

  it('rejects values the UI would refuse (a score over 100, a milestone key with spaces, an unknown option)', () => {
    const config = toRudderConfig(parseConfig(exampleConfig, {}));
    expect(
      validateConfig({
        ...config,
        pqlThreshold: '150',
        milestoneEvents: [{ from: 'Data Imported', to: 'data imported' }],
        personalDomains: 'sometimes',
      }),
    ).toBe(false);
    expect(messages(validateConfig.errors).sort()).toEqual([
      'milestoneEvents.0.to must match pattern "^([a-z0-9_]{1,64})?$"',
      'personalDomains must be equal to one of the allowed values',
      'pqlThreshold must match pattern "^(100|[0-9]{1,2}(\\.[0-9]+)?)?$"',
    ]);
  });
});

describe('ui-config.json, schema.json and db-config.json agree', () => {
  it('every UI field is in the schema, and every schema key in the UI (connectionMode is the UI’s connection-mode group)', () => {
    const schemaKeys = Object.keys(configSchema.properties ?? {});
    expect(uiKeys().filter((key) => !schemaKeys.includes(key))).toEqual([]);
    expect(schemaKeys.filter((key) => !uiKeys().includes(key))).toEqual(['connectionMode']);
    const connectionModeGroup = uiConfig.uiConfig.baseTemplate[0]?.sections
      .flatMap((s) => s.groups)
      .find((g) => g.title === 'Connection mode');
    expect(connectionModeGroup?.fields).toEqual([]);
    expect(configSchema.properties?.['connectionMode']).toEqual({
      type: 'object',
      properties: Object.fromEntries(
        dbConfig.config.supportedSourceTypes.map((source) => [
          source,
          { type: 'string', enum: dbConfig.config.supportedConnectionModes[source] },
        ]),
      ),
    });
  });

  it('each field’s schema is what its UI type stores: strings under the UI’s regex, rows of the UI’s columns, options as an enum', () => {
    const stringUnder = (field: UiField): JsonSchema => ({ type: 'string', pattern: field.regex });
    const rowsOf = (columns: UiField[]): JsonSchema => ({
      type: 'array',
      items: { type: 'object', properties: Object.fromEntries(columns.map((c) => [c.configKey, stringUnder(c)])) },
    });
    for (const { field } of uiFields().filter(({ field }) => field.configKey !== 'consentManagement')) {
      const schema = configSchema.properties?.[field.configKey];
      switch (field.type) {
        case 'textInput':
          expect(schema, field.configKey).toEqual(stringUnder(field));
          break;
        case 'tagInput':
          expect(schema, field.configKey).toMatchObject({
            type: 'array',
            items: { type: 'object', properties: { [field.tagKey ?? '']: { type: 'string' } } },
          });
          break;
        case 'mapping':
          expect(schema, field.configKey).toEqual(rowsOf(field.columns ?? []));
          break;
        case 'dynamicCustomForm':
          expect(schema, field.configKey).toEqual(rowsOf(field.rowFields ?? []));
          break;
        case 'singleSelect':
          expect(schema, field.configKey).toEqual({
            type: 'string',
            enum: field.options?.map((o) => o.value),
            default: field.default,
          });
          break;
        case 'checkbox':
          expect(schema, field.configKey).toEqual({ type: 'boolean', default: field.default });
          break;
        default:
          expect.unreachable(`${field.configKey}: UI type ${field.type} has no rule here`);
      }
    }
  });

  it('every UI field a user fills in has a label and a note, every text box a placeholder and a regex', () => {
    for (const { field } of uiFields().filter(({ template }) => template !== 'Consent settings')) {
      expect(field.label, field.configKey).toBeTruthy();
      expect(field.note, field.configKey).toBeTruthy();
      if (field.type === 'textInput' || field.type === 'tagInput')
        expect(field.placeholder, field.configKey).toMatch(/^e\.g: /);
      if (field.type === 'textInput') expect(field.regex, field.configKey).toBeTruthy();
      for (const column of [...(field.columns ?? []), ...(field.rowFields ?? [])])
        expect(
          [column.label, column.placeholder, column.regex].every(Boolean),
          `${field.configKey}.${column.configKey}`,
        ).toBe(true);
    }
  });

  it('only the Initial setup holds required fields, and the schema requires exactly those', () => {
    const required = uiFields()
      .filter(({ template }) => template === 'Initial setup')
      .map(({ field }) => field.configKey);
    expect(required).toEqual(configSchema.required);
    expect(
      uiFields()
        .filter(({ field }) => field.required === true)
        .map(({ field }) => field.configKey),
    ).toEqual(['apiKey']);
  });

  it('the destination’s defaultConfig lists every UI key but the per-source consent settings', () => {
    expect([...(dbConfig.config.destConfig['defaultConfig'] ?? [])].sort()).toEqual(
      uiKeys()
        .filter((key) => key !== 'consentManagement')
        .sort(),
    );
  });

  it('the UI keys are the Config keys src/destinations/rudderstack/config.ts reads; no operator setting is among them', () => {
    expect(
      uiKeys()
        .filter((key) => key !== 'consentManagement')
        .sort(),
    ).toEqual(Object.keys(rudderConfigSchema.shape).sort());
    expect(uiKeys().filter((key) => key in OPERATOR_SETTINGS)).toEqual([]);
  });

  it('a Config of nothing but the UI’s defaults (and a token) is the core’s default configuration', () => {
    const defaults = Object.fromEntries(
      uiFields()
        .filter(({ field }) => field.default !== undefined)
        .map(({ field }) => [field.configKey, field.default]),
    );
    expect(toPlgConfig({ ...defaults, apiKey: 'k' }, {})).toEqual(toPlgConfig({ apiKey: 'k' }, {}));
    const config = parseConfig(exampleConfig, {});
    expect(toPlgConfig(toRudderConfig(config), operatorEnvFor(config))).toEqual(config);
  });

  it('consent settings follow the platform’s rules: per source, never a default, one consent form in the UI', () => {
    const { destConfig, supportedSourceTypes } = dbConfig.config;
    expect(destConfig['defaultConfig']).not.toContain('consentManagement');
    expect(
      Object.keys(destConfig)
        .filter((key) => key !== 'defaultConfig')
        .sort(),
    ).toEqual([...supportedSourceTypes].sort());
    const ui = JSON.stringify(uiConfig);
    const schema = JSON.stringify(configSchema);
    expect(ui.match(/consentManagement/g)).toHaveLength(1);
    expect(ui.match(/iubenda/g)).toHaveLength(2);
    expect(schema.match(/iubenda/g)?.length).toBe(schema.match(/ketch/g)?.length);
    expect(ui).not.toMatch(/oneTrustCookieCategories|ketchConsentPurposes/);
    expect(Object.keys(configSchema.properties?.['consentManagement']?.properties ?? {}).sort()).toEqual(
      [...supportedSourceTypes].sort(),
    );
  });
});
