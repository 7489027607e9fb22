/**
 * `npm run bench`: the measured targets (writes against the CRM's own size, sync time under Attio's limits,
 * the Segment path's pace, CPU, the month at scale), on the built package (dist/), printed as one table; exit
 * 1 when a target fails. Writes and reads are counted by the emulator, over HTTP with the real got transport.
 * Generated files go to .bench-tmp/ (gitignored).
 * Options: --companies N (accounts in the generated month, default 4500), --throughput-events N (default 600),
 * --burst-people N (signups in the receiver's burst, default 600), --burst-runs N (bursts timed, default 5;
 * the first is also drained), --burst-relay (the SDK sends through a
 * relay that times the receiver's part of each request; one more process and hop in the SDK's figure),
 * --burst-capture (a packet capture of the loopback times the receiver's answer on the wire; needs Debian's
 * tshark and the right to capture), --only receiver (the receiver's rows alone), --only counts
 * (the rows with no rate limit: writes per workflow, the coalesced batch, CPU, writes against the floor, the
 * account path beside today's; a minute or two), --only month (the month at scale alone; about 10 minutes).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
import { createDelivery } from '../dist/cli/deliveries.js';
import { rudderstackDelivery } from '../dist/cli/rudderstack-delivery.js';
import { segmentDelivery } from '../dist/cli/segment-delivery.js';
import { generatePlgEvents } from '../dist/sample/generate.js';
import { writeSampleFile } from '../dist/sample/main.js';
import {
  identify,
  inMemoryTransport,
  milestone,
  QUALIFYING,
  signedUp,
  tenUsersBatch,
  unthrottledEmulator,
  usage,
  WARM,
} from './events.js';
import { accountPath } from './account-path.js';
import { receiverBurst } from './receiver-burst.js';
import { receiverReplay } from './receiver-replay.js';

const { values: args } = parseArgs({
  options: {
    companies: { type: 'string', default: '4500' },
    'throughput-events': { type: 'string', default: '600' },
    'burst-people': { type: 'string', default: '600' },
    'burst-runs': { type: 'string', default: '5' },
    'burst-relay': { type: 'boolean', default: false },
    'burst-capture': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const TMP = fileURLToPath(new URL('../.bench-tmp/', import.meta.url));
const REPS = ['alex.rivera@plg-demo.test', 'sam.chen@plg-demo.test', 'jordan.patel@plg-demo.test'];
const rows = [];
const row = (measure, value, target, pass) =>
  rows.push({ measure, value, target, pass: pass === undefined ? '' : pass ? 'pass' : 'FAIL' });
const log = (message) => process.stderr.write(`bench: ${message}\n`);
const quiet = { warn: () => {} };

/** An emulator and an engine on it over the real got transport, budgets raised (the emulator's own limit is what counts). */
async function workspace(emulatorOptions = {}) {
  const emulator = await startEmulator({ seed: 'plg-demo', ...emulatorOptions });
  const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS }, {});
  const { client } = createAttioConnection({
    apiUrl: emulator.url,
    apiKey: EMULATOR_API_KEY,
    readsPerSecond: 10_000,
    writesPerSecond: 10_000,
  });
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
  await applied(ws.engine, [
    identify('warm.up@warm.io', 1),
    signedUp('warm.up@warm.io', 1),
    milestone('warm.up@warm.io', 'Integration Connected', 2),
    usage('warm.up@warm.io', 3, QUALIFYING),
  ]);
  ws.take();
}

/** The successful writes and the reads the emulator answered since the last call (Attio's two budgets). */
function takeCounts(emulator) {
  const requests = emulator.requests.splice(0);
  return {
    writes: requests.filter((r) => r.write && r.status >= 200 && r.status < 300).length,
    reads: requests.filter((r) => !r.write).length,
  };
}

