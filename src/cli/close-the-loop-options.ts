/**
 * `serve`'s options for closing the loop (docs/close-the-loop.md): `--close-the-loop FILE.json` (the sinks'
 * URLs and the won/lost stages) and `--attio-webhook-secret-file PATH`; the secrets come from the
 * environment or that file, never from flags, and no message names a value.
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { AttioClient } from '../core/attio/client.js';
import type { PlgConfig } from '../core/config/index.js';
import {
  closeTheLoopSettingsSchema,
  LOOP_SECRET_ENV,
  loopProblems,
  splitSecrets,
  type CloseTheLoopSecrets,
} from '../destinations/http/attio-webhooks/loop-config.js';
import type { CloseTheLoopOptions } from '../destinations/http/attio-webhooks/loop.js';
import { readConfigFile } from './config.js';
import { UsageError } from './usage.js';

export interface CloseTheLoopCliOptions {
  closeTheLoop?: string;
  attioWebhookSecretFile?: string[];
}

export function addCloseTheLoopOptions(command: Command): Command {
  return command
    .option(
      '--close-the-loop <FILE.json>',
      'receive Attio’s webhooks at POST /attio/webhooks and send product events where this file says (docs/close-the-loop.md)',
    )
    .addOption(
      new Option(
        '--attio-webhook-secret-file <PATH>',
        'a file with the Attio webhook’s signing secret (as `setup --webhook-secret-file` writes it); repeat while rotating',
      ).argParser((path: string, previous: string[] | undefined) => [...(previous ?? []), path]),
    );
}

export const CLOSE_THE_LOOP_HELP = `
Close the loop (docs/close-the-loop.md), on when --close-the-loop or an Attio webhook secret is given:
  POST /attio/webhooks                 Attio's webhooks, verified against every secret below
  ${LOOP_SECRET_ENV.attioWebhookSecrets}                Attio webhook signing secrets, comma-separated (or --attio-webhook-secret-file)
  ${LOOP_SECRET_ENV.segmentWriteKey}          the write key for segment.host
  ${LOOP_SECRET_ENV.rudderstackWriteKey}      the write key for rudderstack.dataPlaneUrl
  ${LOOP_SECRET_ENV.productWebhookSecret}     signs the events POSTed to webhook.url (HMAC-SHA256)`;

/** The loop's options for the receiver service, or undefined when the operator did not turn it on. */
export async function closeTheLoopFromCli(
  options: CloseTheLoopCliOptions,
  client: AttioClient,
  config: PlgConfig,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Omit<CloseTheLoopOptions, 'dataDir' | 'logger'> | undefined> {
  const attioWebhookSecrets = splitSecrets(env[LOOP_SECRET_ENV.attioWebhookSecrets] ?? '');
  for (const path of options.attioWebhookSecretFile ?? []) {
    try {
      attioWebhookSecrets.push(...splitSecrets(await readFile(path, 'utf8')));
    } catch {
      throw new UsageError(`--attio-webhook-secret-file: cannot read ${path}`);
    }
  }
  if (options.closeTheLoop === undefined && attioWebhookSecrets.length === 0) return undefined;
  const raw = options.closeTheLoop === undefined ? {} : await readConfigFile(options.closeTheLoop, '--close-the-loop');
  const parsed = closeTheLoopSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--close-the-loop: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? 'is invalid'}`);
  }
  const secret = (name: string) => env[name]?.trim() || undefined;
  const segmentWriteKey = secret(LOOP_SECRET_ENV.segmentWriteKey);
  const rudderstackWriteKey = secret(LOOP_SECRET_ENV.rudderstackWriteKey);
  const productWebhookSecret = secret(LOOP_SECRET_ENV.productWebhookSecret);
  const secrets: CloseTheLoopSecrets = {
    attioWebhookSecrets,
    ...(segmentWriteKey ? { segmentWriteKey } : {}),
    ...(rudderstackWriteKey ? { rudderstackWriteKey } : {}),
    ...(productWebhookSecret ? { productWebhookSecret } : {}),
  };
  const problems = loopProblems(parsed.data, secrets);
  if (problems.length > 0) throw new UsageError(`close the loop: ${problems.join('; ')}`);
  return {
    settings: parsed.data,
    secrets,
    client,
    ...(config.dealMatchingAttribute ? { dealKeyAttribute: config.dealMatchingAttribute } : {}),
  };
}
