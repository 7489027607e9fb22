/**
 * `npm run bench`: the issue 9 targets, measured on the built package (dist/) and printed as one table.
 * Request counts and throughput run on the emulator over HTTP; CPU runs in memory; peak RSS is measured by
 * a child process replaying a generated 200,000-event file (in .bench-tmp/, gitignored).
 * Options: --events N (size of the RSS replay file, default 200000), --throughput-events N (default 600).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AttioClient, createAttioConnection } from '../dist/core/attio/index.js';
import { parseConfig } from '../dist/core/config/index.js';
import { EventEngine } from '../dist/pipeline.js';
import { planBatch } from '../dist/core/batch/plan.js';
import { scoreSignals } from '../dist/core/scoring/index.js';
import { mapEvent } from '../dist/mapping/map-event.js';
import { EMULATOR_API_KEY, startEmulator } from '../dist/emulator/index.js';
import { replayFile } from '../dist/cli/replay.js';
import { rudderstackDelivery } from '../dist/cli/deliveries.js';
import { segmentDelivery } from '../dist/cli/segment-delivery.js';
import { generatePlgEvents } from '../dist/sample/generate.js';
import { writeSampleFile } from '../dist/sample/main.js';
import { identify, inMemoryTransport, milestone, QUALIFYING, signedUp, tenUsersBatch, usage, WARM } from './events.js';

const { values: args } = parseArgs({ options: { events: { type: 'string', default: '200000' }, 'throughput-events': { type: 'string', default: '600' } } });
const TMP = fileURLToPath(new URL('../.bench-tmp/', import.meta.url));
const REPS = ['alex.rivera@plg-demo.test', 'sam.chen@plg-demo.test', 'jordan.patel@plg-demo.test'];
const rows = [];
const row = (measure, value, target, pass) => rows.push({ measure, value, target, pass: pass === undefined ? '' : pass ? 'pass' : 'FAIL' });
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const quiet = { warn: () => {} };

/** An emulator and an engine on it over the real got transport, budgets raised (the emulator's own limit is what counts). */
async function workspace(emulatorOptions = {}) {
  const emulator = await startEmulator({ seed: 'plg-demo', ...emulatorOptions });
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS }, {});
  const { client } = createAttioConnection({ apiUrl: emulator.url, apiKey: EMULATOR_API_KEY, readsPerSecond: 10_000, writesPerSecond: 10_000 });
  const engine = new EventEngine({ client, config, logger: quiet });
  const take = () => emulator.requests.splice(0).map((r) => `${r.method} ${r.path}`);
  return { emulator, engine, config, take };
}

async function applied(engine, events, batch = false) {
  const results = [];
  if (batch) results.push(...(await engine.processBatch(events)));
  else for (const event of events) results.push(await engine.processEvent(event));
  const bad = results.filter((r) => r.status !== 'applied');
  if (bad.length > 0) throw new Error(`not applied: ${JSON.stringify(bad[0])}`);
}

async function warm(ws) {
  await applied(ws.engine, [identify('warm.up@warm.io', 1), signedUp('warm.up@warm.io', 1), milestone('warm.up@warm.io', 'Integration Connected', 2), usage('warm.up@warm.io', 3, QUALIFYING)]);
  ws.take();
}