async function writesPerWorkflow() {
  log('writes per workflow');
  const ws = await workspace();
  await warm(ws);
  const count = async (event) => (await applied(ws.engine, [event]), takeCounts(ws.emulator));
  const shown = ({ writes, reads }) => `${writes} (${reads} reads)`;
  const signup = await count(signedUp('jane.doe@acme.com', 1));
  row('new signup: writes/event (seed flow: 5 requests)', shown(signup), '3', signup.writes <= 3);
  const personal = await count(signedUp('sam.smith@gmail.com', 1));
  row('new signup, personal domain: writes/event', shown(personal), '2', personal.writes <= 2);
  const fresh = await count(milestone('jane.doe@acme.com', 'Data Imported', 2));
  row('new milestone: writes/event (note, activation)', shown(fresh), '2', fresh.writes <= 2);
  const repeat = await count(milestone('jane.doe@acme.com', 'Data Imported', 2));
  row('repeated milestone: writes/event', shown(repeat), '0', repeat.writes === 0);
  const pql = await count(usage('jane.doe@acme.com', 3, WARM));
  row('PQL update below threshold: writes/event', shown(pql), '1', pql.writes <= 1);
  // Steady state: a stream of the other workflows reads no workspace metadata at all.
  const stream = [];
  for (let i = 0; i < 20; i++)
    stream.push(
      signedUp(`p${i}@co${i}.io`, 1),
      milestone(`p${i}@co${i}.io`, 'Invite Sent', 2),
      usage(`p${i}@co${i}.io`, 3, i % 4 === 0 ? QUALIFYING : WARM),
    );
  await applied(ws.engine, stream);
  const metadata = ws
    .take()
    .filter((r) =>
      /attributes|\/v2\/lists$|workspace_members|\/v2\/self|\/v2\/objects$|\/options|\/statuses/.test(r),
    ).length;
  row(
    'workspace metadata: requests/event at steady state',
    +(metadata / stream.length).toFixed(3),
    '0',
    metadata === 0,
  );
  await ws.emulator.close();
}

async function coalescedBatch() {
  log('coalesced batch');
  const batched = await workspace();
  await warm(batched);
  await applied(batched.engine, tenUsersBatch(), true);
  const coalesced = takeCounts(batched.emulator).writes;
  const single = await workspace();
  await warm(single);
  await applied(single.engine, tenUsersBatch());
  const oneByOne = takeCounts(single.emulator).writes;
  row(
    'batch of 100 events from 10 users: writes coalesced (one by one)',
    `${coalesced} (${oneByOne})`,
    '<= half',
    coalesced * 2 <= oneByOne,
  );
  await Promise.all([batched.emulator.close(), single.emulator.close()]);
}

