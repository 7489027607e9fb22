/**
 * `attio-plg demo` (= `npm start`): the emulator in-process, the sample month replayed through the Segment
 * destination, then the same events again through the RudderStack destination under the CLI's model of
 * rudder-server (./rudder-server) — which must create nothing,
 * since every workflow is idempotent — and a report of the CRM a sales team would now see.
 */
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { createAttioConnection } from '../core/attio/index.js';
import { EMULATOR_API_KEY, startEmulator } from '../emulator/index.js';
import { loadCliConfig } from './config.js';
import { assertReadableFile } from './jsonl.js';
import { crmCounts, readCrm, renderCounts, renderCrm } from './report.js';
import { replayFile, type EventProblem, type ReplaySummary } from './replay.js';
import { listProblems, renderSummary } from './summary.js';

export const SAMPLE_EVENTS = fileURLToPath(new URL('../../examples/plg-events.jsonl', import.meta.url));
export const SAMPLE_CONFIG = fileURLToPath(new URL('../../examples/config.json', import.meta.url));

export interface DemoOptions {
  file: string;
}

/** The command's definition; ./main.ts attaches the action. */
export function demoCommand(): Command {
  return new Command('demo')
    .description(
      'the sample month through both adapters on the built-in Attio emulator, then the CRM a sales team would see',
    )
    .option('--file <FILE.jsonl>', 'events to replay', SAMPLE_EVENTS);
}

export async function runDemoCommand(options: DemoOptions): Promise<number> {
  await assertReadableFile(options.file);
  const emulator = await startEmulator({ seed: 'plg-demo', rateLimit: false });
  try {
    // The emulator is local and unthrottled, so the client's budgets are raised above Attio's real limits.
    const config = await loadCliConfig({
      configPath: SAMPLE_CONFIG,
      env: { ...process.env, ATTIO_API_KEY: EMULATOR_API_KEY },
      // Accounts are scored too, so the report can show which qualified and why (docs/scoring.md).
      overrides: { apiUrl: emulator.url, readsPerSecond: 5_000, writesPerSecond: 5_000, accountScoring: true },
    });
    // The adapters take a second or two to load: only once the command line is known to be good.
    const { createDelivery } = await import('./deliveries.js');
    const reader = createAttioConnection({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 5_000,
    }).client;
    const out = (text: string) => process.stdout.write(`${text}\n`);
    out(`attio-plg demo: ${options.file} on the Attio emulator at ${emulator.url}\n`);
    const before = crmCounts(await readCrm(reader));

    const first = await replayFile({
      file: options.file,
      delivery: await createDelivery('segment', config),
      config,
      concurrency: 4,
      showProgress: true,
    });
    out(
      renderSummary(
        first,
        'Pass 1 via the Segment destination (actions-core Destination runtime, presets as subscriptions)',
      ),
    );
    const afterFirst = crmCounts(await readCrm(reader));

    const second = await replayFile({
      file: options.file,
      delivery: await createDelivery('rudderstack', config),
      config,
      concurrency: 4,
      showProgress: true,
    });
    out('');
    out(
      renderSummary(
        second,
        'Pass 2: the same events again via the RudderStack destination (processRouterDest under a model of rudder-server)',
        { listRejections: false },
      ),
    );
    const crm = await readCrm(reader);
    const afterSecond = crmCounts(crm);
    const createdSecond = renderCounts(afterSecond, afterFirst);
    out(`  Created in Attio by pass 1: ${renderCounts(afterFirst, before) || 'nothing'}`);
    out(`  Created by pass 2: ${createdSecond || 'nothing (redelivery changes nothing)'}`);
    for (const line of explainRejectionDifference(first, second)) out(line);
    out('');
    out(renderCrm(crm));
    return first.failed + second.failed > 0 ? 1 : 0;
  } finally {
    await emulator.close();
  }
}

/**
 * The two adapters do not see quite the same event: Segment's runtime converts some values to the types its
 * fields expect before the destination runs (`true` becomes 1, `[7]` becomes 7), RudderStack hands the event
 * over as it was sent. So a few events with loosely typed values are applied in pass 1 and rejected in
 * pass 2. This lists them, so the two totals can be reconciled.
 */
function explainRejectionDifference(first: ReplaySummary, second: ReplaySummary): string[] {
  const linesOf = (problems: readonly EventProblem[]) => new Set(problems.map((p) => p.line));
  const [inFirst, inSecond] = [linesOf(first.rejections), linesOf(second.rejections)];
  const onlySecond = second.rejections.filter((p) => !inFirst.has(p.line));
  const onlyFirst = first.rejections.filter((p) => !inSecond.has(p.line));
  const out: string[] = [];
  if (onlySecond.length > 0) {
    out.push(
      '',
      `Pass 2 rejected ${onlySecond.length} events that pass 1 applied. Segment's runtime converts some values to the types its fields expect before the destination sees them (true becomes 1, [7] becomes 7, [{...}] becomes {...}); RudderStack hands the event over as it was sent:`,
      ...listProblems(onlySecond, onlySecond.length),
    );
  }
  if (onlyFirst.length > 0) {
    out.push(
      '',
      `Pass 1 rejected ${onlyFirst.length} events that pass 2 applied (the Segment destination's field schemas are stricter for these):`,
      ...listProblems(onlyFirst, onlyFirst.length),
    );
  }
  return out;
}
