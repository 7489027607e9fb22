/**
 * `attio-plg serve [--port N] [--host H] [--config FILE.json] [--api-url URL] [--data-dir DIR] ...` — the
 * receiver (../destinations/http/) for the Segment and RudderStack SDKs and webhooks: deliveries are stored
 * in a queue in the data directory and answered, and drained to Attio at the workspace's pace. The shared
 * secrets come from ATTIO_PLG_WEBHOOK_SECRET and the Attio key from ATTIO_API_KEY (never flags). Logs are
 * JSON lines on stdout.
 */
import { Command, Option } from 'commander';
import { connectionFor } from '../core/connection.js';
import { checkWorkspace } from '../core/setup/index.js';
import { followRecordMerge } from '../core/workflows/index.js';
import { EventEngine } from '../pipeline.js';
import { loadCliConfig } from './config.js';
import { parseSecrets } from '../destinations/http/auth.js';
import { coreLoggerFor, createReceiverLogger, LOG_LEVELS, type LogLevel } from '../destinations/http/log.js';
import { createReceiverMetrics } from '../destinations/http/metrics.js';
import { DEFAULT_DATA_DIR, DEFAULT_QUEUE_BOUNDS, DEFAULT_READY_MAX_AGE_MS } from '../destinations/http/queue/index.js';
import type { ReadyState } from '../destinations/http/readiness.js';
import { startReceiverService } from '../destinations/http/service.js';
import { untilStopped } from './signals.js';
import {
  addCloseTheLoopOptions,
  CLOSE_THE_LOOP_HELP,
  closeTheLoopFromCli,
  type CloseTheLoopCliOptions,
} from './close-the-loop-options.js';
import { duration, UsageError, wholeNumber } from './usage.js';
import { readinessBeforeStart } from './workspace-readiness.js';

export const WEBHOOK_SECRET_ENV = 'ATTIO_PLG_WEBHOOK_SECRET';

export interface ServeOptions extends CloseTheLoopCliOptions {
  port: number;
  host: string;
  config?: string;
  apiUrl?: string;
  logLevel: LogLevel;
  dataDir: string;
  queueMaxEvents: number;
  queueMaxAge: number;
  readyMaxAge: number;
}

const hours = (ms: number) => `${ms / 3_600_000}h`;

