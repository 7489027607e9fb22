/**
 * `attio-plg setup [--config FILE.json] [--api-url URL] [--apply] [--json]` — the plan of the attributes,
 * options, stages and lists the configuration needs. Without `--apply` it only reads. With `--apply` it
 * creates what is missing (never deleting or changing anything), then checks the workspace again.
 * Exit 0 when the plan can be carried out (with --apply: when the workspace is ready), 1 otherwise.
 */
import { Command } from 'commander';
import { connectionFor } from '../core/connection.js';
import { SETUP_COMMAND, SETUP_SCOPES, applyPlan, creations, inspectWorkspace, missingScopes, reportOf, type ApplyResult } from '../core/setup/index.js';
import type { CommandOutput } from './check-command.js';
import { loadCliConfig } from './config.js';
import { planJson, renderApplyResults, renderCheckReport, renderPlan } from './setup-report.js';

export interface SetupOptions {
  config?: string;
  apiUrl?: string;
  apply: boolean;
  json: boolean;
}

/** The command's definition; ./main.ts attaches the action. */
export function setupCommand(): Command {
  return new Command('setup')
    .description('plan the attributes, lists, stages and deal key the configuration needs; --apply creates them')
    .option('--config <FILE.json>', 'configuration in the core’s format (see examples/config.json)')
    .option('--api-url <URL>', 'Attio API base URL (default: ATTIO_API_URL, else https://api.attio.com)')
    .option('--apply', 'create what is missing (never deletes or changes what exists)', false)
    .option('--json', 'print the plan (and what was created) as one JSON object', false)
    .addHelpText(
      'after',
      '\nThe Attio access token comes from ATTIO_API_KEY (never a flag).\nExit status: 0 when the plan can be carried out (with --apply: when the workspace is ready), 1 otherwise, 2 for a usage or configuration error.',
    );
}

const stdout: CommandOutput = { write: (text) => process.stdout.write(text) };

export async function runSetup(options: SetupOptions, output: CommandOutput = stdout): Promise<number> {
  const config = await loadCliConfig({ configPath: options.config, apiUrl: options.apiUrl });
  const { client } = connectionFor(config, { userAgent: 'attio-plg (setup)' });
  const before = await inspectWorkspace(client, config);
  const text: string[] = [];
  const { plan, self } = before;
  if (plan === undefined) {
    // The token cannot read the workspace: there is nothing to plan.
    const report = reportOf(before);
    output.write(options.json ? `${JSON.stringify({ workspace: self?.workspace_slug ?? null, applied: false, plan: [], ...report })}\n` : `${renderCheckReport(report, self)}\n`);
    return 1;
  }
  text.push(renderPlan(plan, self));
  const toCreate = creations(plan);
  const lacking = self ? missingScopes(self, SETUP_SCOPES) : [];
  if (toCreate.length > 0 && lacking.length > 0) text.push(`Note: the access token lacks ${lacking.join(', ')}; Attio may refuse the creates.`);

  if (!options.apply) {
    const blocked = reportOf({ ...before, plan: { items: plan.items.filter((item) => item.state !== 'create') } });
    text.push(toCreate.length > 0 ? `Nothing was written. Run \`${SETUP_COMMAND}\` to create the ${toCreate.length} missing item${toCreate.length === 1 ? '' : 's'}.` : 'Nothing to create.');
    output.write(options.json ? `${JSON.stringify({ workspace: self?.workspace_slug ?? null, applied: false, plan: planJson(plan), ...blocked })}\n` : `${text.join('\n')}\n`);
    return blocked.ready ? 0 : 1;
  }

  const results: ApplyResult[] = await applyPlan(client, plan);
  text.push(renderApplyResults(results));
  const after = reportOf(await inspectWorkspace(client, config));
  text.push(renderCheckReport(after, self));
  output.write(options.json ? `${JSON.stringify({ workspace: self?.workspace_slug ?? null, applied: true, plan: planJson(plan), results, ...after })}\n` : `${text.join('\n')}\n`);
  return after.ready && results.every((r) => r.outcome === 'created') ? 0 : 1;
}
