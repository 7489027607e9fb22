#!/usr/bin/env node
/** attio-plg command-line entry: dispatches to one subcommand and turns its outcome into an exit code. */
import { ConfigError } from '../core/errors.js';
import { runCheckCommand } from './check-command.js';
import { runDemoCommand } from './demo-command.js';
import { runEmulatorCommand } from './emulator-command.js';
import { runReplayCommand } from './replay-command.js';
import { runServeCommand } from './serve-command.js';
import { runSetupCommand } from './setup-command.js';
import { UsageError } from './usage.js';

const USAGE = `Usage: attio-plg <command> [options]

  demo                         the sample month through both adapters on the built-in Attio emulator
  replay FILE.jsonl            replay or backfill Segment-spec events (ATTIO_API_KEY in the environment)
      [--via segment|rudderstack] [--config FILE.json] [--api-url URL]
      [--concurrency N] [--batch-size N] [--json]
  emulator                     serve a local Attio v2 API
      [--port N] [--seed plg-demo|empty] [--rate-limit on|off] [--faults SPEC]
  serve                        webhook receiver for Segment/RudderStack deliveries
      [--port N] [--host H] [--config FILE.json] [--api-url URL]   (ATTIO_PLG_WEBHOOK_SECRET, ATTIO_API_KEY)
  check                        is the Attio workspace ready for the configuration? (exit 0 ready, 1 not)
      [--config FILE.json] [--api-url URL] [--json]
  setup                        plan the attributes, lists and stages the configuration needs
      [--config FILE.json] [--api-url URL] [--apply] [--json]          (--apply creates them)
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'demo':
      return runDemoCommand(rest);
    case 'replay':
      return runReplayCommand(rest);
    case 'emulator':
      await runEmulatorCommand(rest);
      return 0;
    case 'serve':
      return runServeCommand(rest);
    case 'check':
      return runCheckCommand(rest);
    case 'setup':
      return runSetupCommand(rest);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      throw new UsageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`attio-plg: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      process.stderr.write(`attio-plg: configuration: ${error.message}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`attio-plg: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  },
);
