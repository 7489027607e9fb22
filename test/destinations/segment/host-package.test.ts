/**
 * attio-plg-segment installed into a host with an @segment/actions-core of its own, as action-destinations
 * would have it: the tarball `npm run pack:hosts` writes, extracted into a project whose actions-core is
 * 3.158.0 (with the monorepo's ajv 8.18.0 and fast-uri 3.1.0), a version this repository does not build
 * with. Plain node, with no test runner mapping modules, runs a batch through the host's own runtime
 * (`createTestIntegration(...).testBatchAction`): each payload keeps its own status only if the package's
 * MultiStatusResponse is the host's class, which it is only if nothing nests a second actions-core.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../../src/emulator/index.js';
import {
  BUILT,
  hostProject,
  installTarball,
  linkHostLibrary,
  packed,
  ROOT,
  sizeOf,
} from '../../support/host-fixture.js';

const run = promisify(execFile);

/** The host's batch, through its own runtime: a valid signup, and one whose first name holds a control character. */
const BATCH_SCRIPT = `
const { createTestIntegration, defaultValues } = require('@segment/actions-core');
const { dirname } = require('node:path');
const definition = require('attio-plg-segment').default;
const destination = createTestIntegration(definition);
const signedUp = (messageId, email, firstName) => ({
  type: 'track', event: 'Signed Up', messageId, userId: 'u-' + messageId, timestamp: '2024-11-04T10:00:00.000Z',
  context: { traits: { email, firstName, lastName: 'Lovelace' } }, properties: { plan: 'trial' },
});
destination
  .testBatchAction('signup', {
    events: [signedUp('host-1', 'ada@host-fixture.io', 'Ada'), signedUp('host-2', 'eve@host-fixture.io', 'Eve\\u0007')],
    settings: { apiKey: process.env.KEY },
    mapping: { ...defaultValues(definition.actions.signup.fields), product_objects: 'off' },
  })
  .then(() => {
    const multistatus = destination.results[0].multistatus;
    const packageDir = dirname(require.resolve('attio-plg-segment'));
    console.log(JSON.stringify({
      statuses: multistatus.map((entry) => entry.status),
      errors: multistatus.map((entry) => entry.errormessage ?? null),
      hostCore: require.resolve('@segment/actions-core'),
      packageCore: require.resolve('@segment/actions-core', { paths: [packageDir] }),
    }));
  });
`;

/** How a monorepo destination imports it: the definition, typed with the host's own actions-core. */
const TYPED_CONSUMER = `import destination from 'attio-plg-segment'
import type { DestinationDefinition } from '@segment/actions-core'
import type { Settings } from 'attio-plg-segment'

const definition: DestinationDefinition<Settings> = destination
export default definition
`;

/** action-destinations' compiler options, as tsconfig.segment.json restates them, without its project settings. */
function monorepoCompilerOptions(): Record<string, unknown> {
  const text = readFileSync(join(ROOT, 'tsconfig.segment.json'), 'utf8').replace(/^\s*\/\/.*$/gm, '');
  const { compilerOptions } = JSON.parse(text) as { compilerOptions: Record<string, unknown> };
  const { composite: _composite, rootDir: _rootDir, outDir: _outDir, ...options } = compilerOptions;
  return options;
}

describe.skipIf(!BUILT)('attio-plg-segment in a host with its own actions-core', () => {
  let emulator: EmulatorHandle;
  let project: string;
  let installed: string;
  let tarball: string;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'plg-demo' });
    tarball = packed('attio-plg-segment');
    project = hostProject('segment-host');
    linkHostLibrary(project, '@segment/actions-core', 'segment-actions-core-host');
    installed = installTarball(project, 'attio-plg-segment', tarball);
    writeFileSync(join(project, 'run-batch.js'), BATCH_SCRIPT);
  }, 120_000);
  afterAll(async () => {
    rmSync(project, { recursive: true, force: true });
    await emulator.close();
  });

  it('the host is the one described: actions-core 3.158.0 on ajv 8.18.0 and fast-uri 3.1.0', () => {
    const core = realpathSync(join(project, 'node_modules/@segment/actions-core'));
    const versionOf = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    expect(versionOf(core)).toBe('3.158.0');
    expect(versionOf(join(ROOT, 'node_modules/ajv'))).toBe('8.18.0');
    expect(versionOf(join(ROOT, 'node_modules/fast-uri'))).toBe('3.1.0');
  });

  it('plain node runs a batch through the host’s runtime: the valid signup 200, the one the destination rejects 400', async () => {
    const env = { PATH: process.env.PATH, KEY: EMULATOR_API_KEY, ATTIO_API_URL: emulator.url };
    const { stdout } = await run(process.execPath, ['--no-experimental-require-module', 'run-batch.js'], {
      cwd: project,
      env,
    });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      statuses: number[];
      errors: Array<string | null>;
      hostCore: string;
      packageCore: string;
    };
    expect(result.statuses).toEqual([200, 400]);
    expect(result.errors[1]).toMatch(/control characters/);
    // One actions-core: the package resolves the host's.
    expect(result.packageCore).toBe(result.hostCore);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
    // The signup reached Attio (the emulator), the rejected one did not.
    expect(emulator.requests.some((request) => request.method === 'PUT' && request.path.startsWith('/v2/lists/'))).toBe(
      true,
    );
  });

  it('TypeScript 5.5.4 with the monorepo’s options type-checks the package against the host’s actions-core', async () => {
    linkHostLibrary(project, '@types', '@types');
    mkdirSync(join(project, 'src'), { recursive: true });
    writeFileSync(join(project, 'src/index.ts'), TYPED_CONSUMER);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...monorepoCompilerOptions(), noEmit: true }, include: ['src'] }),
    );
    const tsc = join(ROOT, 'node_modules/typescript-5.5/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', project], { cwd: project }).catch(
      (error: { stdout: string }) => error,
    );
    expect('stdout' in result ? result.stdout : '').toBe('');
  });

  it('the package installs nothing else: actions-core a peer covering the hosts’ versions, Node 20.12 and 22.13 allowed, about a megabyte', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
    expect(manifest['peerDependencies']).toEqual({ '@segment/actions-core': '>=3.158.0 <4' });
    const range = (manifest['peerDependencies'] as Record<string, string>)['@segment/actions-core'] ?? '';
    for (const version of ['3.158.0', '3.170.0', '3.177.0'])
      expect(semver.satisfies(version, range), version).toBe(true);
    const engines = (manifest['engines'] as { node: string }).node;
    for (const node of ['20.12.0', '22.13.1']) expect(semver.satisfies(node, engines), node).toBe(true);
    // The bundle requires nothing but the host's actions-core and Node's own modules.
    const required = new Set(
      [...readFileSync(join(installed, 'index.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]),
    );
    expect([...required].filter((name) => !name?.startsWith('node:'))).toEqual(['@segment/actions-core']);
    expect(sizeOf(installed)).toBeLessThan(10 * 1024 * 1024);
  });
});
