/**
 * The destination's global settings (what SPEC §2 configures) and how they, plus the per-action overrides a
 * mapping may set, become the core configuration. parseConfig is the one judge of a valid configuration;
 * this module only reshapes Segment's flat settings (comma lists, a JSON scoring model) into its input.
 */
import type { GlobalSetting } from '@segment/actions-core';
import { CONFIG_DEFAULTS, PERSONAL_DOMAIN_POLICIES, PRODUCT_OBJECTS_MODES, parseConfig, type PlgConfig } from '../../core/config/index.js';
import { ConfigError } from '../../core/errors.js';
import type { Settings } from './generated-types.js';

const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

export const settingsFields: Record<keyof Settings, GlobalSetting> = {
  apiKey: {
    label: 'API key',
    description: 'An Attio access token with read-write access to records, list entries, notes and tasks, and read access to the workspace configuration.',
    type: 'password',
    required: true,
  },
  apiUrl: {
    label: 'API URL',
    description: 'The Attio API base URL. Only https, or http to this machine (a local Attio emulator).',
    type: 'string',
    default: CONFIG_DEFAULTS.apiUrl,
  },
  trialList: {
    label: 'Trial list',
    description: 'The Attio list (slug or id) that signups are added to.',
    type: 'string',
    default: CONFIG_DEFAULTS.trialList,
  },
  pqlList: {
    label: 'PQL list',
    description: 'The Attio list (slug or id) that product-qualified leads are added to.',
    type: 'string',
    default: CONFIG_DEFAULTS.pqlList,
  },
  pqlStage: {
    label: 'PQL deal stage',
    description: 'The deal stage (status title) of the deal opened when an account first qualifies.',
    type: 'string',
    default: CONFIG_DEFAULTS.pqlStage,
  },
  handoffStage: {
    label: 'Handoff deal stage',
    description: 'The deal stage (status title) of the deal opened when a user asks for sales.',
    type: 'string',
    default: CONFIG_DEFAULTS.handoffStage,
  },
  pqlThreshold: {
    label: 'PQL threshold',
    description: 'The score (0-100) at which a person becomes a product-qualified lead.',
    type: 'number',
    default: CONFIG_DEFAULTS.pqlThreshold,
  },
  scoringModel: {
    label: 'Scoring model (JSON)',
    description:
      'The PQL scoring model as JSON: {"signals":[{"key":"logins_7d","label":"Logins (7d)","weight":10,"threshold":5}, ...]}; weights are whole numbers summing to 100. Leave empty for the default model.',
    type: 'string',
  },
  salesReps: {
    label: 'Sales reps',
    description: 'Workspace-member emails, separated by commas; deals and tasks are assigned by a stable hash of the account. Empty: the member the API key acts for.',
    type: 'string',
  },
  taskDueHours: {
    label: 'Task due (hours)',
    description: 'Hours after the triggering event that follow-up tasks are due.',
    type: 'number',
    default: CONFIG_DEFAULTS.taskDueHours,
  },
  personalDomains: {
    label: 'Free-mail domains',
    description: 'skip-company: free-mail domains (gmail.com, ...) never create or link companies. allow-company: treat them like any domain.',
    type: 'string',
    choices: choices(PERSONAL_DOMAIN_POLICIES),
    default: CONFIG_DEFAULTS.personalDomains,
  },
  extraPersonalDomains: {
    label: 'More free-mail domains',
    description: 'Further domains, separated by commas, to treat as free-mail domains.',
    type: 'string',
  },
  productObjects: {
    label: 'Product objects',
    description: 'Also assert Attio Users (by user id) and Workspaces (by workspace id): on, off, or auto (when the workspace has those objects).',
    type: 'string',
    choices: choices(PRODUCT_OBJECTS_MODES),
    default: CONFIG_DEFAULTS.productObjects,
  },
  dealMatchingAttribute: {
    label: 'Deal matching attribute',
    description: 'A unique deal attribute to assert deals on. Empty: deals are found by a query before they are created.',
    type: 'string',
  },
  requestTimeoutMs: {
    label: 'Request timeout (ms)',
    description: 'How long to wait for each Attio request before treating it as failed (Segment retries it). At most 10000, Segment’s own limit.',
    type: 'number',
    default: 10_000,
  },
  strict: {
    label: 'Strict mode',
    description: 'Reject events that would write attributes or options the workspace does not have, instead of leaving those values out with a warning.',
    type: 'boolean',
    default: CONFIG_DEFAULTS.strict,
  },
};

/** Configuration values an action's mapping may set for its own events (each has a dropdown). */
export interface ConfigOverrides {
  trialList?: string;
  pqlList?: string;
  pqlStage?: string;
  handoffStage?: string;
  salesReps?: string[];
}

/**
 * The core configuration for `settings` with `overrides`. Blank settings take the core defaults. Throws
 * ConfigError naming the setting (or the action field an override came from).
 */
export function configFromSettings(settings: Settings, overrides: ConfigOverrides = {}, overrideFields: Partial<Record<keyof ConfigOverrides, string>> = {}): PlgConfig {
  const input: Record<string, unknown> = {
    apiKey: settings.apiKey,
    apiUrl: text(settings.apiUrl),
    trialList: text(settings.trialList),
    pqlList: text(settings.pqlList),
    pqlStage: text(settings.pqlStage),
    handoffStage: text(settings.handoffStage),
    pqlThreshold: settings.pqlThreshold,
    scoringModel: scoringModel(settings.scoringModel),
    salesReps: commaList(settings.salesReps),
    taskDueHours: settings.taskDueHours,
    personalDomains: text(settings.personalDomains),
    extraPersonalDomains: commaList(settings.extraPersonalDomains),
    productObjects: text(settings.productObjects),
    dealMatchingAttribute: text(settings.dealMatchingAttribute),
    strict: settings.strict,
    requestTimeoutMs: settings.requestTimeoutMs,
  };
  for (const [key, value] of Object.entries(overrides)) {
    if (value !== undefined && !(Array.isArray(value) && value.length === 0)) input[key] = value;
  }
  try {
    // Segment settings are the whole configuration: no environment variable applies in Segment's cloud.
    return parseConfig(Object.fromEntries(Object.entries(input).filter((entry) => entry[1] !== undefined)), {});
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const setting = blamedSetting(error.setting, overrides, overrideFields);
    throw setting === error.setting ? error : new ConfigError(setting, error.reason);
  }
}

/**
 * The name the user knows a configuration key by: the action field when that action's mapping overrode the
 * setting (`pqlStage` -> `pql_stage`), else the setting itself.
 */
export function blamedSetting(setting: string, overrides: ConfigOverrides, overrideFields: Partial<Record<keyof ConfigOverrides, string>>): string {
  for (const key of Object.keys(overrides) as Array<keyof ConfigOverrides>) {
    const field = overrideFields[key];
    if (overrides[key] === undefined || field === undefined) continue;
    if (setting === key || setting.startsWith(`${key}[`)) return `${field}${setting.slice(key.length)}`;
  }
  return setting;
}

function text(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function commaList(value: string | undefined): string[] | undefined {
  const items = (value ?? '').split(/[,\s]+/).filter((item) => item !== '');
  return items.length === 0 ? undefined : items;
}

function scoringModel(value: string | undefined): unknown {
  const json = text(value);
  if (json === undefined) return undefined;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    throw new ConfigError('scoringModel', 'must be JSON such as {"signals":[{"key":"logins_7d","label":"Logins (7d)","weight":100,"threshold":5}]}');
  }
}
