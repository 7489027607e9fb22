/**
 * The destination's global settings — only what must hold for the whole workspace: the API key, and the deal
 * attribute deals are asserted on (every action that opens a deal must find it the same way). Everything a
 * marketer tunes per action is an action field (./config-fields.ts). The base URL is the host's
 * (`ATTIO_API_URL`, ./host.ts), never a setting. parseConfig judges the result; this module only assembles it.
 */
import type { GlobalSetting } from '@segment/actions-core';
import { parseConfig, type PlgConfig } from '../../core/config/index.js';
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
    ...configInput(payload, names),
  };
  try {
    return parseConfig(input, host.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const field = fieldForConfigPath(error.setting, names);
    throw field === undefined ? error : new ConfigError(field, error.reason);
  }
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}
