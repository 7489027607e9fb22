/** `attio-plg serve` runs the workspace check before it listens: a permanent problem stops it at start. */
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CLI, CLI_BUILT } from '../support/cli.js';

let emulator: EmulatorHandle | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe.skipIf(!CLI_BUILT)('attio-plg serve checks the workspace before it listens', () => {
  it('an unknown pqlStage: exits non-zero at start with the check’s message, and never listens', async () => {
    emulator = await startEmulator({ seed: 'plg-demo' });
    const env = { ATTIO_API_KEY: EMULATOR_API_KEY, ATTIO_API_URL: emulator.url };
    const config = join(await mkdtemp(join(tmpdir(), 'attio-plg-serve-')), 'config.json');
    await writeFile(config, JSON.stringify({ pqlStage: 'Qualified' }));
    const run = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--config', config], {
        env: { PATH: process.env.PATH, ...env, ATTIO_PLG_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      // A receiver that started anyway would never exit by itself: stop it, and the test fails on `out`.
      const timer = setTimeout(() => child.kill('SIGTERM'), 20_000);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, out, err });
      });
    });
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(emulator.requests.filter((r) => r.write)).toEqual([]);
    expect(run.err).toMatch(
      /^attio-plg: serve: the Attio workspace is not ready for this configuration: \(1\) pqlStage: deal stage "Qualified" does not exist; deals\.stage has: Lead, Product Qualified, Sales Qualified, In Progress, Won 🎉, Lost — fix: run `attio-plg setup --apply`/,
    );
  });
});
