/**
 * `attio-plg setup [--config FILE.json] [--api-url URL] [--apply] [--json] [--webhook-url URL
 * [--webhook-secret-file PATH | --print-webhook-secret]]` — the plan of the attributes, options, stages and
 * lists the configuration needs, and of the Attio webhook the receiver needs (./setup-webhook.ts). Without
 * `--apply` it only reads. With `--apply` it creates what is missing (never deleting anything; only the
 * webhook's subscriptions are brought back to what the receiver needs), then checks the workspace again.
 * Exit 0 when the plan can be carried out (with --apply: when the workspace is ready), 1 otherwise.
 */
import { Command } from 'commander';
import { connectionFor } from '../core/connection.js';
import {
  SETUP_COMMAND,
  SETUP_SCOPES,
  WEBHOOK_SCOPES,
  applyPlan,
  creations,
  inspectWorkspace,
  missingScopes,
  reportOf,
  type ApplyResult,
} from '../core/setup/index.js';
import type { CommandOutput } from './check-command.js';
import { loadCliConfig } from './config.js';
import { planJson, renderApplyResults, renderCheckReport, renderPlan } from './setup-report.js';
import {
  checkSecretFileLocation,
  checkWebhookFlags,
  setupWebhook,
  type WebhookFlags,
  type WebhookSetupOutcome,
} from './setup-webhook.js';

export interface SetupOptions extends WebhookFlags {
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
    .option(
      '--webhook-url <URL>',
      'also plan (with --apply: create or update) the Attio webhook that sends deal stage changes, task changes and merges to this https URL',
    )
    .option(
      '--webhook-secret-file <PATH>',
      'with --apply: write a new webhook’s signing secret to this file (mode 0600)',
    )
    .option('--print-webhook-secret', 'with --apply: print a new webhook’s signing secret once instead', false)
    .addHelpText(
      'after',
      '\nThe Attio access token comes from ATTIO_API_KEY (never a flag).\nAttio shows a webhook’s signing secret only when it is created: with --webhook-url and --apply, choose where it goes.\nExit status: 0 when the plan can be carried out (with --apply: when the workspace is ready), 1 otherwise, 2 for a usage or configuration error.',
    );
}

const stdout: CommandOutput = { write: (text) => process.stdout.write(text) };
const stderr: CommandOutput = { write: (text) => process.stderr.write(text) };

export async function runSetup(
  options: SetupOptions,
  output: CommandOutput = stdout,
  warnings: CommandOutput = stderr,
): Promise<number> {
  checkWebhookFlags(options, options.apply);
  if (options.apply && options.webhookSecretFile !== undefined)
    await checkSecretFileLocation(options.webhookSecretFile);
  const config = await loadCliConfig({ configPath: options.config, apiUrl: options.apiUrl });
  const { client } = connectionFor(config, { userAgent: 'attio-plg (setup)' });
  const before = await inspectWorkspace(client, config);
  const text: string[] = [];
  const { plan, self } = before;
  if (plan === undefined) {
    // The token cannot read the workspace: there is nothing to plan.
    const report = reportOf(before);
    output.write(
      options.json
        ? `${JSON.stringify({ workspace: self?.workspace_slug ?? null, applied: false, plan: [], ...report })}\n`
        : `${renderCheckReport(report, self)}\n`,
    );
    return 1;
  }
  text.push(renderPlan(plan, self));
  const toCreate = creations(plan);
  const lacking = self ? missingScopes(self, SETUP_SCOPES) : [];
  if (toCreate.length > 0 && lacking.length > 0)
    text.push(`Note: the access token lacks ${lacking.join(', ')}; Attio may refuse the creates.`);
  const lackingWebhook = self && options.webhookUrl !== undefined ? missingScopes(self, WEBHOOK_SCOPES) : [];
  if (lackingWebhook.length > 0)
    text.push(
      `Note: the access token lacks ${lackingWebhook.join(', ')}; Attio may refuse to list or create webhooks.`,
    );

  const webhookFor = async (apply: boolean): Promise<WebhookSetupOutcome | undefined> =>
    options.webhookUrl === undefined
      ? undefined
      : setupWebhook(client, { ...options, webhookUrl: options.webhookUrl }, apply, warnings);
  const webhookJson = (outcome: WebhookSetupOutcome | undefined) => (outcome ? { webhook: outcome.json } : {});

  if (!options.apply) {
    const blocked = reportOf({ ...before, plan: { items: plan.items.filter((item) => item.state !== 'create') } });
    text.push(
      toCreate.length > 0
        ? `Nothing was written. Run \`${SETUP_COMMAND}\` to create the ${toCreate.length} missing item${toCreate.length === 1 ? '' : 's'}.`
        : 'Nothing to create.',
    );
    const webhook = await webhookFor(false);
    if (webhook) text.push(webhook.text);
    if (webhook?.json.state === 'create' || webhook?.json.state === 'update') {
      text.push(
        `Run \`${SETUP_COMMAND}\` with the same --webhook-url and --webhook-secret-file PATH (or --print-webhook-secret) to ${webhook.json.state} the webhook.`,
      );
    }
    output.write(
      options.json
        ? `${JSON.stringify({ workspace: self?.workspace_slug ?? null, applied: false, plan: planJson(plan), ...blocked, ...webhookJson(webhook) })}\n`
        : `${text.join('\n')}\n`,
    );
    return blocked.ready && (webhook?.ok ?? true) ? 0 : 1;
  }

  const results: ApplyResult[] = await applyPlan(client, plan);
  text.push(renderApplyResults(results));
  // After the plan: the webhook filters on deals' stage, which the plan may just have created.
  const webhook = await webhookFor(true);
  if (webhook) text.push(webhook.text);
  const after = reportOf(await inspectWorkspace(client, config));
  text.push(renderCheckReport(after, self));
  output.write(
    options.json
      ? `${JSON.stringify({ workspace: self?.workspace_slug ?? null, applied: true, plan: planJson(plan), results, ...after, ...webhookJson(webhook) })}\n`
      : `${text.join('\n')}\n`,
  );
  return after.ready && results.every((r) => r.outcome === 'created') && (webhook?.ok ?? true) ? 0 : 1;
}
