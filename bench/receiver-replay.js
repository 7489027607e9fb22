/**
 * The receiver alone, without the SDK's process: the burst's HTTP requests as `@segment/analytics-node`
 * sends them (captured once: 80 batches of 15 for 600 signups) are replayed into the built CLI's `serve` all
 * at once by a client that does nothing else, burst after burst, each with new people. Attio is unreachable,
 * so the drain only backs off and the receiver's CPU is the intake's. Measured per burst: the receiver's CPU
 * (from /proc) and its slowest answer, the figure a burst's p99 is made of. The receiver burst
 * (./receiver-burst.js) measures the same intake from inside the SDK's process, where the SDK's own pipeline
 * adds its part; this one shows the receiver's share on its own, over enough bursts to see its spread.
 */
import { Agent, createServer, request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Analytics } from '@segment/analytics-node';
import { cpuMs, percentile, signups, startCli, WRITE_KEY } from './receiver-burst.js';

/** The requests the SDK sends for `people` signups at once: each one's headers and body. */
async function capturedBurst(people) {
  const requests = [];
  const server = createServer((incoming, answer) => {
    let body = '';
    incoming.setEncoding('utf8');
    incoming.on('data', (chunk) => (body += chunk));
    incoming.on('end', () => {
      requests.push({ authorization: incoming.headers.authorization, body });
      answer.writeHead(200, { 'content-type': 'application/json' }).end('{"success":true}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const analytics = new Analytics({ writeKey: WRITE_KEY, host: `http://127.0.0.1:${server.address().port}` });
  signups(analytics, 0, people);
  await analytics.closeAndFlush();
  await new Promise((resolve) => server.close(resolve));
  return requests;
}

/** A port nothing listens on: Attio, unreachable. */
async function closedPort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Sends every request of `burst` at once, its people renamed for round `round`; each request's time. */
async function send(url, agent, burst, round) {
  const { hostname, port } = new URL(url);
  return Promise.all(
    burst.map(
      ({ authorization, body }) =>
        new Promise((resolve, reject) => {
          const renamed = body.replaceAll('launch-', `r${round}-`).replaceAll('founder', `f${round}x`);
          const started = performance.now();
          const sent = request(
            {
              hostname,
              port,
              path: '/v1/batch',
              method: 'POST',
              agent,
              headers: { 'content-type': 'application/json', authorization },
            },
            (answer) => {
              answer.resume();
              answer.on('end', () =>
                answer.statusCode === 200
                  ? resolve(performance.now() - started)
                  : reject(new Error(`the receiver answered ${answer.statusCode}`)),
              );
            },
          );
          sent.on('error', reject);
          sent.end(renamed);
        }),
    ),
  );
}

/** Adds the row. */
export async function receiverReplay({ row, log, people = 600, warmUp = 6, bursts = 40 }) {
  log(`receiver alone: ${bursts} bursts of ${people} signups replayed into serve at once, Attio unreachable`);
  const burst = await capturedBurst(people);
  const dir = mkdtempSync(join(tmpdir(), 'attio-plg-bench-replay-'));
  writeFileSync(join(dir, 'config.json'), '{}');
  const serve = await startCli(
    'serve',
    {
      ATTIO_API_KEY: 'bench-unreachable-attio-key',
      ATTIO_API_URL: `http://127.0.0.1:${await closedPort()}`,
      ATTIO_PLG_WEBHOOK_SECRET: WRITE_KEY,
    },
    ['--config', join(dir, 'config.json'), '--data-dir', join(dir, 'data')],
  );
  const agent = new Agent({ keepAlive: true, maxSockets: burst.length });
  const pause = () => new Promise((resolve) => setTimeout(resolve, 400));
  for (let round = 0; round < warmUp; round++) {
    await send(serve.url, agent, burst, `w${round}`);
    await pause();
  }
  const cpu = [];
  const slowest = [];
  for (let round = 0; round < bursts; round++) {
    const before = cpuMs(serve.pid);
    const times = await send(serve.url, agent, burst, round);
    if (before !== undefined) cpu.push(cpuMs(serve.pid) - before);
    slowest.push(Math.max(...times));
    await pause();
  }
  agent.destroy();
  await serve.stop();
  slowest.sort((a, b) => a - b);
  const meanCpu = cpu.length === 0 ? undefined : cpu.reduce((sum, ms) => sum + ms, 0) / cpu.length;
  row(
    `receiver alone: ${burst.length} SDK requests (${2 * people} events) at once, ${bursts} bursts after ${warmUp} to warm up: slowest answer of a burst, median (worst); receiver CPU per burst`,
    `${percentile(slowest, 50).toFixed(0)} ms (${slowest.at(-1).toFixed(0)} ms)${meanCpu === undefined ? '' : `; ${meanCpu.toFixed(0)} ms`}`,
    '(info)',
  );
}
