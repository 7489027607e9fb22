import { ConfigError } from '../errors.js';
import { API_URL_ENV } from './defaults.js';
import { plgConfigSchema, type PlgConfig } from './schema.js';
import { describeIssue, firstProblem } from './zod-issues.js';

/**
 * Validates a configuration and fills in the defaults. `ATTIO_API_URL` from `env` is the default `apiUrl`
 * (an explicit `apiUrl` wins). Throws ConfigError naming the setting, e.g. `scoringModel.signals[2].weight`.
 */
export function parseConfig(
  input: unknown,
  env: Readonly<Record<string, string | undefined>> = process.env,
): PlgConfig {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ConfigError('config', 'must be an object of settings');
  }
  const envApiUrl = env[API_URL_ENV];
  const withEnv =
    !('apiUrl' in input) && envApiUrl !== undefined && envApiUrl !== '' ? { ...input, apiUrl: envApiUrl } : input;
  const parsed = plgConfigSchema.safeParse(withEnv, { error: describeIssue });
  if (parsed.success) return parsed.data;
  const { field, reason } = firstProblem(parsed.error, 'config');
  throw new ConfigError(field === 'apiUrl' && withEnv !== input ? `apiUrl (from ${API_URL_ENV})` : field, reason);
}