async function requestsPerWorkflow() {
  log('requests per workflow');
  const ws = await workspace();
  await warm(ws);
  const count = async (event) => (await applied(ws.engine, [event]), ws.take().length);
  const signup = await count(signedUp('jane.doe@acme.com', 1));
  row('signup: requests/event (seed flow: 5)', signup, '3', signup <= 3);
  const personal = await count(signedUp('sam.smith@gmail.com', 1));
  row('signup, personal domain: requests/event', personal, '2', personal <= 2);
  const fresh = await count(milestone('jane.doe@acme.com', 'Data Imported', 2));
  row('milestone, new: requests/event', fresh, '<= 3', fresh <= 3);
  const repeat = await count(milestone('jane.doe@acme.com', 'Data Imported', 2));
  row('milestone, repeated (duplicate check): requests/event', repeat, '<= 3', repeat <= 3);
  const pql = await count(usage('jane.doe@acme.com', 3, WARM));
  row('PQL update below threshold: requests/event', pql, '<= 2', pql <= 2);
  // Steady state: a stream of the other workflows reads no workspace metadata at all.
  const stream = [];
  for (let i = 0; i < 20; i++) stream.push(signedUp(`p${i}@co${i}.io`, 1), milestone(`p${i}@co${i}.io`, 'Invite Sent', 2), usage(`p${i}@co${i}.io`, 3, i % 4 === 0 ? QUALIFYING : WARM));
  await applied(ws.engine, stream);
  const metadata = ws.take().filter((r) => /attributes|\/v2\/lists$|workspace_members|\/v2\/self|\/v2\/objects$|\/options|\/statuses/.test(r)).length;
  row('workspace metadata: requests/event at steady state', +(metadata / stream.length).toFixed(3), '0', metadata === 0);
  await ws.emulator.close();
}

async function coalescedBatch() {
  log('coalesced batch');
  const batched = await workspace();
  await warm(batched);
  await applied(batched.engine, tenUsersBatch(), true);
  const coalesced = batched.take().length;
  const single = await workspace();
  await warm(single);
  await applied(single.engine, tenUsersBatch());
  const oneByOne = single.take().length;
  row('batch of 100 events from 10 users: requests coalesced (one-by-one)', `${coalesced} (${oneByOne})`, '~ 10 users\' work', coalesced * 3 < oneByOne);
  await Promise.all([batched.emulator.close(), single.emulator.close()]);
}

/** A replay of `file` through `delivery` against an emulator with Attio's rate limit on: writes per second, as a row. */
async function rateLimitedReplay(label, file, makeDelivery) {
  const emulator = await startEmulator({ seed: 'plg-demo', rateLimit: true });
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url }, {});
  const summary = await replayFile({ file, delivery: makeDelivery(config), config, concurrency: 8 });
  const writes = emulator.requests.filter((r) => r.write && r.status < 300).length;
  const throttled = emulator.requests.filter((r) => r.status === 429).length;
  await emulator.close();
  const perSecond = writes / (summary.durationMs / 1000);
  row(
    `${label}: writes/s, rate limit on (${summary.events} events, ${writes} writes, ${throttled} throttled, ${summary.failed} failed)`,
    `${perSecond.toFixed(1)} (${Math.round((perSecond / 25) * 100)}%)`,
    '>= 22.5 (90% of 25)',
    perSecond >= 22.5 && summary.failed === 0,
  );
}

async function throughput() {
  const events = Number(args['throughput-events']);
  log(`throughput: replaying ${events} events through each adapter with the emulator's rate limit on (about ${Math.round((events * 1.8) / 25)} s each)`);
  const file = `${TMP}throughput-${events}.jsonl`;
  if (!existsSync(file)) await writeSampleFile(file, { maxEvents: events, companies: Math.max(1, Math.ceil(events / 45)) });
  await rateLimitedReplay('RudderStack path (processRouterDest)', file, (config) => rudderstackDelivery(config, { destinationId: 'bench-throughput' }));
  await rateLimitedReplay('Segment path (actions-core Destination runtime)', file, (config) => segmentDelivery(config));
}

/** Issue 13's target: 300 signups (900 writes) through the Segment path, paced under Attio's 25 writes/s. */
async function segmentSignups() {
  const count = 300;
  log(`segment signups: ${count} signups through the Segment path with the emulator's rate limit on (about ${Math.round((count * 3) / 25)} s)`);
  const file = `${TMP}signups-${count}.jsonl`;
  const events = Array.from({ length: count }, (_, i) => signedUp(`person${i}@company${i % 60}.io`, 1));
  await writeFile(file, `${events.map((event) => JSON.stringify(event)).join('\n')}\n`);
  await rateLimitedReplay(`Segment path: ${count} signups`, file, (config) => segmentDelivery(config));
}

