/**
 * `attio-plg replay FILE.jsonl [--via segment|rudderstack] [--config FILE.json] [--api-url URL]
 * [--concurrency N] [--batch-size N] [--json]` — exit 0 when every event was applied or rejected as invalid (rejections are
 * listed with reasons), 1 when events could not be delivered, 2 for a usage or configuration error.
 */
import { parseArgs } from 'node:util';
import { createDelivery } from './deliveries.js';
import { VIAS, type Via } from './delivery.js';
import { loadCliConfig } from './config.js';
import { replayFile, type ReplaySummary } from './replay.js';
import { renderSummary, summaryJson } from './summary.js';
import { UsageError } from './usage.js';

export interface ReplayArgs {
  file: string;
  via: Via;
  configPath?: string;
  apiUrl?: string;
  concurrency: number;
  batchSize: number;
  json: boolean;
}

export function parseReplayArgs(args: string[]): ReplayArgs {
  const { values, positionals } = parseArgs({
    args,
    options: {
      via: { type: 'string', default: 'rudderstack' },
      config: { type: 'string' },
      'api-url': { type: 'string' },
      concurrency: { type: 'string', default: '4' },
      'batch-size': { type: 'string', default: '100' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('replay takes exactly one FILE.jsonl');
  if (!VIAS.includes(values.via as Via)) throw new UsageError(`--via must be one of ${VIAS.join(', ')}`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency must be a whole number from 1 to 64');
  const batchSize = Number(values['batch-size']);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) throw new UsageError('--batch-size must be a whole number from 1 to 1000');
  return { file, via: values.via as Via, configPath: values.config, apiUrl: values['api-url'], concurrency, batchSize, json: values.json };
}

export async function runReplayCommand(args: string[]): Promise<number> {
  const options = parseReplayArgs(args);
  const config = await loadCliConfig({ configPath: options.configPath, apiUrl: options.apiUrl });
  const delivery = await createDelivery(options.via, config);
  const summary: ReplaySummary = await replayFile({
    file: options.file,
    delivery,
    config,
    concurrency: options.concurrency,
    batchSize: options.batchSize,
    showProgress: !options.json,
  });
  if (options.json) {
    if (summary.rejections.length > 0 || summary.failures.length > 0) process.stderr.write(`${renderSummary(summary, `Replay via ${options.via}`)}\n`);
    process.stdout.write(`${summaryJson(summary)}\n`);
  } else {
    process.stdout.write(`${renderSummary(summary, `Replay via ${options.via}`)}\n`);
  }
  return summary.failed > 0 ? 1 : 0;
}
