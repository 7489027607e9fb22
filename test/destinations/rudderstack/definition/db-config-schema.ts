/**
 * What rudder-integrations-config's validator enforces on a destination's db-config.json (its
 * src/schemas/destinations/db-config-schema.json, compiled by Ajv 8 in strict mode), restated as our own
 * JSON Schema (draft-07) so that the definition is checked by the same rules before it is proposed there.
 */

const SOURCE_TYPES = [
  'android',
  'androidKotlin',
  'ios',
  'iosSwift',
  'web',
  'unity',
  'amp',
  'cloud',
  'warehouse',
  'reactnative',
  'flutter',
  'cordova',
  'shopify',
  'cloudSource',
];
/** Source types whose SDKs can load a device-mode destination; hybrid mode on any of them needs a cloud events filter. */
const SDK_SOURCE_TYPES = [
  'web',
  'android',
  'androidKotlin',
  'ios',
  'iosSwift',
  'unity',
  'amp',
  'reactnative',
  'flutter',
  'cordova',
  'shopify',
];
const EVENT_TYPES = ['track', 'identify', 'page', 'screen', 'alias', 'group', 'audiencelist', 'record'];
const anyOf = (values: string[]) => `^(${values.join('|')})$`;

const uniqueStrings = (minItems?: number) => ({
  type: 'array',
  items: { type: 'string' },
  uniqueItems: true,
  ...(minItems === undefined ? {} : { minItems }),
});
const eventTypes = { type: 'array', items: { type: 'string', enum: EVENT_TYPES }, uniqueItems: true };
const connectionModes = {
  type: 'array',
  items: { type: 'string', enum: ['cloud', 'device', 'hybrid'] },
  minItems: 1,
  uniqueItems: true,
};

const hybridOnAnSdkSource = {
  if: {
    required: ['supportedConnectionModes'],
    properties: {
      supportedConnectionModes: {
        type: 'object',
        anyOf: SDK_SOURCE_TYPES.map((source) => ({
          required: [source],
          properties: { [source]: { type: 'array', contains: { const: 'hybrid' } } },
        })),
      },
    },
  },
  then: { required: ['hybridModeCloudEventsFilter'], properties: { hybridModeCloudEventsFilter: { type: 'object' } } },
};

