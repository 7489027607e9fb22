/**
 * `attio-plg setup --webhook-url URL [--webhook-secret-file PATH | --print-webhook-secret]`: plans (and with
 * --apply creates or updates) the Attio webhook the receiver needs. Attio answers the signing secret once,
 * when the webhook is created: it goes to a file only its owner can read, or is printed once with a warning,
 * as the operator chose before anything was written. It is in no other output, log or error.
 */
import { constants } from 'node:fs';
import { access, chmod, open, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AttioClient } from '../core/attio/client.js';
import { AttioError } from '../core/attio/errors.js';
import {
  applyWebhook,
  planWebhook,
  readWebhookWorkspace,
  type WebhookApplyResult,
  type WebhookPlan,
} from '../core/setup/index.js';
import type { CommandOutput } from './check-command.js';
import { UsageError } from './usage.js';

export interface WebhookFlags {
  webhookUrl?: string;
  webhookSecretFile?: string;
  printWebhookSecret?: boolean;
}

export interface WebhookSetupOutcome {
  text: string;
  json: Record<string, unknown>;
  ok: boolean;
}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/** The flags' own consistency and the URL's form, checked before any request. */
export function checkWebhookFlags(flags: WebhookFlags, apply: boolean): void {
  if (flags.webhookUrl === undefined) {
    if (flags.webhookSecretFile !== undefined || flags.printWebhookSecret)
      throw new UsageError('--webhook-secret-file and --print-webhook-secret go with --webhook-url');
    return;
  }
  let url: URL;
  try {
    url = new URL(flags.webhookUrl);
  } catch {
    throw new UsageError(`--webhook-url must be an absolute URL, got "${flags.webhookUrl}"`);
  }
  if (!(url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname)))) {
    throw new UsageError(
      '--webhook-url must be https (http only on a loopback address, which only the local emulator accepts)',
    );
  }
  if (flags.webhookSecretFile !== undefined && flags.printWebhookSecret)
    throw new UsageError('choose one of --webhook-secret-file and --print-webhook-secret');
  if (apply && flags.webhookSecretFile === undefined && !flags.printWebhookSecret) {
    throw new UsageError(
      '--webhook-url with --apply needs --webhook-secret-file PATH or --print-webhook-secret: Attio shows a new webhook’s signing secret once',
    );
  }
}

/**
 * Whether the secret file can be written, checked before setup writes anything to Attio and without
 * touching the file (the webhook may exist already, and then the file keeps its secret).
 */
export async function checkSecretFileLocation(path: string): Promise<void> {
  const problem = async (): Promise<string | undefined> => {
    const existing = await stat(path).catch(() => undefined);
    if (existing?.isDirectory()) return 'it is a directory';
    try {
      await access(existing ? path : dirname(path), constants.W_OK);
    } catch (error) {
      return error instanceof Error && 'code' in error ? String(error.code) : 'not writable';
    }
    return undefined;
  };
  const found = await problem();
  if (found !== undefined) throw new UsageError(`--webhook-secret-file: cannot write ${path} (${found})`);
}

/** Fails before the webhook is created when the secret could not be kept. Opening to append truncates nothing. */
async function checkSecretFileWritable(path: string): Promise<void> {
  try {
    const handle = await open(path, 'a', 0o600);
    await handle.close();
  } catch (error) {
    throw new UsageError(
      `--webhook-secret-file: cannot write ${path} (${error instanceof Error && 'code' in error ? String(error.code) : 'error'})`,
    );
  }
}

async function storeSecret(path: string, secret: string): Promise<void> {
  await writeFile(path, `${secret}\n`, { mode: 0o600 });
  // writeFile's mode applies only to a new file; one that existed keeps its own unless changed.
  await chmod(path, 0o600);
}

