/**
 * `node bench/emulator-month.js [--companies 4500] [--file F.jsonl] [--emulator CLI.js] [--concurrency 8] [--batch-size 100]`:
 * a generated month replayed (rate limits off, on both sides) against the emulator in its own process, to show what the
 * emulator costs at month scale: its CPU time and share of the wall clock, its peak RSS, and the replay's
 * events/s. Needs `npm run build`. Linux only (reads /proc for the emulator's CPU and memory).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    companies: { type: 'string', default: '4500' },
    file: { type: 'string' },
    emulator: { type: 'string', default: fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)) },
    'batch-size': { type: 'string', default: '100' },
    concurrency: { type: 'string', default: '8' },
  },
});
const CLI = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../dist/sample/main.js', import.meta.url));
const log = (message) => process.stderr.write(`bench: ${message}\n`);

function run(command, argv, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [command, ...argv], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}`))));
  });
}

/** User + system CPU seconds and peak RSS (MB) of a live process, from /proc. */
function usage(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuSeconds: ticks / 100, peakRssMb: hwm ? Number(hwm[1]) / 1024 : Number.NaN };
}

const file = args.file ?? `/tmp/attio-plg-month-${args.companies}.jsonl`;
if (!existsSync(file)) {
  log(`generating ${args.companies} accounts into ${file}`);
  await run(SAMPLE, ['--companies', args.companies, '--out', file]);
}
const events = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;

const emulator = spawn(process.execPath, [args.emulator, 'emulator', '--port', '0', '--rate-limit', 'off'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  emulator.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]);
  });
  emulator.on('exit', (code) => reject(new Error(`emulator exited ${code}`)));
});
// The connector keeps to Attio's budgets by itself; raised here so the emulator, not the budget, sets the pace.
const config = '/tmp/attio-plg-bench-unthrottled.json';
writeFileSync(config, JSON.stringify({ readsPerSecond: 100_000, writesPerSecond: 100_000 }));
log(`replaying ${events} events against ${url}`);
const before = usage(emulator.pid);
const started = performance.now();
const output = await run(
  CLI,
  [
    'replay',
    file,
    '--api-url',
    url,
    '--config',
    config,
    '--batch-size',
    args['batch-size'],
    '--concurrency',
    args.concurrency,
    '--json',
  ],
  { ATTIO_API_KEY: 'emulator-key' },
);
const seconds = (performance.now() - started) / 1000;
const after = usage(emulator.pid);
emulator.kill('SIGTERM');
const summary = JSON.parse(output.trim().split('\n').at(-1));
const cpu = after.cpuSeconds - before.cpuSeconds;
const result = {
  events,
  applied: summary.applied,
  failed: summary.failed,
  requests: summary.requests,
  seconds: Number(seconds.toFixed(1)),
  eventsPerSecond: Math.round(events / seconds),
  requestsPerSecond: Math.round(summary.requests / seconds),
  emulatorCpuSeconds: Number(cpu.toFixed(1)),
  emulatorCpuShare: `${Math.round((cpu / seconds) * 100)}%`,
  emulatorCpuMsPerRequest: Number(((cpu * 1000) / summary.requests).toFixed(3)),
  emulatorPeakRssMb: Math.round(after.peakRssMb),
};
process.stdout.write(`${JSON.stringify(result)}\n`);
