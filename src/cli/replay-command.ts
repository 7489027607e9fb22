/**
 * `attio-plg replay FILE.jsonl [--via segment|rudderstack|direct] [--config FILE.json] [--api-url URL]
 * [--concurrency N] [--batch-size N] [--json]` — exit 0 when every event was applied or rejected as invalid
 * (rejections are listed with reasons), 1 when events could not be delivered, 2 for a usage or configuration error.
 */
import { Command, Option } from 'commander';
import { VIAS, type Via } from './delivery.js';
import { loadCliConfig } from './config.js';
import { assertReadableFile } from './jsonl.js';
import { replayFile, type ReplaySummary } from './replay.js';
import { renderSummary, summaryJson } from './summary.js';
import { wholeNumber } from './usage.js';

export interface ReplayOptions {
  via: Via;
  config?: string;
  apiUrl?: string;
  concurrency: number;
  batchSize: number;
  json: boolean;
}

/** The command's definition; ./main.ts attaches the action. */
export function replayCommand(): Command {
  return new Command('replay')
    .description(
      'replay or backfill a file of Segment-spec events (one JSON object a line) into Attio, through one of the two adapters or, for backfills, directly',
    )
    .argument(
      '<FILE.jsonl>',
      'events, one JSON object a line (a Segment or RudderStack export, or attio-plg sample output)',
    )
    .addOption(
      new Option(
        '--via <adapter>',
        'deliver as this platform would; direct: the core engine alone, whose large batches coalesce each person’s history (backfills)',
      )
        .choices(VIAS)
        .default('rudderstack'),
    )
    .option('--config <FILE.json>', 'configuration in the core’s format (see examples/config.json)')
    .option('--api-url <URL>', 'Attio API base URL (default: ATTIO_API_URL, else https://api.attio.com)')
    .option(
      '--concurrency <N>',
      'partitions delivering in parallel; one person’s events stay in order',
      wholeNumber('--concurrency', 1, 64),
      4,
    )
    .option('--batch-size <N>', 'events per delivery', wholeNumber('--batch-size', 1, 1000), 100)
    .option('--json', 'print the summary as one JSON line on stdout (rejections and failures go to stderr)', false)
    .addHelpText(
      'after',
      `
The Attio access token comes from ATTIO_API_KEY (never a flag).
Exit status: 0 when every event was applied or rejected as invalid, 1 when events could not be delivered,
2 for a usage or configuration error.`,
    );
}

export async function runReplayCommand(file: string, options: ReplayOptions): Promise<number> {
  await assertReadableFile(file);
  const config = await loadCliConfig({ configPath: options.config, apiUrl: options.apiUrl });
  // The adapters take a second or two to load: only once the command line is known to be good.
  const { createDelivery } = await import('./deliveries.js');
  const delivery = await createDelivery(options.via, config);
  const summary: ReplaySummary = await replayFile({
    file,
    delivery,
    config,
    concurrency: options.concurrency,
    batchSize: options.batchSize,
    showProgress: !options.json,
  });
  if (options.json) {
    if (summary.rejected > 0 || summary.failed > 0)
      process.stderr.write(`${renderSummary(summary, `Replay via ${options.via}`)}\n`);
    process.stdout.write(`${summaryJson(summary)}\n`);
  } else {
    process.stdout.write(`${renderSummary(summary, `Replay via ${options.via}`)}\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