/** The command's definition; ./main.ts attaches the action. */
export function serveCommand(): Command {
  return addCloseTheLoopOptions(new Command('serve'))
    .description(
      'receive events from the Segment and RudderStack SDKs (their HTTP APIs) and webhooks, and apply them in Attio',
    )
    .option('--port <N>', 'port to listen on', wholeNumber('--port', 0, 65535), 8788)
    .option('--host <address>', 'address to listen on (0.0.0.0 in a container)', '127.0.0.1')
    .option('--config <FILE.json>', 'configuration in the core’s format (see examples/config.json)')
    .option('--api-url <URL>', 'Attio API base URL (default: ATTIO_API_URL, else https://api.attio.com)')
    .addOption(
      new Option('--log-level <level>', 'least severe log lines written; debug adds personal data to reasons')
        .choices(LOG_LEVELS)
        .default('info'),
    )
    .option(
      '--data-dir <DIR>',
      'where the queue of received events is kept (a volume in a container); one receiver per directory',
      DEFAULT_DATA_DIR,
    )
    .option(
      '--queue-max-events <N>',
      'queued events past which deliveries are answered 429 with Retry-After',
      wholeNumber('--queue-max-events', 1, 100_000_000),
      DEFAULT_QUEUE_BOUNDS.maxEvents,
    )
    .addOption(
      new Option(
        '--queue-max-age <duration>',
        'age of the oldest queued event past which deliveries are answered 429 (e.g. 90m, 6h)',
      )
        .argParser(duration('--queue-max-age'))
        .default(DEFAULT_QUEUE_BOUNDS.maxAgeMs, hours(DEFAULT_QUEUE_BOUNDS.maxAgeMs)),
    )
    .addOption(
      new Option('--ready-max-age <duration>', '/ready fails while the oldest queued event is older than this')
        .argParser(duration('--ready-max-age'))
        .default(DEFAULT_READY_MAX_AGE_MS, hours(DEFAULT_READY_MAX_AGE_MS)),
    )
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
  GET  /health  /ready  /metrics                                  liveness, readiness (workspace check, queue age), Prometheus

A delivery is answered 200 once its valid events are stored on disk (invalid ones: 400 naming the field); the
queue drains to Attio at the workspace's rate limit. \`attio-plg queue status\` shows it. See docs/receiver-queue.md.
${CLOSE_THE_LOOP_HELP}`,
    );
}

export async function runServeCommand(options: ServeOptions): Promise<never> {
  const secret = process.env[WEBHOOK_SECRET_ENV] ?? '';
  try {
    parseSecrets(secret);
  } catch {
    throw new UsageError(
      `set ${WEBHOOK_SECRET_ENV} to a shared secret of at least 16 characters (several separated by commas)`,
    );
  }
  const config = await loadCliConfig({ configPath: options.config, apiUrl: options.apiUrl });
  const logger = createReceiverLogger(options.logLevel);
  const metrics = createReceiverMetrics();
  // A lane's run waits out a short hiccup (a few seconds of retries); what still fails stays queued and is
  // tried again after the queue's backoff, which does not hold a lane slot (or a shutdown) for minutes.
  const { client } = connectionFor(config, {
    userAgent: 'attio-plg (receiver)',
    observe: metrics.attempt,
    retry: { maxTotalWaitMs: 5_000 },
  });
  const closeTheLoop = await closeTheLoopFromCli(options, client, config);
  const engine = new EventEngine({ client, config, logger: coreLoggerFor(logger), maxRuns: 2 });
  // /ready has a client of its own: one attempt with a short timeout, so a probe gets a prompt answer.
  const checker = connectionFor(
    { ...config, requestTimeoutMs: Math.min(config.requestTimeoutMs, 5_000) },
    { userAgent: 'attio-plg (receiver readiness)', retry: { maxAttempts: 1 } },
  );
  let wasReady: boolean | undefined;
  const onReadyState = (state: ReadyState) => {
    metrics.ready(state.ready);
    if (state.ready !== wasReady) {
      if (state.ready) logger.info('ready: the workspace check passes and the queue keeps up');
      else
        logger.error({ problems: state.problems, deliveryFailure: state.deliveryFailure }, 'not ready: see problems');
    }
    wasReady = state.ready;
  };
  // A workspace that is not ready (an unknown stage, a missing list) is refused here, not answered with retries.
  const atStart = await readinessBeforeStart(checker.client, config, (message) => logger.warn(message));
  if (!atStart.ready) {
    process.stderr.write(`attio-plg: serve: ${atStart.message}\n`);
    process.exit(1);
  }
  // Another receiver on the same data directory (DataDirInUseError) stops this one here, exit 1.
  const service = await startReceiverService({
    engine,
    secret,
    port: options.port,
    host: options.host,
    logger,
    metrics,
    queue: { dataDir: options.dataDir, bounds: { maxEvents: options.queueMaxEvents, maxAgeMs: options.queueMaxAge } },
    readyMaxAgeMs: options.readyMaxAge,
    check: () => checkWorkspace(checker.client, config),
    onReadyState,
    // A merge re-keys through the engine that applies events, so the caches it forgets are the ones in use.
    ...(closeTheLoop
      ? {
          closeTheLoop: {
            ...closeTheLoop,
            onRecordsMerged: async (merge) => void (await followRecordMerge(engine.ctx, merge)),
          },
        }
      : {}),
  });
  const stopped = untilStopped();
  const backlog = service.queue.stats();
  if (backlog.depth > 0 || backlog.deadLetters > 0)
    logger.info(
      { queued: backlog.depth, deadLetters: backlog.deadLetters },
      `resuming the queue in ${options.dataDir}: ${backlog.depth} events to apply`,
    );
  logger.info(
    { url: service.url, dataDir: options.dataDir },
    `attio-plg receiver listening on ${service.url} (Segment/RudderStack SDKs: /v1/batch; webhooks: /${
      service.loop ? '; Attio webhooks: /attio/webhooks' : ''
    })`,
  );
  await stopped;
  logger.info('stopping: no new deliveries; finishing the deliveries and the drain runs in flight');
  const { queued, drainFinished } = await service.close();
  logger.info(
    { queued, drainFinished },
    `stopped: ${queued} events stay queued in ${options.dataDir} for the next start`,
  );
  // Nothing is in flight any more. What is left would hold the process open for seconds: the Attio client's
  // rate-budget windows (p-queue timers of up to a second, re-armed) and keep-alive sockets to Attio.
  process.exit(0);
}
