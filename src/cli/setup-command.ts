/**
 * `attio-plg setup [--config FILE.json] [--api-url URL] [--apply] [--json]` — the plan of the attributes,
 * options, stages and lists the configuration needs. Without `--apply` it only reads. With `--apply` it
 * creates what is missing (never deleting or changing anything), then checks the workspace again.
 * Exit 0 when the plan can be carried out (with --apply: when the workspace is ready), 1 otherwise.
 */
import { parseArgs } from 'node:util';
import { connectionFor } from '../core/connection.js';
import { SETUP_COMMAND, SETUP_SCOPES, applyPlan, creations, inspectWorkspace, missingScopes, reportOf, type ApplyResult } from '../core/setup/index.js';
import type { CommandOutput } from './check-command.js';
import { loadCliConfig } from './config.js';
import { planJson, renderApplyResults, renderCheckReport, renderPlan } from './setup-report.js';
import { UsageError } from './usage.js';

export interface SetupOptions {
  configPath?: string;
  apiUrl?: string;
  apply: boolean;
  json: boolean;
}

const stdout: CommandOutput = { write: (text) => process.stdout.write(text) };

export async function runSetup(options: SetupOptions, output: CommandOutput = stdout): Promise<number> {
  const config = await loadCliConfig({ configPath: options.configPath, apiUrl: options.apiUrl });
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

export function parseSetupArgs(args: string[]): SetupOptions {
  const { values, positionals } = parseArgs({
    args,
    options: {
      config: { type: 'string' },
      'api-url': { type: 'string' },
      apply: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new UsageError('setup takes no arguments besides its options');
  return { configPath: values.config, apiUrl: values['api-url'], apply: values.apply, json: values.json };
}

export function runSetupCommand(args: string[]): Promise<number> {
  return runSetup(parseSetupArgs(args));
}
