/**
 * attio-plg-rudderstack installed into a host shaped as rudder-transformer is: zod 3.24.2 hoisted, an
 * integrations-lib other than the one this repository builds with, axios, and the destination folder
 * (src/v0/destinations/attio_plg/transform.js) as the RudderStack docs write it, passing the host's
 * src/adapters/network.js (here the axios-based stand-in written from it, test/support/rudder-transformer-network.cjs).
 * Plain node runs every component case of test/integrations/destinations/attio_plg with axios-mock-adapter
 * serving network.ts as rudder-transformer's runner registers it; rudder-transformer's service (this
 * repository's model of its routes) turns those answers into the HTTP bodies the cases expect.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BaseError } from '@rudderstack/integrations-lib';
import semver from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  processorTransformService,
  routerTransformService,
  type NativeDestination,
  type RouterTransformRequest,
} from '../../../src/simulators/rudder-transformer.js';
import { networkCallsData } from '../../integrations/destinations/attio_plg/network.js';
import { data as processorCases } from '../../integrations/destinations/attio_plg/processor/data.js';
import { data as routerCases } from '../../integrations/destinations/attio_plg/router/data.js';
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

/** The destination folder, as docs/hosts.md tells a contributor to write it. */
const SHIM = `// The attio_plg destination is the attio-plg-rudderstack package, on this transformer's HTTP layer.
const { withHostNetwork } = require('attio-plg-rudderstack');

module.exports = withHostNetwork(require('../../../adapters/network'));
`;

/** The stand-in for src/adapters/network.js, on the host's axios. */
const NETWORK = `const axios = require('axios');
const { createHandleHttpRequest } = require('./rudder-transformer-network.cjs');

module.exports = createHandleHttpRequest(axios);
`;

/**
 * Runs the cases in the host: network.ts registered as rudder-transformer's testUtils `addMock` does (GET by
 * url and params, others by url and body, headers by an asymmetric matcher of its own per item, so the first
 * item that matches answers), then each case's inputs through the destination folder.
 */
const RUNNER = `
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');
const axios = require('axios');
const MockAdapter = require('axios-mock-adapter');
const { BaseError } = require('@rudderstack/integrations-lib');
const { cases, network } = JSON.parse(readFileSync('cases.json', 'utf8'));

const mock = new MockAdapter(axios, { onNoMatch: 'throwException' });
for (const { httpReq, httpRes } of network) {
  const { url, method, data: body, params, ...opts } = httpReq;
  const headers = { asymmetricMatch: (actual) => Object.entries(opts.headers || {}).every(([key, value]) => actual && actual[key] === value) };
  const verb = method.toLowerCase();
  const matcher = verb === 'get' ? mock.onGet(url, { params }, headers) : mock['on' + verb[0].toUpperCase() + verb.slice(1)](url, body, headers);
  matcher.reply(httpRes.status, httpRes.data, httpRes.headers);
}

const destination = require('./src/v0/destinations/attio_plg/transform');
const { outgoing } = require('./src/adapters/network');

(async () => {
  const answers = [];
  for (const testCase of cases) {
    if (testCase.feature === 'router') {
      answers.push({ id: testCase.id, router: await destination.processRouterDest(testCase.body.input, {}) });
      continue;
    }
    const events = [];
    for (const event of testCase.body) {
      try {
        events.push({ jobId: event.metadata.jobId, returned: await destination.process(event, {}) });
      } catch (error) {
        const { message, status, statTags } = error;
        events.push({ jobId: event.metadata.jobId, thrown: { message, status, statTags, hostClass: error instanceof BaseError } });
      }
    }
    answers.push({ id: testCase.id, processor: events });
  }
  const packageDir = dirname(require.resolve('attio-plg-rudderstack'));
  console.log(JSON.stringify({
    answers,
    outgoing,
    hostLib: require.resolve('@rudderstack/integrations-lib'),
    packageLib: require.resolve('@rudderstack/integrations-lib', { paths: [packageDir] }),
    zod: require.resolve('zod'),
  }));
})();
`;

interface Thrown {
  message: string;
  status: number;
  statTags: Record<string, unknown>;
  hostClass: boolean;
}

interface HostRun {
  answers: Array<{
    id: string;
    router?: unknown[];
    processor?: Array<{ jobId: number; returned?: unknown; thrown?: Thrown }>;
  }>;
  outgoing: Array<Record<string, unknown>>;
  hostLib: string;
  packageLib: string;
  zod: string;
}

/** What the host's destination answered, replayed into rudder-transformer's service model; a thrown error is the host's class only if it was one there. */
function replay(answer: HostRun['answers'][number]): NativeDestination {
  return {
    processRouterDest: async () => answer.router ?? [],
    process: async (event) => {
      const jobId = (event as { metadata: { jobId: number } }).metadata.jobId;
      const found = answer.processor?.find((entry) => entry.jobId === jobId);
      if (found?.thrown === undefined) return found?.returned;
      const { message, status, statTags, hostClass } = found.thrown;
      throw hostClass ? new BaseError(message, status, statTags) : new Error(message);
    },
  };
}

