/**
 * Launch day through the receiver: `@segment/analytics-node` at its defaults (write key and host: batches of
 * 15, all sent at once) sends `people` signups (identify + Signed Up each) into the built CLI's `serve`, with
 * the emulator at Attio's rate limit; the SDK, `serve` and the emulator each in a process of their own, as a
 * product, the receiver and Attio would be. Measured, for each of the burst's HTTP requests in the SDK's
 * process: from its request written to the socket to its answer read (undici's diagnostics channels, the
 * fetch the SDK uses; the intake figure), and from the SDK's `http_request` to its `http_response` (that
 * adds the SDK's own queueing: its event loop runs the 1,200 calls' pipeline before it gets to open the
 * connections). Then the time until the queue is empty (every event in Attio), beside the write floor: the
 * burst's objects in the CRM at 25 writes a second. The receiver has been running: signups before the burst
 * warm it up (V8 optimises the mapping after a few thousand events; a cold process maps several times
 * slower), and their objects are not counted; the SDK's side is warmed by one uncounted burst into a server
 * that answers at once. Several bursts are timed, each into a new emulator and receiver, and their requests
 * pooled (see receiverBurst). With `relay`, the SDK sends through a relay in a process of its own
 * (./wire-timer.js) that also times each request between it and the receiver: the receiver's answer on the
 * wire, without the SDK's own event loop. Last, the same bursts into a server that answers at once: the SDK's
 * process's share of each request's time in the SDK, which no receiver can take away.
 */
import { spawn } from 'node:child_process';
import diagnostics from 'node:diagnostics_channel';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Analytics } from '@segment/analytics-node';
import { EMULATOR_API_KEY } from '../dist/emulator/index.js';
import { captureUnavailable, startCapture } from './wire-capture.js';

const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
export const WRITE_KEY = 'bench-launch-day-write-key-0123';

/** The built CLI's `command` in its own process, once it prints the URL it listens on. */
export function startCli(command, env, args) {
  return startProcess([CLI, command, '--port', '0', ...args], env, command);
}

/** A node script in its own process, once it prints the URL it listens on. */
function startProcess(argv, env, command) {
  const child = spawn(process.execPath, argv, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/[^\s"]+)/.exec(output)?.[1];
      if (url)
        resolve({
          url,
          pid: child.pid,
          stop: () => (child.kill('SIGTERM'), exited),
          output: () => output,
          lines: () =>
            output
              .split('\n')
              .filter((l) => l.startsWith('{'))
              .map((l) => JSON.parse(l)),
        });
    });
    void exited.then((code) => reject(new Error(`${command} exited (${code}) before listening`)));
  });
}

