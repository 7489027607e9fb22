/**
 * attio-plg in rudder-transformer, as its README recipe adds it: the fixture holds rudder-transformer's
 * files for the destination (src/v0/destinations/attio_plg/transform.js re-exporting
 * `require('attio-plg/rudderstack')`, the features.ts line) with the built package linked in node_modules.
 * Plain node loads the shim with require(esm) switched off, and Jest 27 with ts-jest runs it, both against
 * the emulator named by ATTIO_API_URL, as a transformer host would.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../../src/emulator/index.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/rudder-transformer/', import.meta.url));
const BUILT = existsSync(join(ROOT, 'dist/cjs/rudderstack.js'));

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'plg-demo' });
  rmSync(join(FIXTURE, 'node_modules'), { recursive: true, force: true });
  mkdirSync(join(FIXTURE, 'node_modules'));
  symlinkSync(ROOT, join(FIXTURE, 'node_modules/attio-plg'), 'dir');
});
afterAll(async () => {
  rmSync(join(FIXTURE, 'node_modules'), { recursive: true, force: true });
  await emulator.close();
});

const hostEnv = () => ({
  PATH: process.env.PATH,
  ATTIO_API_URL: emulator.url,
  FIXTURE_ATTIO_API_KEY: EMULATOR_API_KEY,
  TZ: 'UTC',
});

describe.skipIf(!BUILT)('attio-plg/rudderstack loaded as rudder-transformer loads a destination', () => {
  it('plain node, require(esm) switched off: the shim exports process and processRouterDest, which answer every job', async () => {
    const script = `
      const handler = require('./src/v0/destinations/attio_plg/transform');
      const destination = { ID: 'attio-plg-node', WorkspaceID: 'ws', Config: { apiKey: process.env.FIXTURE_ATTIO_API_KEY, productObjects: 'off' } };
      const at = '2024-11-04T10:00:00.000Z';
      const job = (jobId, event, email) => ({ message: { type: 'track', messageId: 'node-' + jobId, userId: 'u' + jobId, timestamp: at, event, properties: {}, context: { traits: { email } } }, metadata: { jobId }, destination });
      handler.processRouterDest([job(1, 'Page Scrolled', 'a@node-host.io'), job(2, 'Signed Up', 'not-an-email'), job(3, 'Signed Up', 'ada@node-host.io')], {}).then((output) => {
        const statuses = output.flatMap((entry) => entry.metadata.map((m) => [m.jobId, entry.statusCode])).sort((a, b) => a[0] - b[0]);
        console.log(JSON.stringify({ exports: Object.keys(handler).sort(), statuses }));
      });
    `;
    const { stdout } = await run(process.execPath, ['--no-experimental-require-module', '-e', script], {
      cwd: FIXTURE,
      env: hostEnv(),
    });
    const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      exports: string[];
      statuses: Array<[number, number]>;
    };
    expect(parsed.exports).toEqual(['process', 'processRouterDest']);
    expect(parsed.statuses.slice(0, 2)).toEqual([
      [1, 298],
      [2, 400],
    ]);
    expect([200, 299]).toContain(parsed.statuses[2]?.[1]);
  });

  it('Jest 27 with ts-jest, as rudder-transformer runs its tests, loads the folder and gets the host’s own error classes', async () => {
    const jest = join(ROOT, 'node_modules/jest/bin/jest.js');
    const env = { ...hostEnv(), NODE_OPTIONS: '--no-experimental-require-module' };
    const result = await run(process.execPath, [jest, '--ci', '--no-watchman', '--json'], { cwd: FIXTURE, env }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    const report = JSON.parse(result.stdout) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: Array<{ message: string }>;
    };
    expect(report.testResults.map((r) => r.message).join('\n')).toBe('');
    expect([report.numPassedTests, report.numFailedTests]).toEqual([3, 0]);
  }, 60_000);
});

if (!BUILT)
  console.warn(
    'dist/cjs/rudderstack.js is absent: run `npm run build` to test loading attio-plg/rudderstack from CommonJS',
  );