/** The plan as text; once applied, the result line says what was done, so the plan only lists the subscriptions. */
function planLines(plan: WebhookPlan, apply: boolean): string[] {
  const head = `Attio webhook to ${plan.targetUrl}:`;
  if (plan.state === 'manual') return [head, `  ✗ ${plan.problem ?? ''}`, `      fix: ${plan.fix ?? ''}`];
  const what = apply
    ? 'subscriptions'
    : {
        create: 'will create it, subscribed to',
        update: `will update the subscriptions of webhook ${plan.webhookId ?? ''} to`,
        exists: `webhook ${plan.webhookId ?? ''} is already there, subscribed to`,
      }[plan.state];
  return [
    head,
    `  ${what}:`,
    ...plan.needed.map((n) => `    - ${n.purpose}`),
    ...plan.notes.map((note) => `  note: ${note}`),
  ];
}

function resultLine(result: WebhookApplyResult, flags: WebhookFlags): string {
  switch (result.outcome) {
    case 'created':
      return `  ✓ created webhook ${result.webhookId}${flags.webhookSecretFile ? `; its signing secret is in ${flags.webhookSecretFile} (readable by you only)` : ''}`;
    case 'updated':
      return `  ✓ updated the subscriptions of webhook ${result.webhookId}; its signing secret is unchanged`;
    case 'unchanged':
      return `  ✓ nothing to change; the signing secret is unchanged`;
    case 'failed':
      return `  ✗ ${result.reason}`;
  }
}

function planJson(plan: WebhookPlan): Record<string, unknown> {
  return {
    targetUrl: plan.targetUrl,
    state: plan.state,
    ...(plan.webhookId ? { webhookId: plan.webhookId } : {}),
    subscriptions: plan.needed.map((n) => ({ ...n.subscription, purpose: n.purpose })),
    ...(plan.problem ? { problem: plan.problem, fix: plan.fix } : {}),
    notes: plan.notes,
  };
}

/** Plans the webhook and, with `apply`, carries the plan out; `warnings` receives what goes to stderr. */
export async function setupWebhook(
  client: AttioClient,
  flags: WebhookFlags & { webhookUrl: string },
  apply: boolean,
  warnings: CommandOutput,
): Promise<WebhookSetupOutcome> {
  let plan: WebhookPlan;
  try {
    plan = planWebhook(flags.webhookUrl, await readWebhookWorkspace(client));
  } catch (error) {
    if (!(error instanceof AttioError) || !error.authFailure) throw error;
    const problem = `Attio refused to show the webhooks (${error.status ?? ''}${error.code ? ` ${error.code}` : ''}): the access token needs the scope webhook:read-write`;
    return {
      text: [`Attio webhook to ${flags.webhookUrl}:`, `  ✗ ${problem}`].join('\n'),
      json: { targetUrl: flags.webhookUrl, state: 'manual', problem },
      ok: false,
    };
  }
  const lines = planLines(plan, apply);
  if (!apply) return { text: lines.join('\n'), json: planJson(plan), ok: plan.state !== 'manual' };

  if (plan.state === 'create' && flags.webhookSecretFile !== undefined)
    await checkSecretFileWritable(flags.webhookSecretFile);
  const result = await applyWebhook(client, plan);
  const json: Record<string, unknown> = {
    ...planJson(plan),
    outcome: result.outcome,
    ...('webhookId' in result ? { webhookId: result.webhookId } : {}),
    ...(result.outcome === 'failed' ? { reason: result.reason } : {}),
  };
  if (result.outcome === 'created') {
    if (flags.webhookSecretFile !== undefined) {
      try {
        await storeSecret(flags.webhookSecretFile, result.secret);
        json.secretFile = flags.webhookSecretFile;
      } catch (error) {
        // The secret is not printed instead: the operator chose a file. Recreating the webhook gives a new one.
        const reason = `could not write the signing secret to ${flags.webhookSecretFile} (${error instanceof Error ? error.message : String(error)}); delete webhook ${result.webhookId} in Attio and run setup again`;
        return { text: [...lines, `  ✗ ${reason}`].join('\n'), json: { ...json, reason }, ok: false };
      }
    } else {
      lines.push(`  signing secret (shown once): ${result.secret}`);
      json.secret = result.secret;
      warnings.write(
        'attio-plg: warning: the webhook signing secret was printed; store it where the receiver reads its secrets, then clear it from terminal history and logs\n',
      );
    }
  }
  return { text: [...lines, resultLine(result, flags)].join('\n'), json, ok: result.outcome !== 'failed' };
}