/** The writes Attio took from the receiver, from its /metrics (reads are GETs and record or entry queries). */
async function successfulWrites(serve) {
  const text = await (await fetch(`${serve.url}/metrics`)).text();
  let writes = 0;
  for (const [, operation, status, count] of text.matchAll(
    /^attio_plg_attio_requests_total\{operation="([^"]+)",status="(\d+)"\} (\d+)$/gm,
  )) {
    if (status.startsWith('2') && !operation.startsWith('GET ') && !operation.endsWith('/query'))
      writes += Number(count);
  }
  return writes;
}
/** Milliseconds of CPU a process has used, where /proc tells (Linux); undefined elsewhere. */
export function cpuMs(pid) {
  const stat = `/proc/${pid}/stat`;
  if (!existsSync(stat)) return undefined;
  const fields = readFileSync(stat, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Each HTTP request's time from its request written to the socket to its answer's headers read. */
function wireTimes() {
  const written = new WeakMap();
  const times = [];
  const onSent = ({ request }) => written.set(request, performance.now());
  const onAnswer = ({ request }) => {
    const at = written.get(request);
    if (at !== undefined) times.push(performance.now() - at);
  };
  diagnostics.subscribe('undici:client:sendHeaders', onSent);
  diagnostics.subscribe('undici:request:headers', onAnswer);
  return {
    times,
    stop() {
      diagnostics.unsubscribe('undici:client:sendHeaders', onSent);
      diagnostics.unsubscribe('undici:request:headers', onAnswer);
    },
  };
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/** `count` signups from person `from` on: an identify and a Signed Up each, 40 companies. */
export function signups(analytics, from, count) {
  for (let i = from; i < from + count; i++) {
    const email = `founder${i}@startup${i % 40}.io`;
    analytics.identify({ userId: `launch-${i}`, traits: { email, name: `Founder ${i}`, plan: 'trial' } });
    analytics.track({ userId: `launch-${i}`, event: 'Signed Up', properties: { email, plan: 'trial' } });
  }
}

/**
 * The emulator at Attio's rate limit and a warmed-up `serve` (with `relay`, the wire timer in front of it):
 * `host` is where the SDK sends. The warm-up's events are drained before this resolves.
 */
async function startWarmReceiver({ people, reps, relay }) {
  const emulator = await startCli('emulator', {}, ['--seed', 'plg-demo', '--rate-limit', 'on']);
  const dir = mkdtempSync(join(tmpdir(), 'attio-plg-bench-burst-'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ salesReps: reps }));
  const serve = await startCli(
    'serve',
    { ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: emulator.url, ATTIO_PLG_WEBHOOK_SECRET: WRITE_KEY },
    ['--config', join(dir, 'config.json'), '--data-dir', join(dir, 'data')],
  );
  // With --burst-relay the SDK sends through the wire timer, which times each request between it and the
  // receiver; it is one more process on the same cores, and one more hop in the SDK's figure.
  const timer = relay
    ? await startProcess(
        [fileURLToPath(new URL('./wire-timer.js', import.meta.url)), new URL(serve.url).port],
        {},
        'wire timer',
      )
    : undefined;
  const host = timer?.url ?? serve.url;
  const drained = async () => {
    while (!(await (await fetch(`${serve.url}/metrics`)).text()).includes('\nattio_plg_queue_depth 0\n'))
      await new Promise((resolve) => setTimeout(resolve, 200));
  };
  await warmUp(host, people);
  await drained();
  return {
    emulator,
    serve,
    host,
    drained,
    /** The wire timer's times (sorted) for the requests it relayed after `from` characters of its output. */
    relayed: (from) =>
      [...(timer?.output() ?? '').slice(from).matchAll(/^wire ([\d.]+)$/gm)]
        .map((m) => Number(m[1]))
        .sort((a, b) => a - b),
    relayedSoFar: () => timer?.output().length ?? 0,
    async stop() {
      await timer?.stop();
      await serve.stop();
      await emulator.stop();
    },
  };
}

/**
 * A running receiver (or server): 40 rounds of the same 30 signups, people `from` on (2,400 events, little for
 * a drain to write), one batch at a time. Throws unless all of them were sent.
 */
async function warmUp(host, from) {
  const analytics = new Analytics({ writeKey: WRITE_KEY, host });
  let sent = 0;
  analytics.on('http_request', (request) => (sent += JSON.parse(request.body).batch.length));
  // flush(), not closeAndFlush(): a closed instance drops what it is given, and the receiver would be cold.
  for (let round = 0; round < 40; round++) {
    signups(analytics, from, 30);
    await analytics.flush();
  }
  await analytics.closeAndFlush();
  if (sent !== 40 * 30 * 2) throw new Error(`the warm-up sent ${sent} events, not ${40 * 30 * 2}`);
}

/** `people` signups at once through a new analytics-node instance into `receiver`, timed per HTTP request. */
async function sendBurst(receiver, people, capture) {
  const { serve, host } = receiver;
  const captured = capture ? await startCapture(Number(new URL(serve.url).port)) : undefined;
  const analytics = new Analytics({ writeKey: WRITE_KEY, host });
  const sentAt = new Map();
  const sdk = [];
  let requests = 0;
  let retries = 0;
  let errors = 0;
  analytics.on('http_request', (request) => {
    requests++;
    if (request.headers['X-Retry-Count'] !== undefined) retries++;
    sentAt.set(request.body, performance.now());
  });
  analytics.on('http_response', (response) => sdk.push(performance.now() - sentAt.get(response.body)));
  analytics.on('error', () => errors++);
  const linesBefore = serve.lines().length;
  const relayedBefore = receiver.relayedSoFar();
  const wire = wireTimes();
  const cpuBefore = cpuMs(serve.pid);
  const sdkCpuBefore = process.cpuUsage();
  const started = performance.now();
  signups(analytics, 0, people);
  await analytics.closeAndFlush();
  const acknowledgedMs = performance.now() - started;
  const receiverCpu = cpuBefore === undefined ? undefined : cpuMs(serve.pid) - cpuBefore;
  const sdkCpu = process.cpuUsage(sdkCpuBefore);
  wire.stop();
  // After the CPU is read: stopping the capture waits a second, in which the drain works.
  const captureTimes = (await captured?.stop()) ?? [];
  const own = serve
    .lines()
    .slice(linesBefore)
    .filter((l) => l.msg === 'delivery accepted')
    .map((l) => l.durationMs);
  return {
    started,
    acknowledgedMs,
    requests,
    retries,
    errors,
    perRequest: wire.times,
    sdk,
    own,
    wire: receiver.relayed(relayedBefore),
    captured: captureTimes,
    receiverCpu,
    sdkCpuMs: (sdkCpu.user + sdkCpu.system) / 1000,
  };
}

/**
 * Adds the rows; `crmObjects(url)` counts the CRM's objects (the floor). The first burst is drained and its
 * writes counted; `bursts - 1` more, each into a new emulator and receiver warmed up the same way, are
 * timed only: the intake figures are pooled over every burst's requests (80 requests a burst, so that the
 * p99 of one burst alone would be its slowest request).
 */
export async function receiverBurst({
  row,
  log,
  crmObjects,
  people = 600,
  reps,
  relay = false,
  capture: wanted = false,
  bursts = 5,
}) {
  log(
    `receiver burst: ${people} signups through analytics-node into serve, Attio's rate limit on (about ${Math.round((people * 3.1) / 25)} s), then ${bursts - 1} more bursts timed`,
  );
  const noCapture = wanted ? captureUnavailable() : undefined;
  const capture = wanted && noCapture === undefined;
  // The SDK's side warmed too: a burst sends 80 requests at once, a path the one-batch-at-a-time warm-up never
  // takes, and the bench process's first such burst cost its SDK about twice the CPU of the later ones.
  await instantBurst(people);
  const first = await startWarmReceiver({ people, reps, relay });
  const before = await crmObjects(first.emulator.url);
  const writesBefore = await successfulWrites(first.serve);
  log(`burst 1 of ${bursts} at load average ${loadavg()[0].toFixed(1)} (1 min)`);
  const timed = [await sendBurst(first, people, capture)];
  await first.drained();
  const drainSeconds = (performance.now() - (timed[0]?.started ?? 0)) / 1000;
  const writes = (await successfulWrites(first.serve)) - writesBefore;
  const after = await crmObjects(first.emulator.url);
  const objects = after.total - before.total;
  await first.stop();
  for (let n = 2; n <= bursts; n++) {
    const receiver = await startWarmReceiver({ people, reps, relay });
    log(`burst ${n} of ${bursts} at load average ${loadavg()[0].toFixed(1)} (1 min)`);
    timed.push(await sendBurst(receiver, people, capture));
    await receiver.stop();
  }
  const instant = [];
  for (let n = 1; n <= bursts; n++) instant.push(await instantBurst(people, capture));
  const floorSeconds = objects / 25;
  const pooledOver = (bursts, pick) => bursts.flatMap(pick).sort((a, b) => a - b);
  const pooled = (pick) => pooledOver(timed, pick);
  const perRequest = pooled((t) => t.perRequest);
  const total = (pick) => timed.reduce((sum, t) => sum + pick(t), 0);
  const requests = total((t) => t.requests);
  const retries = total((t) => t.retries);
  const errors = total((t) => t.errors);
  const p99 = percentile(perRequest, 99);
  const batches = bursts * Math.ceil((2 * people) / 15);
  const ms = (sorted) => `${percentile(sorted, 99).toFixed(0)} ms (${percentile(sorted, 50).toFixed(0)} ms)`;
  const each = (pick) => timed.map((t) => pick(t)).join(', ');
  const slowest = (times) => Math.max(...times).toFixed(0);
  const cpu = timed.every((t) => t.receiverCpu !== undefined) ? `receiver ${each((t) => t.receiverCpu)} ms, ` : '';
  row(
    `receiver burst, analytics-node defaults (${bursts} bursts of ${people} signups: ${requests} requests for ${batches} batches, ${retries} retried, ${errors} SDK errors): intake p99 (median) per HTTP request over every burst; each burst acknowledged in ${each((t) => (t.acknowledgedMs / 1000).toFixed(1))} s`,
    `${ms(perRequest)}; each burst's slowest ${each((t) => slowest(t.perRequest))} ms; the SDK's http_request to http_response ${ms(pooled((t) => t.sdk))}; receiver's own ${ms(pooled((t) => t.own))}; CPU: ${cpu}SDK's process ${each((t) => t.sdkCpuMs.toFixed(0))} ms`,
    '< 100 ms',
    p99 < 100 && perRequest.length === requests && errors === 0 && retries === 0 && requests === batches,
  );
  if (relay)
    row(
      `receiver burst: the receiver's answer on the wire (${total((t) => t.wire.length)} requests, timed by a relay between the SDK and the receiver): p99 (median)`,
      ms(pooled((t) => t.wire)),
      '(info)',
    );
  if (wanted)
    row(
      `receiver burst: the receiver's answer on the wire, from a packet capture of the loopback (${total((t) => t.captured.length)} requests, kernel timestamps): p99 (median); each burst's slowest`,
      capture
        ? `${ms(pooled((t) => t.captured))}; ${each((t) => slowest(t.captured))} ms`
        : `not measured: ${noCapture}`,
      '(info)',
    );
  row(
    `the same bursts into a server that answers at once (what the SDK's own process adds): per HTTP request, p99 (median); each burst's slowest`,
    `${ms(pooledOver(instant, (b) => b.times))}; ${instant.map((b) => slowest(b.times)).join(', ')} ms${
      capture
        ? `; on the wire, from a packet capture: ${ms(pooledOver(instant, (b) => b.captured))}; ${instant.map((b) => slowest(b.captured)).join(', ')} ms`
        : ''
    }`,
    '(info)',
  );
  row(
    `receiver burst: drain time of the first burst, rate limit on (${writes} writes, ${(writes / objects).toFixed(2)} per object)`,
    `${drainSeconds.toFixed(0)} s`,
    `<= 1.5 × floor ${floorSeconds.toFixed(0)} s (${objects} objects)`,
    drainSeconds <= floorSeconds * 1.5,
  );
}

/**
 * The same warm-up and burst into ./instant-receiver.js, which answers at once: each request's time there is
 * the SDK's process alone (an answer waits in its socket while the SDK's event loop runs its own work), the
 * floor under the receiver's figure on this machine. One such burst, not counted, runs before the receiver's
 * to warm the SDK's side; the counted ones run after them.
 */
async function instantBurst(people, capture = false) {
  const server = await startProcess([fileURLToPath(new URL('./instant-receiver.js', import.meta.url))], {}, 'instant');
  await warmUp(server.url, people);
  const captured = capture ? await startCapture(Number(new URL(server.url).port)) : undefined;
  const analytics = new Analytics({ writeKey: WRITE_KEY, host: server.url });
  const wire = wireTimes();
  signups(analytics, 0, people);
  await analytics.closeAndFlush();
  wire.stop();
  const onTheWire = (await captured?.stop()) ?? [];
  await server.stop();
  return { times: wire.times, captured: onTheWire };
}
