/**
 * Child process of bench/run.js: replays a JSONL file through the RudderStack adapter (as `attio-plg replay`
 * does) against the emulator at argv[3] (argv[4] partitions of argv[5]-event batches), with the client’s budgets raised, and prints one JSON line with
 * the replay's summary and this process's own peak RSS.
 */
import { EMULATOR_API_KEY } from '../dist/emulator/index.js';
import { parseConfig } from '../dist/core/config/index.js';
import { replayFile } from '../dist/cli/replay.js';
import { createDelivery, rudderstackDelivery } from '../dist/cli/deliveries.js';

const [file, apiUrl, concurrency = "8", batchSize = "250", via = 'rudderstack'] = process.argv.slice(2);
const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl, readsPerSecond: 100_000, writesPerSecond: 100_000 }, {});
const delivery = via === 'rudderstack' ? rudderstackDelivery(config, { destinationId: 'bench-rss' }) : await createDelivery(via, config);
const summary = await replayFile({ file, delivery, config, concurrency: Number(concurrency), batchSize: Number(batchSize) });
const { events, applied, rejected, failed, requests, durationMs } = summary;
process.stdout.write(`${JSON.stringify({ events, applied, rejected, failed, requests, durationMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