describe.skipIf(!BUILT)('attio-plg-rudderstack in a rudder-transformer-shaped host, on its HTTP layer', () => {
  let project: string;
  let installed: string;
  let host: HostRun;
  beforeAll(async () => {
    const tarball = packed('attio-plg-rudderstack');
    project = hostProject('rudderstack-host');
    linkHostLibrary(project, 'zod', 'zod-host');
    linkHostLibrary(project, '@rudderstack/integrations-lib', 'rudderstack-integrations-lib-host');
    linkHostLibrary(project, 'axios', 'axios');
    linkHostLibrary(project, 'axios-mock-adapter', 'axios-mock-adapter');
    installed = installTarball(project, 'attio-plg-rudderstack', tarball);
    mkdirSync(join(project, 'src/adapters'), { recursive: true });
    mkdirSync(join(project, 'src/v0/destinations/attio_plg'), { recursive: true });
    cpSync(
      join(ROOT, 'test/support/rudder-transformer-network.cjs'),
      join(project, 'src/adapters/rudder-transformer-network.cjs'),
    );
    writeFileSync(join(project, 'src/adapters/network.js'), NETWORK);
    writeFileSync(join(project, 'src/v0/destinations/attio_plg/transform.js'), SHIM);
    const cases = [...routerCases, ...processorCases].map((testCase) => ({
      id: testCase.id,
      feature: testCase.feature,
      body: testCase.input.request.body,
    }));
    writeFileSync(join(project, 'cases.json'), JSON.stringify({ cases, network: networkCallsData }));
    writeFileSync(join(project, 'run-cases.js'), RUNNER);
    const env = { PATH: process.env.PATH, ...(process.env['TZ'] ? { TZ: process.env['TZ'] } : {}) };
    const { stdout } = await run(process.execPath, ['--no-experimental-require-module', 'run-cases.js'], {
      cwd: project,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    host = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as HostRun;
  }, 180_000);
  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('the host is the one described: zod 3.24.2 hoisted, integrations-lib 0.2.59, and the package uses both of the host’s own', () => {
    const versionOf = (file: string, name: string) => {
      const dir = file.slice(0, file.lastIndexOf(`/node_modules/${name}/`) + `/node_modules/${name}/`.length);
      return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
    };
    expect(versionOf(realpathSync(join(project, 'node_modules/zod/package.json')), 'zod-host')).toBe('3.24.2');
    expect(
      versionOf(
        realpathSync(join(project, 'node_modules/@rudderstack/integrations-lib/package.json')),
        'rudderstack-integrations-lib-host',
      ),
    ).toBe('0.2.59');
    expect(host.packageLib).toBe(host.hostLib);
    expect(existsSync(join(installed, 'node_modules'))).toBe(false);
  });

  const all = [...routerCases, ...processorCases];
  it.each(all.map((testCase) => [testCase.id, testCase] as const))(
    '%s answers as the case expects',
    async (id, testCase) => {
      const answer = host.answers.find((entry) => entry.id === id);
      expect(answer).toBeDefined();
      const destination = replay(answer as HostRun['answers'][number]);
      const body =
        testCase.feature === 'router'
          ? await routerTransformService(destination)(testCase.input.request.body as unknown as RouterTransformRequest)
          : await processorTransformService(destination)(
              'attio_plg',
              testCase.input.request.body as unknown as Parameters<ReturnType<typeof processorTransformService>>[1],
            );
      expect(body).toEqual(testCase.output.response.body);
    },
  );

  it('errors the destination throws are the host’s integrations-lib classes', () => {
    const thrown = host.answers
      .flatMap((answer) => answer.processor ?? [])
      .flatMap((event) => (event.thrown ? [event.thrown] : []));
    expect(thrown.length).toBeGreaterThan(3);
    expect(thrown.every((error) => error.hostClass)).toBe(true);
  });

  it('every Attio call went through the host’s handleHttpRequest, tagged as its destinations tag theirs', () => {
    expect(host.outgoing.length).toBeGreaterThan(20);
    for (const call of host.outgoing) {
      expect(call).toMatchObject({ destType: 'ATTIO_PLG', feature: 'transformation' });
      expect(['router', 'processor']).toContain(call['module']);
      expect(String(call['endpointPath'])).toMatch(/^\/v2\//);
      expect(call['requestMethod']).toMatch(/^(GET|POST|PUT|PATCH|DELETE)$/);
    }
  });

  it('the package installs nothing else: integrations-lib a peer covering the hosts’ versions, zod inside, well under 5 MB', () => {
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest['dependencies']).toBeUndefined();
    const range = (manifest['peerDependencies'] as Record<string, string>)['@rudderstack/integrations-lib'] ?? '';
    for (const version of ['0.2.59', '0.2.74']) expect(semver.satisfies(version, range), version).toBe(true);
    const required = new Set(
      [...readFileSync(join(installed, 'index.js'), 'utf8').matchAll(/require\("([^"]+)"\)/g)].map(
        (match) => match[1] ?? '',
      ),
    );
    const builtins = new Set([
      'assert',
      'buffer',
      'events',
      'http',
      'http2',
      'https',
      'net',
      'stream',
      'tls',
      'url',
      'util',
      'zlib',
      'os',
      'dns',
    ]);
    expect([...required].filter((name) => !name.startsWith('node:') && !builtins.has(name))).toEqual([
      '@rudderstack/integrations-lib',
    ]);
    expect(sizeOf(installed)).toBeLessThan(5 * 1024 * 1024);
  });
});
