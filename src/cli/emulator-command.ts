/** `attio-plg emulator [--port N] [--seed plg-demo|empty] [--rate-limit on|off] [--faults SPEC] [--api-key K]` */
import { parseArgs } from 'node:util';
import { EMULATOR_API_KEY, startEmulator, type EmulatorOptions } from '../emulator/index.js';
import { untilStopped } from './signals.js';
import { UsageError } from './usage.js';

export function parseEmulatorArgs(args: string[]): EmulatorOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string' },
      seed: { type: 'string' },
      'rate-limit': { type: 'string' },
      faults: { type: 'string' },
      'api-key': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const options: EmulatorOptions = {};
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be 0-65535, got "${values.port}".`);
    options.port = port;
  }
  if (values.seed !== undefined) {
    if (values.seed !== 'plg-demo' && values.seed !== 'empty') throw new UsageError(`--seed must be plg-demo or empty, got "${values.seed}".`);
    options.seed = values.seed;
  }
  const rateLimit = values['rate-limit'];
  if (rateLimit !== undefined) {
    if (rateLimit !== 'on' && rateLimit !== 'off') throw new UsageError(`--rate-limit must be on or off, got "${rateLimit}".`);
    options.rateLimit = rateLimit === 'on';
  }
  if (values.faults !== undefined) options.faults = values.faults;
  if (values['api-key'] !== undefined) options.apiKey = values['api-key'];
  return options;
}

/** Serves the emulator until SIGINT or SIGTERM. */
export async function runEmulatorCommand(args: string[]): Promise<void> {
  const options = parseEmulatorArgs(args);
  const emulator = await startEmulator(options);
  const stopped = untilStopped();
  console.log(`Attio emulator listening on ${emulator.url}`);
  // The emulator's key is a fixed demo value, not a secret; printing it tells users what to send.
  console.log(`Use API key: ${options.apiKey === undefined ? EMULATOR_API_KEY : '(the --api-key you passed)'}`);
  await stopped;
  await emulator.close();
}