/** The objects of the CRM a replay produced: records, list entries, notes and tasks (the floor of its writes). */
async function crmObjects(url) {
  const { client } = createAttioConnection({ apiUrl: url, apiKey: EMULATOR_API_KEY, readsPerSecond: 100_000 });
  const counts = {};
  for (const object of ['people', 'companies', 'users', 'workspaces', 'deals']) {
    counts[object] = 0;
    for await (const _ of client.queryAllRecords(object)) counts[object]++;
  }
  for (const list of await client.listLists()) {
    counts[list.api_slug] = 0;
    for await (const _ of client.queryAllEntries(list.api_slug)) counts[list.api_slug]++;
  }
  counts.notes = 0;
  for await (const _ of client.listAllNotes()) counts.notes++;
  counts.tasks = 0;
  for await (const _ of client.listAllTasks()) counts.tasks++;
  return { total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
}

/** The seed workflow's requests for what a replay applied: one request a step (the PLG recipe the connector started from), writes and reads apart. */
function seedCost(summary, qualifications) {
  const applied = (workflow) => summary.byWorkflow[workflow]?.applied ?? 0;
  const reads = applied('signup'); // records_search for the company
  const writes =
    applied('signup') * 4 +
    applied('milestone') * 2 +
    applied('pql') +
    qualifications * 3 +
    applied('handoff') * 3 +
    applied('identify') +
    applied('group');
  return { writes, reads, seconds: Math.max(writes / 25, reads / 100) };
}

const SAMPLE_MONTH = fileURLToPath(new URL('../examples/plg-events.jsonl', import.meta.url));
const PATHS = {
  live: { label: 'live (RudderStack path, batches of 100)', via: 'rudderstack', batchSize: 100, ratio: 1.8 },
  backfill: { label: 'backfill (--via direct, batches of 1000)', via: 'direct', batchSize: 1000, ratio: 1.3 },
};
const deliveryFor = (via, config, id) =>
  via === 'rudderstack' ? rudderstackDelivery(config, { destinationId: id }) : createDelivery(via, config);

/**
 * The sample month (examples/plg-events.jsonl) with rate limits off: the CRM's objects (the floor), the
 * writes of the live and the backfill path against it, and a second replay of the same stream by a new
 * process (fresh caches) into the CRM the first one made.
 */
async function writesAgainstFloor() {
  let floor;
  for (const path of Object.values(PATHS)) {
    log(`sample month: ${path.label}, then again`);
    const { emulator, config } = await unthrottledEmulator(REPS);
    const replay = async (id) => {
      takeCounts(emulator);
      const summary = await replayFile({
        file: SAMPLE_MONTH,
        delivery: await deliveryFor(path.via, config, id),
        config,
        concurrency: 4,
        batchSize: path.batchSize,
      });
      if (summary.failed > 0) throw new Error(`${path.label}: ${summary.failed} events failed`);
      return { summary, ...takeCounts(emulator) };
    };
    const first = await replay('bench-first');
    const objects = await crmObjects(emulator.url);
    if (floor === undefined) {
      floor = objects;
      row(
        `sample month (${first.summary.events} events): objects in the resulting CRM (the floor)`,
        objects.total,
        '(info)',
        undefined,
      );
    }
    const ratio = first.writes / objects.total;
    row(
      `${path.label}: writes (ratio to the floor)`,
      `${first.writes} (${ratio.toFixed(2)})`,
      `<= ${path.ratio}`,
      ratio <= path.ratio && objects.total === floor.total,
    );
    const again = await replay('bench-again');
    const share = (again.writes / first.writes) * 100;
    row(
      `${path.label}, redelivered: writes (share of the first run)`,
      `${again.writes} (${share.toFixed(2)}%)`,
      '<= 1%',
      share <= 1,
    );
    await emulator.close();
  }
  return floor;
}

/** The sample month through each path with the emulator's rate limit on and the default budgets, beside the floor and the seed flow. */
async function rateLimitedSync(floor) {
  const floorSeconds = floor.total / 25;
  for (const path of Object.values(PATHS)) {
    log(`sample month with Attio's rate limit: ${path.label} (about ${Math.round(floorSeconds * path.ratio)} s)`);
    const emulator = await startEmulator({ seed: 'plg-demo', rateLimit: true });
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS }, {});
    const summary = await replayFile({
      file: SAMPLE_MONTH,
      delivery: await deliveryFor(path.via, config, 'bench-limited'),
      config,
      concurrency: 4,
      batchSize: path.batchSize,
    });
    const { writes } = takeCounts(emulator);
    const qualifications = (await crmObjects(emulator.url)).counts.pql_queue ?? 0;
    await emulator.close();
    const seconds = summary.durationMs / 1000;
    const seed = seedCost(summary, qualifications);
    row(
      `${path.label}, rate limit on: sync time (${writes} writes at ${(writes / seconds).toFixed(1)}/s, ${summary.failed} failed)`,
      `${seconds.toFixed(0)} s`,
      `floor ${floorSeconds.toFixed(0)} s; seed flow ${seed.seconds.toFixed(0)} s (${seed.writes} writes)`,
      summary.failed === 0 && seconds <= (floorSeconds * path.ratio) / 0.9,
    );
  }
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

