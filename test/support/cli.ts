/** Runs the built CLI (dist/cli/main.js) as a subprocess, as a user would, and collects its output. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
export const CLI_BUILT = existsSync(CLI);
if (!CLI_BUILT) console.warn(`${CLI} is missing: run \`npm run build\` (npm test does) to run the CLI tests`);

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The last stdout line of `replay --json`, parsed. */
export function jsonSummary(run: CliRun): Record<string, unknown> {
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as Record<string, unknown>;
}

export interface Served {
  url: string;
  /** Everything printed so far, stdout and stderr. */
  output(): string;
  /** The JSON log lines printed so far. */
  logLines(): Array<Record<string, unknown>>;
  /** Sends `signal` and resolves once the process has exited. */
  stop(signal?: NodeJS.Signals): Promise<{ code: number | null; output: string }>;
}

/** Starts the built CLI's `serve` (on a fresh data directory unless args name one) and resolves once it says where it listens. */
export function startServe(env: Record<string, string>, args: string[] = []): Promise<Served> {
  const dataDir = args.includes('--data-dir') ? [] : ['--data-dir', mkdtempSync(join(tmpdir(), 'attio-plg-serve-'))];
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...dataDir, ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    const served: Omit<Served, 'url'> = {
      output: () => output,
      logLines: () =>
        output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>),
      async stop(signal = 'SIGTERM') {
        child.kill(signal);
        return { code: await exited, output };
      },
    };
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/[^\s"]+)/.exec(output)?.[1];
      if (url) resolve({ url, ...served });
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => reject(new Error(`serve exited (${code}) before listening: ${output}`)));
  });
}
