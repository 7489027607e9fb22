/**
 * The account path (docs/scoring.md): the sample month with the account roll-up on — `accountScoring`, and
 * `dealTrigger: "account"` — beside today's default (users only): writes per object of the resulting CRM on
 * the live path and the backfill (held to the same bounds as the users' path: 1.8 and 1.3), reads per event,
 * and the whole engine's CPU per event with an in-memory Attio. The roll-up reads the company and its people
 * at each signal change, and writes the company only when its tier, qualification or score changes enough.
 */
import { performance } from 'node:perf_hooks';
import { AttioClient } from '../dist/core/attio/index.js';
import { parseConfig } from '../dist/core/config/index.js';
import { EventEngine } from '../dist/pipeline.js';
import { EMULATOR_API_KEY } from '../dist/emulator/index.js';
import { replayFile } from '../dist/cli/replay.js';
import { createDelivery } from '../dist/cli/deliveries.js';
import { rudderstackDelivery } from '../dist/cli/rudderstack-delivery.js';
import { inMemoryTransport, unthrottledEmulator } from './events.js';

const MODELS = [
  { label: 'users only (today’s default)', settings: {} },
  { label: 'account scoring on', settings: { accountScoring: true } },
  { label: 'deals on account qualification', settings: { dealTrigger: 'account' } },
];
const PATHS = [
  {
    label: 'live',
    batchSize: 100,
    ratio: 1.8,
    delivery: (config, id) => rudderstackDelivery(config, { destinationId: id }),
  },
  { label: 'backfill', batchSize: 1000, ratio: 1.3, delivery: (config) => createDelivery('direct', config) },
];

export async function accountPath({ row, log, crmObjects, reps, sampleMonth, cpuEvents }) {
  for (const model of MODELS) {
    for (const path of PATHS) {
      log(`account path: the sample month, ${model.label}, ${path.label}`);
      const { emulator, config } = await unthrottledEmulator(reps, model.settings);
      emulator.requests.splice(0);
      const summary = await replayFile({
        file: sampleMonth,
        delivery: await path.delivery(config, `bench-account-${model.label}`),
        config,
        concurrency: 4,
        batchSize: path.batchSize,
      });
      const requests = emulator.requests.splice(0);
      if (summary.failed > 0) throw new Error(`${model.label}: ${summary.failed} events failed`);
      const writes = requests.filter((r) => r.write && r.status >= 200 && r.status < 300).length;
      const reads = requests.filter((r) => !r.write).length;
      const objects = await crmObjects(emulator.url);
      await emulator.close();
      const ratio = writes / objects.total;
      row(
        `account path, ${model.label}, ${path.label} (batches of ${path.batchSize}): writes/object (writes, objects)`,
        `${ratio.toFixed(2)} (${writes}, ${objects.total})`,
        `<= ${path.ratio}`,
        ratio <= path.ratio,
      );
      row(
        `account path, ${model.label}, ${path.label}: reads/event (${summary.events} events)`,
        (reads / summary.events).toFixed(2),
        '(info)',
        undefined,
      );
    }
  }
  for (const model of MODELS) {
    log(`account path: the whole engine's CPU, ${model.label}`);
    const config = parseConfig(
      { apiKey: EMULATOR_API_KEY, apiUrl: 'http://127.0.0.1:1', salesReps: reps, ...model.settings },
      {},
    );
    const engine = new EventEngine({ client: new AttioClient(inMemoryTransport()), config, logger: { warn() {} } });
    const sample = cpuEvents.slice(0, 5_000);
    await engine.processBatch(sample.slice(0, 500));
    const started = performance.now();
    for (let i = 500; i < sample.length; i += 100) await engine.processBatch(sample.slice(i, i + 100));
    const micros = ((performance.now() - started) * 1000) / (sample.length - 500);
    row(`account path, ${model.label}: whole engine CPU, µs/event`, +micros.toFixed(0), '(info)', undefined);
  }
}
