/**
 * `attio-plg emulator [--port N] [--host H] [--seed plg-demo|empty] [--rate-limit on|off] [--faults LIST]
 * [--api-key K] [--member-token T [--member-email E]] [--webhook-retries N] [--webhook-retry-base-ms MS]`
 */
import { Command, Option } from 'commander';
import { EMULATOR_API_KEY, parseFaultSpec, startEmulator, type EmulatorOptions } from '../emulator/index.js';
import { untilStopped } from './signals.js';
import { UsageError, wholeNumber } from './usage.js';

export interface EmulatorFlags {
  port?: number;
  host?: string;
  seed?: 'plg-demo' | 'empty';
  rateLimit?: 'on' | 'off';
  faults?: string;
  apiKey?: string;
  memberToken?: string;
  memberEmail?: string;
  webhookRetries?: number;
  webhookRetryBaseMs?: number;
}

/** The command's definition; ./main.ts attaches the action. */
export function emulatorCommand(): Command {
  return new Command('emulator')
    .description('serve a local Attio v2 API (for the demo, tests and trying attio-plg without an Attio account)')
    .option('--port <N>', 'port to listen on (default: any free port)', wholeNumber('--port', 0, 65535))
    .option('--host <address>', 'address to listen on (default: 127.0.0.1; 0.0.0.0 in a container)')
    .addOption(
      new Option(
        '--seed <name>',
        'workspace to start with: the demo workspace, or one with only Attio’s standard objects',
      ).choices(['plg-demo', 'empty']),
    )
    .addOption(new Option('--rate-limit <on|off>', 'enforce Attio’s per-workspace rate limits').choices(['on', 'off']))
    .option(
      '--faults <LIST>',
      'inject faults, e.g. 429=0.1,503=0.05,reset=0.02,timeout=0.01,latency=20-80,after-commit-502=0.02,seed=42',
    )
    .option('--api-key <key>', `API key the emulator accepts (default: ${EMULATOR_API_KEY})`)
    .option(
      '--member-token <token>',
      'a second API key that acts as a workspace member (a rep): its writes carry created_by_actor workspace-member',
    )
    .option(
      '--member-email <email>',
      'the member --member-token acts as (default: the first member who is not the admin)',
    )
    .option(
      '--webhook-retries <N>',
      'retries of a webhook delivery answered with anything but 2xx (default: 10, as Attio)',
      wholeNumber('--webhook-retries', 0, 100),
    )
    .option(
      '--webhook-retry-base-ms <MS>',
      'wait before the first retry, doubling each time (default: 250, Attio’s schedule 1000× faster)',
      wholeNumber('--webhook-retry-base-ms', 0, 86_400_000),
    )
    .addHelpText(
      'after',
      '\nWebhooks: create them with POST /v2/webhooks as in Attio; target URLs must be https, or http on a loopback address (an emulator convenience).\nRecords merge as a rep merges them with POST /_emulator/objects/{object}/records/merge (emulator only).',
    );
}

/** The emulator options the flags ask for; a fault spec the emulator would refuse is a usage error. */
export function emulatorOptions(flags: EmulatorFlags): EmulatorOptions {
  const options: EmulatorOptions = {};
  if (flags.port !== undefined) options.port = flags.port;
  if (flags.host !== undefined) options.host = flags.host;
  if (flags.seed !== undefined) options.seed = flags.seed;
  if (flags.rateLimit !== undefined) options.rateLimit = flags.rateLimit === 'on';
  if (flags.faults !== undefined) {
    try {
      parseFaultSpec(flags.faults);
    } catch (error) {
      throw new UsageError(`--faults: ${error instanceof Error ? error.message : String(error)}`);
    }
    options.faults = flags.faults;
  }
  if (flags.apiKey !== undefined) options.apiKey = flags.apiKey;
  if (flags.memberToken !== undefined) options.memberToken = flags.memberToken;
  if (flags.memberEmail !== undefined) {
    if (flags.memberToken === undefined) throw new UsageError('--member-email needs --member-token');
    options.memberEmail = flags.memberEmail;
  }
  if (flags.webhookRetries !== undefined || flags.webhookRetryBaseMs !== undefined) {
    options.webhooks = {
      ...(flags.webhookRetries === undefined ? {} : { retries: flags.webhookRetries }),
      ...(flags.webhookRetryBaseMs === undefined ? {} : { retryBaseMs: flags.webhookRetryBaseMs }),
    };
  }
  return options;
}

/** The emulator options a command line asks for (throws on a usage error). */
export function parseEmulatorArgs(args: string[]): EmulatorOptions {
  const command = emulatorCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
  command.parse(args, { from: 'user' });
  return emulatorOptions(command.opts<EmulatorFlags>());
}

/** Serves the emulator until SIGINT or SIGTERM. */
export async function runEmulatorCommand(options: EmulatorOptions): Promise<number> {
  const emulator = await startEmulator(options);
  const stopped = untilStopped();
  console.log(`Attio emulator listening on ${emulator.url}`);
  // The emulator's key is a fixed demo value, not a secret; printing it tells users what to send.
  console.log(`Use API key: ${options.apiKey === undefined ? EMULATOR_API_KEY : '(the --api-key you passed)'}`);
  if (emulator.member) console.log(`The --member-token acts as workspace member ${emulator.member.email}`);
  await stopped;
  await emulator.close();
  return 0;
}
