/**
 * `attio-plg serve [--port N] [--host H] [--config FILE.json] [--api-url URL]` — the webhook receiver.
 * The shared secret comes from ATTIO_PLG_WEBHOOK_SECRET and the Attio key from ATTIO_API_KEY (never flags).
 */
import { parseArgs } from 'node:util';
import { connectionFor } from '../core/connection.js';
import { EventEngine } from '../pipeline.js';
import { stderrLogger } from '../core/logger.js';
import { loadCliConfig } from './config.js';
import { startReceiver } from './receiver.js';
import { untilStopped } from './signals.js';
import { UsageError } from './usage.js';
import { readinessBeforeStart } from './workspace-readiness.js';

export const WEBHOOK_SECRET_ENV = 'ATTIO_PLG_WEBHOOK_SECRET';

export async function runServeCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: '8788' },
      host: { type: 'string', default: '127.0.0.1' },
      config: { type: 'string' },
      'api-url': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const secret = process.env[WEBHOOK_SECRET_ENV];
  if (!secret || secret.length < 16) throw new UsageError(`set ${WEBHOOK_SECRET_ENV} to a shared secret of at least 16 characters`);
  const config = await loadCliConfig({ configPath: values.config, apiUrl: values['api-url'] });
  const { client } = connectionFor(config, { userAgent: 'attio-plg (receiver)' });
  const engine = new EventEngine({ client, config, logger: stderrLogger, maxRuns: 2 });
  // A workspace that is not ready (an unknown stage, a missing list) is refused here, not answered with retries.
  const check = connectionFor(config, { userAgent: 'attio-plg (receiver start-up check)', retry: { maxAttempts: 2 } }).client;
  const readiness = await readinessBeforeStart(check, config, (message) => process.stderr.write(`attio-plg: ${message}\n`));
  if (!readiness.ready) {
    process.stderr.write(`attio-plg: serve: ${readiness.message}\n`);
    return 1;
  }
  const receiver = await startReceiver({ engine, secret, port, host: values.host });
  const stopped = untilStopped();
  process.stdout.write(`attio-plg receiver listening on ${receiver.url} (POST Segment or RudderStack deliveries with header x-webhook-secret)\n`);
  await stopped;
  await receiver.close();
  return 0;
}

