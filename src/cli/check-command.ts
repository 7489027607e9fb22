/**
 * `attio-plg check [--config FILE.json] [--api-url URL] [--json]` — the configuration against the workspace:
 * exit 0 when ready, 1 with each problem and its fix (2 for usage or configuration errors).
 */
import { Command } from 'commander';
import { connectionFor } from '../core/connection.js';
import { inspectWorkspace, reportOf } from '../core/setup/index.js';
import { loadCliConfig } from './config.js';
import { renderCheckReport } from './setup-report.js';

export interface CheckOptions {
  config?: string;
  apiUrl?: string;
  json: boolean;
}

/** The command's definition; ./main.ts attaches the action. */
export function checkCommand(): Command {
  return new Command('check')
    .description('is the Attio workspace ready for this configuration? Each problem with its fix')
    .option('--config <FILE.json>', 'configuration in the core’s format (see examples/config.json)')
    .option('--api-url <URL>', 'Attio API base URL (default: ATTIO_API_URL, else https://api.attio.com)')
    .option('--json', 'print the report as one JSON object', false)
    .addHelpText(
      'after',
      '\nThe Attio access token comes from ATTIO_API_KEY (never a flag).\nExit status: 0 when the workspace is ready, 1 when it is not, 2 for a usage or configuration error.',
    );
}

export interface CommandOutput {
  write(text: string): void;
}

const stdout: CommandOutput = { write: (text) => process.stdout.write(text) };

export async function runCheck(options: CheckOptions, output: CommandOutput = stdout): Promise<number> {
  const config = await loadCliConfig({ configPath: options.config, apiUrl: options.apiUrl });
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
