#!/usr/bin/env node
/**
 * attio-plg command-line entry: commander parses the command line (each command has `--help`), the command
 * runs, and its outcome becomes the exit status: 0 done, 1 work that could not be done, 2 a usage or
 * configuration error (one line on stderr, never a stack).
 */
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../core/errors.js';
import { demoCommand, runDemoCommand, type DemoOptions } from './demo-command.js';
import { emulatorCommand, emulatorOptions, runEmulatorCommand, type EmulatorFlags } from './emulator-command.js';
import { replayCommand, runReplayCommand, type ReplayOptions } from './replay-command.js';
import { runServeCommand, serveCommand, type ServeOptions } from './serve-command.js';
import { queueCommand } from './queue-command.js';
import { checkCommand, runCheck, type CheckOptions } from './check-command.js';
import { runSetup, setupCommand, type SetupOptions } from './setup-command.js';
import { runScoreCommand, scoreCommand, type ScoreOptions } from './score/command.js';
import { boundHeapGrowth } from './heap.js';
import { UsageError } from './usage.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/** The whole command line; `exit` receives each command's exit status. */
function buildProgram(exit: (code: number) => void): Command {
  const program = new Command('attio-plg')
    .description(
      'Product-led-growth connector for Attio: Segment/RudderStack events become people, companies, trials, PQL scores, deals, tasks and notes',
    )
    .version(version)
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(true)
    .helpCommand(true)
    .addHelpText('after', '\nRun `attio-plg <command> --help` for a command’s options.');
  const commands = [
    demoCommand().action(async (options: DemoOptions) => exit(await runDemoCommand(options))),
    replayCommand().action(async (file: string, options: ReplayOptions) => exit(await runReplayCommand(file, options))),
    emulatorCommand().action(async (flags: EmulatorFlags) => exit(await runEmulatorCommand(emulatorOptions(flags)))),
    serveCommand().action(async (options: ServeOptions) => exit(await runServeCommand(options))),
    queueCommand(exit),
    checkCommand().action(async (options: CheckOptions) => exit(await runCheck(options))),
    setupCommand().action(async (options: SetupOptions) => exit(await runSetup(options))),
    scoreCommand().action(async (file: string, options: ScoreOptions) => exit(await runScoreCommand(file, options))),
  ];
  // Added commands inherit nothing: each reports its parse errors to main() rather than exiting itself.
  for (const command of commands)
    program.addCommand(
      command
        .exitOverride()
        .configureOutput({ outputError: () => {} })
        .showSuggestionAfterError(true),
    );
  return program;
}

async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  if (argv.length === 0) {
    program.outputHelp();
    return 0;
  }
  await program.parseAsync(argv, { from: 'user' });
  return code;
}

/** A commander parse error as one line: its own message, or ours where an option parser explains itself. */
function usageLine(error: CommanderError): string {
  const message = error.message.replace(/^error: /, '');
  const ours = / is invalid\. (--.*)$/.exec(message)?.[1];
  return ours ?? message;
}

boundHeapGrowth();
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof CommanderError) {
      // --help and --version end the parse this way too; they are not errors.
      if (error.exitCode === 0) {
        process.exitCode = 0;
        return;
      }
      process.stderr.write(`attio-plg: ${usageLine(error)}\n`);
      process.exitCode = 2;
    } else if (error instanceof UsageError) {
      process.stderr.write(`attio-plg: ${error.message}\n`);
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