/** The Segment path's targets: a sample and 300 signups (900 writes) through the Segment path, paced under Attio's 25 writes/s. */
async function segmentThroughput() {
  const events = Number(args['throughput-events']);
  log(
    `segment throughput: ${events} sample events, then 300 signups, through the Segment path with the emulator's rate limit on (about ${Math.round((events * 1.2 + 900) / 25)} s)`,
  );
  const file = `${TMP}throughput-${events}.jsonl`;
  if (!existsSync(file))
    await writeSampleFile(file, { maxEvents: events, companies: Math.max(1, Math.ceil(events / 45)) });
  await rateLimitedReplay('Segment path (actions-core Destination runtime)', file, (config) => segmentDelivery(config));
  const signups = `${TMP}signups-300.jsonl`;
  await writeFile(
    signups,
    `${Array.from({ length: 300 }, (_, i) => JSON.stringify(signedUp(`person${i}@company${i % 60}.io`, 1))).join('\n')}\n`,
  );
  await rateLimitedReplay('Segment path: 300 signups', signups, (config) => segmentDelivery(config));
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
          for (const intent of intents)
            if (intent.kind === 'pql' || intent.kind === 'group')
              scoreSignals(intent.signals, config.scoringModel, config.pqlThreshold);
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

/**
 * Month scale: a generated month of `--companies` accounts replayed by the built CLI (`replay --via
 * direct`, batches of 1000, 4 partitions) in its own process, rate limits off on both sides, against an
 * emulator in this one. The CLI's peak RSS comes from bench/peak-rss.cjs preloaded into it.
 */
async function monthScale() {
  const companies = Number(args.companies);
  const file = `${TMP}month-${companies}.jsonl`;
  if (!existsSync(file)) {
    log(`generating a month of ${companies} accounts to ${file}`);
    await writeSampleFile(file, { companies });
  }
  log(`month scale: replaying ${file} through the CLI (rate limits off; several minutes)`);
  const emulator = await startEmulator({ seed: 'plg-demo', requestLogLimit: 10_000 });
  let writes = 0;
  const tally = () => (writes += takeCounts(emulator).writes);
  const every = setInterval(tally, 100);
  const config = `${TMP}unthrottled.json`;
  await writeFile(config, JSON.stringify({ readsPerSecond: 100_000, writesPerSecond: 100_000 }));
  const rssFile = `${TMP}month-peak-rss`;
  const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
  const preload = fileURLToPath(new URL('./peak-rss.cjs', import.meta.url));
  const argv = [
    '--require',
    preload,
    cli,
    'replay',
    file,
    '--via',
    'direct',
    '--batch-size',
    '1000',
    '--concurrency',
    '4',
    '--config',
    config,
    '--api-url',
    emulator.url,
    '--json',
  ];
  const child = spawn(process.execPath, argv, {
    env: { ...process.env, ATTIO_API_KEY: EMULATOR_API_KEY, PEAK_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(every);
  tally();
  await emulator.close();
  if (code !== 0) throw new Error(`the month replay exited with ${code}`);
  const summary = JSON.parse(out.trim().split('\n').at(-1));
  const peakRssMb = Number(await readFile(rssFile, 'utf8'));
  const seconds = summary.durationMs / 1000;
  row(
    `month of ${companies} accounts (${summary.events} events, ${summary.failed} failed): replay time`,
    `${seconds.toFixed(0)} s`,
    'a few minutes',
    summary.failed === 0 && seconds <= 600,
  );
  row(
    'month: events/s (writes/s)',
    `${Math.round(summary.events / seconds)} (${Math.round(writes / seconds)})`,
    '(info)',
    undefined,
  );
  row("month: the replay's peak RSS", `${peakRssMb.toFixed(0)} MB`, '< 200 MB', peakRssMb < 200);
}

function printTable() {
  const cpus = os.cpus();
  const widths = ['measure', 'value', 'target', 'pass'].map((k) =>
    Math.max(k.length, ...rows.map((r) => String(r[k]).length)),
  );
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(
    `machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.arch()}`,
  );
  console.log(line(['measure', 'value', 'target', 'pass']));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line([r.measure, r.value, r.target, r.pass]));
}

const accounts = (sample) =>
  accountPath({ row, log, crmObjects, reps: REPS, sampleMonth: SAMPLE_MONTH, cpuEvents: sample.events });

await mkdir(TMP, { recursive: true });
const burstRuns = Number(args['burst-runs']);
if (!Number.isInteger(burstRuns) || burstRuns < 1) throw new Error('--burst-runs must be a whole number of at least 1');
const burst = async () => {
  await receiverBurst({
    row,
    log,
    crmObjects,
    reps: REPS,
    people: Number(args['burst-people']),
    relay: args['burst-relay'],
    capture: args['burst-capture'],
    bursts: burstRuns,
  });
  await receiverReplay({ row, log, people: Number(args['burst-people']) });
};
if (args.only === 'receiver') {
  await burst();
} else if (args.only === 'month') {
  await monthScale();
} else if (args.only === 'counts') {
  await writesPerWorkflow();
  await coalescedBatch();
  const sample = cpu();
  await cpuEngine(sample);
  await writesAgainstFloor();
  await accounts(sample);
} else {
  await writesPerWorkflow();
  await coalescedBatch();
  const sample = cpu();
  await cpuEngine(sample);
  const floor = await writesAgainstFloor();
  await accounts(sample);
  await rateLimitedSync(floor);
  await segmentThroughput();
  await burst();
  await monthScale();
}
printTable();
process.exitCode = rows.some((r) => r.pass === 'FAIL') ? 1 : 0;
