/**
 * `attio-plg check [--config FILE.json] [--api-url URL] [--json]` — the configuration against the workspace:
 * exit 0 when ready, 1 with each problem and its fix (2 for usage or configuration errors).
 */
import { parseArgs } from 'node:util';
import { connectionFor } from '../core/connection.js';
import { inspectWorkspace, reportOf } from '../core/setup/index.js';
import { loadCliConfig } from './config.js';
import { renderCheckReport } from './setup-report.js';
import { UsageError } from './usage.js';

export interface CheckOptions {
  configPath?: string;
  apiUrl?: string;
  json: boolean;
}

export interface CommandOutput {
  write(text: string): void;
}

const stdout: CommandOutput = { write: (text) => process.stdout.write(text) };

export async function runCheck(options: CheckOptions, output: CommandOutput = stdout): Promise<number> {
  const config = await loadCliConfig({ configPath: options.configPath, apiUrl: options.apiUrl });
  const { client } = connectionFor(config, { userAgent: 'attio-plg (check)' });
  const inspection = await inspectWorkspace(client, config);
  const report = reportOf(inspection);
  if (options.json) {
    output.write(`${JSON.stringify({ workspace: inspection.self?.workspace_slug ?? null, ...report })}\n`);
  } else {
    output.write(`${renderCheckReport(report, inspection.self)}\n`);
  }
  return report.ready ? 0 : 1;
}

export function parseCheckArgs(args: string[]): CheckOptions {
  const { values, positionals } = parseArgs({
    args,
    options: { config: { type: 'string' }, 'api-url': { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError('check takes no arguments besides its options');
  return { configPath: values.config, apiUrl: values['api-url'], json: values.json };
}

export function runCheckCommand(args: string[]): Promise<number> {
  return runCheck(parseCheckArgs(args));
}