function cpu() {
  const count = 50_000;
  log(`cpu: mapping + scoring + planning over ${count} sample events`);
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: 'http://127.0.0.1:1' }, {});
  const events = [];
  for (const event of generatePlgEvents({ companies: Math.ceil(count / 45) })) if (events.push(event) >= count) break;
  const plan = () => {
    for (let i = 0; i < events.length; i += 100) {
      const items = events.slice(i, i + 100).map((raw) => {
        try {
          const intents = mapEvent(raw, config);
          for (const intent of intents) if (intent.kind === 'pql' || intent.kind === 'group') scoreSignals(intent.signals, config.scoringModel, config.pqlThreshold);
          return { intents, messageId: raw.messageId };
        } catch {
          return { intents: [] };
        }
      });
      planBatch(items);
    }
  };
  plan(); // warm the JIT
  const started = performance.now();
  plan();
  const micros = ((performance.now() - started) * 1000) / events.length;
  row('CPU: mapping + scoring + planning, µs/event', +micros.toFixed(1), '<= 50', micros <= 50);
  return { config, events };
}

async function cpuEngine({ events }) {
  const count = 5_000;
  log(`cpu: the whole engine over ${count} events with an in-memory transport`);
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: 'http://127.0.0.1:1', salesReps: REPS }, {});
  const engine = new EventEngine({ client: new AttioClient(inMemoryTransport()), config, logger: quiet });
  const sample = events.slice(0, count);
  await engine.processBatch(sample.slice(0, 500));
  const started = performance.now();
  for (let i = 500; i < sample.length; i += 100) await engine.processBatch(sample.slice(i, i + 100));
  const micros = ((performance.now() - started) * 1000) / (sample.length - 500);
  row('CPU: whole engine incl. workflows + in-memory Attio model, µs/event', +micros.toFixed(0), '(info)', undefined);
}

async function peakRss() {
  const events = Number(args.events);
  const file = `${TMP}events-${events}.jsonl`;
  if (!existsSync(file)) {
    log(`generating ${events} events to ${file}`);
    // A long history of a few hundred accounts: the emulator's record store (a linear scan per assert)
    // stays small enough to answer quickly, while the connector streams the whole file.
    await writeSampleFile(file, { maxEvents: events, companies: Math.max(1, Math.ceil(events / 690)), days: 1200 });
  }
  log(`peak RSS: replaying ${events} events in a child process (rate limit off; a few minutes)`);
  const emulator = await startEmulator({ seed: 'plg-demo' });
  // The request log is the emulator's (this process's), not the connector's: keep it from growing.
  const trim = setInterval(() => emulator.reset(), 1000);
  const child = spawn(process.execPath, [fileURLToPath(new URL('./rss-replay.js', import.meta.url)), file, emulator.url, '8', '250'], { stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(trim);
  await emulator.close();
  if (code !== 0) throw new Error(`the replay child exited with ${code}`);
  const result = JSON.parse(out.trim().split('\n').at(-1));
  row(
    `peak RSS replaying ${result.events} events (${result.failed} failed, ${(result.durationMs / 1000).toFixed(0)} s)`,
    `${result.maxRssMb.toFixed(0)} MB`,
    '< 300 MB',
    result.maxRssMb < 300 && result.failed === 0,
  );
}

function printTable() {
  const cpus = os.cpus();
  const widths = ['measure', 'value', 'target', 'pass'].map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`);
  console.log(line(['measure', 'value', 'target', 'pass']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line([r.measure, r.value, r.target, r.pass]));
}

await mkdir(TMP, { recursive: true });
await requestsPerWorkflow();
await coalescedBatch();
const sample = cpu();
await cpuEngine(sample);
await throughput();
await segmentSignups();
await peakRss();
printTable();
process.exitCode = rows.some((r) => r.pass === 'FAIL') ? 1 : 0;