export const dbConfigSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['name', 'displayName', 'config'],
  properties: {
    name: { type: 'string', pattern: '^[a-zA-Z0-9_-]+$' },
    displayName: { type: 'string', pattern: '^[a-zA-Z0-9_ .\\-\\(\\)/]+$' },
    category: { type: 'string', enum: ['warehouse'] },
    config: {
      type: 'object',
      required: ['supportedSourceTypes', 'destConfig'],
      additionalProperties: false,
      properties: {
        supportedAccountDefinitions: {
          type: 'object',
          properties: { rudderAccountId: uniqueStrings(0), rudderDeleteAccountId: uniqueStrings(0) },
        },
        transformAtV1: { type: 'string', enum: ['processor', 'router', 'none'], default: 'processor' },
        features: { type: 'array', items: { type: 'string', enum: ['vdm-next'] }, minItems: 1, uniqueItems: true },
        saveDestinationResponse: { type: 'boolean' },
        isAudienceSupported: { type: 'boolean' },
        throttlingCost: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: {
            eventType: {
              type: 'object',
              minProperties: 1,
              additionalProperties: false,
              patternProperties: { [anyOf(EVENT_TYPES)]: { type: 'integer', exclusiveMinimum: 0 } },
            },
          },
        },
        supportedSourceTypes: {
          type: 'array',
          items: { type: 'string', enum: SOURCE_TYPES },
          minItems: 1,
          uniqueItems: true,
        },
        supportedMessageTypes: {
          oneOf: [
            { ...eventTypes, minItems: 1 },
            {
              type: 'object',
              minProperties: 1,
              additionalProperties: false,
              patternProperties: {
                '^(cloud|device|hybrid)$': {
                  oneOf: [
                    eventTypes,
                    {
                      type: 'object',
                      minProperties: 1,
                      additionalProperties: false,
                      patternProperties: { [anyOf(SOURCE_TYPES)]: eventTypes },
                    },
                  ],
                },
              },
            },
          ],
        },
        supportedConnectionModes: {
          oneOf: [
            connectionModes,
            {
              type: 'object',
              minProperties: 1,
              additionalProperties: false,
              patternProperties: { [anyOf(SOURCE_TYPES)]: connectionModes },
            },
          ],
        },
        hybridModeCloudEventsFilter: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          patternProperties: {
            [anyOf(SOURCE_TYPES)]: {
              type: 'object',
              required: ['messageType'],
              additionalProperties: false,
              properties: { messageType: { ...eventTypes, minItems: 1 } },
            },
          },
        },
        cdkV2Enabled: { type: 'boolean' },
        cdkEnabled: { type: 'boolean' },
        destConfig: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          patternProperties: { [anyOf([...SOURCE_TYPES, 'defaultConfig'])]: uniqueStrings(1) },
        },
        includeKeys: uniqueStrings(1),
        excludeKeys: uniqueStrings(),
        secretKeys: uniqueStrings(),
        immutableKeys: uniqueStrings(),
        auth: {
          type: 'object',
          required: ['type'],
          properties: {
            type: { type: 'string', enum: ['OAuth'] },
            provider: { type: 'string', enum: ['Google'] },
            role: { type: 'string' },
            rudderScopes: {
              type: 'array',
              items: { type: 'string', enum: ['delivery', 'delete'] },
              minItems: 1,
              uniqueItems: true,
            },
          },
        },
        configFilters: { type: 'array', items: { type: 'string' } },
        supportsBlankAudienceCreation: { type: 'boolean' },
        supportsVisualMapper: { type: 'boolean' },
        disableJsonMapper: { type: 'boolean' },
        syncBehaviours: {
          type: 'array',
          items: { type: 'string', enum: ['mirror', 'upsert', 'full'] },
          uniqueItems: true,
        },
      },
      allOf: [hybridOnAnSdkSource],
    },
    options: {
      type: 'object',
      minProperties: 1,
      additionalProperties: false,
      properties: {
        isBeta: { type: 'boolean' },
        disableLiveEvents: { type: 'boolean' },
        hidden: {
          anyOf: [
            { type: 'boolean' },
            {
              type: 'object',
              properties: { featureFlagName: { type: 'string' }, featureFlagValue: { type: 'boolean' } },
            },
          ],
        },
        deprecated: { type: 'boolean' },
        deprecationLabel: { type: 'string' },
        legacy: {
          type: 'object',
          properties: {
            notice: { type: 'string' },
            selectionNotice: { type: 'string' },
            migrationGuide: { type: 'string' },
          },
        },
        destinationFeatures: { type: 'object', properties: { vdmLabels: { type: 'object' } } },
        supportsCustomMappings: { type: 'boolean' },
      },
    },
  },
} as const;

/**
 * The rules the validator codes beside the schema: a secret must not reach client SDKs through includeKeys
 * unless excludeKeys drops it again, and a destination with device or hybrid mode must say which keys SDKs get.
 */
export function definitionRuleViolations(definition: { config: Record<string, unknown> }): string[] {
  const { secretKeys, includeKeys, excludeKeys, supportedConnectionModes } = definition.config;
  const list = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const problems: string[] = [];
  const exposed = list(secretKeys).filter((key) => list(includeKeys).includes(key) && !list(excludeKeys).includes(key));
  if (exposed.length > 0)
    problems.push(`secret keys in config.includeKeys but not in config.excludeKeys: ${exposed.join(', ')}`);
  const modes =
    typeof supportedConnectionModes === 'object' && supportedConnectionModes !== null
      ? Object.values(supportedConnectionModes)
      : [];
  const sdkModes = modes.some((m) => list(m).includes('device') || list(m).includes('hybrid'));
  if (sdkModes && list(includeKeys).length === 0)
    problems.push('config.includeKeys must list the keys SDKs get when a source type allows device or hybrid mode');
  return problems;
}
