#!/usr/bin/env node
/** attio-plg command-line entry: dispatches to one subcommand. */
import { runEmulatorCommand } from './emulator-command.js';

const USAGE = 'Usage: attio-plg <demo|emulator> [options]';

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'emulator':
      return runEmulatorCommand(rest);
    case 'demo':
      console.log('The demo lands with the CLI issue; for now run `attio-plg emulator`.');
      return;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
