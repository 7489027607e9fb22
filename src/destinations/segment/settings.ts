/**
 * The destination's global settings — only what must hold for the whole workspace: the API key, the deal
 * attribute deals are asserted on (every action that opens a deal must find it the same way), and who owns
 * which attribute (every action must keep the same rep edits). Everything a
 * marketer tunes per action is an action field (./config-fields.ts). The base URL is the host's
 * (`ATTIO_API_URL`, ./host.ts), never a setting. parseConfig judges the result; this module only assembles it.
 */
import type { GlobalSetting } from '@segment/actions-core';
import { ownershipFromLists, parseConfig, type PlgConfig } from '../../core/config/index.js';
import { ConfigError } from '../../core/errors.js';
import { configInput, fieldForConfigPath, type ConfigFieldName } from './config-fields.js';
import type { Settings } from './generated-types.js';
import type { ResolvedHost } from './host.js';

export const settingsFields: Record<keyof Settings, GlobalSetting> = {
  apiKey: {
    label: 'API Key',
    description:
      'An Attio access token (Workspace settings -> Developers) with read-write access to records, list entries, notes and tasks, and read access to the workspace’s objects, lists and members.',
    type: 'password',
    required: true,
  },
  dealMatchingAttribute: {
    label: 'Deal Matching Attribute',
    description:
      'A unique attribute of your Attio deals to create-or-update deals on, for every action that opens one. Empty: a deal is looked up by its name and company before one is created.',
    type: 'string',
  },
  productOwnedAttributes: {
    label: 'Attributes the Product Owns',
    description:
      'Attributes the sync writes even after a sales rep edited them in Attio, besides the defaults (usage signals, scores, milestones, plan). One `<object>.<attribute slug>` each, e.g. `people.job_title`.',
    type: 'string',
    multiple: true,
  },
  repOwnedAttributes: {
    label: 'Attributes Reps Own',
    description:
      'Attributes whose value a sales rep edited in Attio is never overwritten, besides the defaults (names, titles, deal stages, owners). One `<object>.<attribute slug>` each, e.g. `people.plan_type`.',
    type: 'string',
    multiple: true,
  },
};

/**
 * The core configuration for `settings` and the configuration fields (`names`) of one payload, in `host`'s
 * environment. Throws ConfigError naming the setting, or the action field the value came from.
 */
export function configFromSettings(
  settings: Settings,
  host: ResolvedHost,
  payload: object = {},
  names: readonly ConfigFieldName[] = [],
): PlgConfig {
  const input: Record<string, unknown> = {
    apiKey: settings.apiKey,
    ...(isBlank(settings.dealMatchingAttribute) ? {} : { dealMatchingAttribute: settings.dealMatchingAttribute }),
    ...ownershipInput(settings),
    ...configInput(payload, names),
  };
  try {
    return parseConfig(input, host.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (error.setting.startsWith('ownership'))
      throw new ConfigError('productOwnedAttributes or repOwnedAttributes', error.reason);
    const field = fieldForConfigPath(error.setting, names);
    throw field === undefined ? error : new ConfigError(field, error.reason);
  }
}

/** The two owner lists (workspace-wide: every action must keep the same rep edits) as the core's `ownership`. */
function ownershipInput(settings: Settings): { ownership?: Record<string, 'product' | 'reps'> } {
  // A list setting may arrive as one string (an old or generated settings object): one entry.
  const listed = (values: unknown) =>
    (typeof values === 'string' ? [values] : Array.isArray(values) ? values : [])
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.trim())
      .filter((value) => value !== '');
  const ownership = ownershipFromLists({
    product: listed(settings.productOwnedAttributes),
    reps: listed(settings.repOwnedAttributes),
  });
  return ownership === undefined ? {} : { ownership };
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
