/**
 * The destination as the platforms load it: the built package (dist/, `npm test` builds it first) from plain
 * node, as CommonJS with require(esm) switched off, and under Jest 27 with ts-jest in a project configured as
 * action-destinations is; and the sources under action-destinations' compiler options.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../../src/emulator/index.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/cjs-consumer/', import.meta.url));
const BUILT =
  existsSync(join(ROOT, 'dist/cjs/segment.js')) && existsSync(join(ROOT, 'dist/destinations/segment/index.js'));
const ACTIONS = [
  'signup',
  'trackMilestone',
  'updatePqlScore',
  'salesHandoff',
  'identifyUser',
  'groupWorkspace',
  'assertRecord',
];

/** A project outside this repository with attio-plg installed (linked) in its node_modules. */
function consumerProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'attio-plg-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(ROOT, join(dir, 'node_modules/attio-plg'), 'dir');
  return dir;
}

let emulator: EmulatorHandle;
beforeAll(async () => {
  emulator = await startEmulator({ seed: 'plg-demo' });
});
afterAll(() => emulator.close());

// `npm test` builds dist/ first; a bare `vitest run` without a build skips this with the reason shown.
describe.skipIf(!BUILT)('the built package', () => {
  it('plain node imports attio-plg/segment (ESM) and runs an action on Segment’s runtime', async () => {
    const script = `
      import definition from 'attio-plg/segment';
      import { createRequire } from 'node:module';
      const { Destination } = createRequire(import.meta.url)('@segment/actions-core');
      const destination = new Destination(definition);
      const results = await destination.onEvent(
        { type: 'track', event: 'Signed Up', messageId: 'm-1', timestamp: '2024-11-04T10:00:00.000Z', context: { traits: {} }, properties: {} },
        { apiKey: 'k', subscription: definition.presets[0] },
      ).catch((error) => [{ error: error.name + ': ' + error.message }]);
      console.log(JSON.stringify({ name: definition.name, actions: Object.keys(definition.actions), results }));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT });
    const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
    expect(parsed.name).toBe('Attio PLG (Actions)');
    expect(parsed.actions).toEqual(ACTIONS);
    // The subscription matched and the payload was validated before any request: no email, no network.
    expect(parsed.results).toEqual([
      { error: "AggregateAjvError: The root value is missing the required field 'email'." },
    ]);
  });

  it('require() loads attio-plg/segment and attio-plg/rudderstack with require(esm) switched off, and the Segment one delivers to ATTIO_API_URL', async () => {
    const script = `
      const definition = require('attio-plg/segment').default;
      const rudderstack = require('attio-plg/rudderstack');
      const { Destination } = require('@segment/actions-core');
      new Destination(definition)
        .onEvent(
          { type: 'track', event: 'Signed Up', messageId: 'cjs-1', timestamp: '2024-11-04T10:00:00.000Z', context: { traits: { email: 'cjs@required.io' } }, properties: {} },
          { apiKey: process.env.KEY, subscriptions: definition.presets },
        )
        .then((results) => {
          const subscribed = results.filter((r) => r.output !== 'not subscribed').map((r) => r.output);
          console.log(JSON.stringify({ name: definition.name, rudderstack: [typeof rudderstack.process, typeof rudderstack.processRouterDest], subscribed }));
        });
    `;
    const cwd = consumerProject();
    emulator.reset();
    try {
      // @segment/actions-core is the consumer's own dependency: here, this repository's (found through NODE_PATH).
      const env = {
        PATH: process.env.PATH,
        KEY: EMULATOR_API_KEY,
        ATTIO_API_URL: emulator.url,
        NODE_PATH: join(ROOT, 'node_modules'),
      };
      const { stdout } = await run(process.execPath, ['--no-experimental-require-module', '-e', script], { cwd, env });
      const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}');
      expect(parsed).toEqual({
        name: 'Attio PLG (Actions)',
        rudderstack: ['function', 'function'],
        subscribed: ['Mappings resolved', 'Payload validated', 'Action Executed'],
      });
      const writes = emulator.requests.filter((r) => r.write).map((r) => `${r.method} ${r.path}`);
      expect(writes).toEqual([
        'PUT /v2/objects/companies/records',
        'PUT /v2/objects/people/records',
        'PUT /v2/lists/active_trials/entries',
      ]);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('runs under Jest 27 with ts-jest (isolatedModules), as action-destinations tests a destination', async () => {
    const link = join(FIXTURE, 'node_modules/attio-plg');
    rmSync(join(FIXTURE, 'node_modules'), { recursive: true, force: true });
    mkdirSync(join(FIXTURE, 'node_modules'));
    symlinkSync(ROOT, link, 'dir');
    const jest = join(ROOT, 'node_modules/jest/bin/jest.js');
    const env = {
      PATH: process.env.PATH,
      ATTIO_API_URL: emulator.url,
      FIXTURE_ATTIO_API_KEY: EMULATOR_API_KEY,
      NODE_OPTIONS: '--no-experimental-require-module',
      TZ: 'UTC',
    };
    const result = await run(process.execPath, [jest, '--ci', '--no-watchman', '--json'], { cwd: FIXTURE, env }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    const report = JSON.parse(result.stdout) as {
      numPassedTests: number;
      numFailedTests: number;
      testResults: Array<{ message: string }>;
    };
    expect(report.testResults.map((r) => r.message).join('\n')).toBe('');
    expect([report.numPassedTests, report.numFailedTests]).toEqual([2, 0]);
  }, 60_000);

  it('the Segment bundle inlines p-queue and the free-mail list, keeps actions-core external, and never reaches got', () => {
    const bundle = readFileSync(join(ROOT, 'dist/cjs/segment.js'), 'utf8');
    expect(bundle).toContain('// node_modules/p-queue/');
    expect(bundle).toContain('// node_modules/email-providers/all.json');
    expect(bundle).toContain('require("@segment/actions-core")');
    expect(bundle).not.toContain('node_modules/got/');
    expect(bundle).not.toMatch(/import\.meta|Object\.hasOwn\(/);
  });
});

describe('the sources under action-destinations’ compiler options', () => {
  it('tsconfig.segment.json (CommonJS, ES2020, node10 resolution, strict, no unused) type-checks the destination', async () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.segment.json', '--noEmit'], { cwd: ROOT }).catch(
      (error: { stdout: string; code: number }) => error,
    );
    expect(result.stdout).toBe('');
    const config = JSON.parse(
      readFileSync(join(ROOT, 'tsconfig.segment.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''),
    ) as { compilerOptions: Record<string, unknown> };
    expect(config.compilerOptions).toMatchObject({
      module: 'commonjs',
      target: 'es2020',
      lib: ['es2020'],
      moduleResolution: 'node',
      noUnusedLocals: true,
      noUnusedParameters: true,
    });
  }, 120_000);
});

if (!BUILT) console.warn('dist/ is absent: run `npm run build` to test the built package');
