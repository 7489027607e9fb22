/**
 * `attio-plg serve [--port N] [--host H] [--config FILE.json] [--api-url URL] [--log-level L]` — the
 * receiver (./receiver.ts) for the Segment and RudderStack SDKs and webhooks. The shared secrets come from
 * ATTIO_PLG_WEBHOOK_SECRET and the Attio key from ATTIO_API_KEY (never flags). Logs are JSON lines on stdout.
 */
import { Command, Option } from 'commander';
import { connectionFor } from '../core/connection.js';
import { checkWorkspace } from '../core/setup/index.js';
import { EventEngine } from '../pipeline.js';
import { loadCliConfig } from './config.js';
import { startReceiver } from '../destinations/http/receiver.js';
import { parseSecrets } from '../destinations/http/auth.js';
import { coreLoggerFor, createReceiverLogger, LOG_LEVELS, type LogLevel } from '../destinations/http/log.js';
import { createReceiverMetrics } from '../destinations/http/metrics.js';
import { createReadiness } from '../destinations/http/readiness.js';
import { untilStopped } from './signals.js';
import { UsageError, wholeNumber } from './usage.js';
import { readinessBeforeStart } from './workspace-readiness.js';

export const WEBHOOK_SECRET_ENV = 'ATTIO_PLG_WEBHOOK_SECRET';

export interface ServeOptions {
  port: number;
  host: string;
  config?: string;
  apiUrl?: string;
  logLevel: LogLevel;
}

/** The command's definition; ./main.ts attaches the action. */
export function serveCommand(): Command {
  return new Command('serve')
    .description('receive events from the Segment and RudderStack SDKs (their HTTP APIs) and webhooks, and apply them in Attio')
    .option('--port <N>', 'port to listen on', wholeNumber('--port', 0, 65535), 8788)
    .option('--host <address>', 'address to listen on (0.0.0.0 in a container)', '127.0.0.1')
    .option('--config <FILE.json>', 'configuration in the core’s format (see examples/config.json)')
    .option('--api-url <URL>', 'Attio API base URL (default: ATTIO_API_URL, else https://api.attio.com)')
    .addOption(new Option('--log-level <level>', 'least severe log lines written; debug adds personal data to reasons').choices(LOG_LEVELS).default('info'))
    .addHelpText(
      'after',
      `
Environment:
  ${WEBHOOK_SECRET_ENV}  the secret senders present, 16+ characters; several separated by commas (one per source).
                            The SDKs send it as their write key (Basic auth); webhooks in x-webhook-secret or as Bearer.
  ATTIO_API_KEY             the Attio access token

Endpoints:
  POST /v1/batch, /v1/{identify,track,group,page,screen,alias}   Segment HTTP Tracking API / RudderStack HTTP API
  POST /                                                          webhook deliveries: an event, an array or {"batch": [...]}
  GET  /health  /ready  /metrics                                  liveness, readiness (workspace check), Prometheus`,
    );
}

export async function runServeCommand(options: ServeOptions): Promise<never> {
  const secret = process.env[WEBHOOK_SECRET_ENV] ?? '';
  try {
    parseSecrets(secret);
  } catch {
    throw new UsageError(`set ${WEBHOOK_SECRET_ENV} to a shared secret of at least 16 characters (several separated by commas)`);
  }
  const config = await loadCliConfig({ configPath: options.config, apiUrl: options.apiUrl });
  const logger = createReceiverLogger(options.logLevel);
  const metrics = createReceiverMetrics();
  // Waits inside one delivery stay short: senders give up on an answer after 10 s (Segment's SDK default) and
  // retry on their own schedule, which a 429/503 with Retry-After tells them.
  const { client } = connectionFor(config, { userAgent: 'attio-plg (receiver)', observe: metrics.attempt, retry: { maxTotalWaitMs: 3_000 } });
  const engine = new EventEngine({ client, config, logger: coreLoggerFor(logger), maxRuns: 2 });
  // /ready has a client of its own: one attempt with a short timeout, so a probe gets a prompt answer.
  const checker = connectionFor({ ...config, requestTimeoutMs: Math.min(config.requestTimeoutMs, 5_000) }, { userAgent: 'attio-plg (receiver readiness)', retry: { maxAttempts: 1 } });
  let wasReady: boolean | undefined;
  const readiness = createReadiness({
    check: () => checkWorkspace(checker.client, config),
    onState(state) {
      metrics.ready(state.ready);
      if (state.ready !== wasReady) {
        if (state.ready) logger.info('ready: the workspace check passes');
        else logger.error({ problems: state.problems, deliveryFailure: state.deliveryFailure }, 'not ready: see problems');
      }
      wasReady = state.ready;
    },
  });
  // A workspace that is not ready (an unknown stage, a missing list) is refused here, not answered with retries.
  const atStart = await readinessBeforeStart(checker.client, config, (message) => logger.warn(message));
  if (!atStart.ready) {
    process.stderr.write(`attio-plg: serve: ${atStart.message}\n`);
    process.exit(1);
  }
  const receiver = await startReceiver({ engine, secret, port: options.port, host: options.host, logger, metrics, readiness });
  const stopped = untilStopped();
  logger.info({ url: receiver.url }, `attio-plg receiver listening on ${receiver.url} (Segment/RudderStack SDKs: /v1/batch; webhooks: /)`);
  void readiness.state();
  await stopped;
  logger.info('stopping: finishing the deliveries in flight');
  await receiver.close();
  logger.info('stopped');
  // Nothing is in flight any more. What is left would hold the process open for seconds: the Attio client's
  // rate-budget windows (p-queue timers of up to a second, re-armed) and keep-alive sockets to Attio.
  process.exit(0);
}
