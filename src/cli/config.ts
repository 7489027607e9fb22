/**
 * The CLI's configuration: a `--config` JSON file in the core's format (examples/config.json), the API key
 * from ATTIO_API_KEY (never a flag: flags show in process lists and shell history), the base URL from
 * `--api-url`, the file, ATTIO_API_URL or Attio's own, in that order.
 */
import { readFile } from 'node:fs/promises';
import { parseConfig, type PlgConfig } from '../core/config/index.js';
import { ConfigError } from '../core/errors.js';

export const API_KEY_ENV = 'ATTIO_API_KEY';

export interface CliConfigOptions {
  configPath?: string;
  apiUrl?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Settings the command itself decides (the demo's emulator URL and key). */
  overrides?: Record<string, unknown>;
}

export async function loadCliConfig(options: CliConfigOptions): Promise<PlgConfig> {
  const env = options.env ?? process.env;
  const file = options.configPath === undefined ? {} : await readConfigFile(options.configPath);
  const apiKey = env[API_KEY_ENV] ?? file.apiKey;
  if (apiKey === undefined || apiKey === '')
    throw new ConfigError(API_KEY_ENV, 'is not set: export your Attio access token as ATTIO_API_KEY');
  return parseConfig(
    { ...file, apiKey, ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}), ...options.overrides },
    env,
  );
}

/** The settings in a `--config` file; `option` names the flag in errors (`--config`, `--compare`). */
export async function readConfigFile(path: string, option = '--config'): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ConfigError(option, `cannot read ${path}`);
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new ConfigError(option, `${path} is not a JSON object of settings`);
  }
}
