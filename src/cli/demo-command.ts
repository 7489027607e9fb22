/**
 * `attio-plg demo` (= `npm start`): the emulator in-process, the sample month replayed through the Segment
 * destination, then the same events again through the RudderStack destination under the CLI's model of
 * rudder-server (./rudder-server) — which must change nothing,
 * since every workflow is idempotent — and a report of the CRM a sales team would now see.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createAttioConnection } from '../core/attio/index.js';
import { EMULATOR_API_KEY, startEmulator, type RequestLogEntry } from '../emulator/index.js';
import { loadCliConfig } from './config.js';
import { createDelivery } from './deliveries.js';
import { readCrm, renderCrm } from './report.js';
import { replayFile } from './replay.js';
import { renderSummary } from './summary.js';

export const SAMPLE_EVENTS = fileURLToPath(new URL('../../examples/plg-events.jsonl', import.meta.url));
export const SAMPLE_CONFIG = fileURLToPath(new URL('../../examples/config.json', import.meta.url));

/** Requests that create something in Attio (as opposed to asserting, updating or reading). */
function creations(log: readonly RequestLogEntry[]): number {
  return log.filter((r) => r.method === 'POST' && r.status >= 200 && r.status < 300 && !r.path.endsWith('/query')).length;
}

export async function runDemoCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { file: { type: 'string', default: SAMPLE_EVENTS } }, strict: true });
  const emulator = await startEmulator({ seed: 'plg-demo', rateLimit: false });
  try {
    // The emulator is local and unthrottled, so the client's budgets are raised above Attio's real limits.
    const config = await loadCliConfig({
      configPath: SAMPLE_CONFIG,
      env: { ...process.env, ATTIO_API_KEY: EMULATOR_API_KEY },
      overrides: { apiUrl: emulator.url, readsPerSecond: 5_000, writesPerSecond: 5_000 },
    });
    const out = (text: string) => process.stdout.write(`${text}\n`);
    out(`attio-plg demo: ${values.file} on the Attio emulator at ${emulator.url}\n`);

    const first = await replayFile({ file: values.file, delivery: await createDelivery('segment', config), config, concurrency: 4, showProgress: true });
    out(renderSummary(first, 'Pass 1 via the Segment destination (actions-core Destination runtime, presets as subscriptions)'));
    const createdFirst = creations(emulator.requests);
    emulator.reset();

    const second = await replayFile({ file: values.file, delivery: await createDelivery('rudderstack', config), config, concurrency: 4, showProgress: true });
    out('');
    out(renderSummary({ ...second, rejections: [], failures: second.failures }, 'Pass 2: the same events again via the RudderStack destination (processRouterDest under a model of rudder-server)'));
    out(`  Created in Attio: ${createdFirst} records, entries, notes and tasks in pass 1; ${creations(emulator.requests)} in pass 2 (redelivery changes nothing)`);
    out('');

    const reader = createAttioConnection({ apiUrl: emulator.url, apiKey: EMULATOR_API_KEY, readsPerSecond: 5_000 }).client;
    out(renderCrm(await readCrm(reader)));
    return first.failed + second.failed > 0 ? 1 : 0;
  } finally {
    await emulator.close();
  }
}
