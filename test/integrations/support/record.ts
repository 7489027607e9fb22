/**
 * Writes test/integrations/destinations/attio_plg/{network.ts, router/data.ts, processor/data.ts}, as
 * rudder-transformer's `--generate=true` records a destination's calls: `npx vite-node test/integrations/support/record.ts`.
 *
 * 1. Every case of ./cases.ts runs against the emulator (plg-demo seed); each Attio call the transformer
 *    makes is recorded as a network.ts item at https://api.attio.com. A case with `attioFault` gets its first
 *    read answered with that status instead. Cases use people of their own, so no two items collide. A
 *    request a case repeats keeps its first answer only, as rudder-transformer's runner serves it (its
 *    axios mocks answer with the first item that matches).
 * 2. A fresh process (`--outputs`) answers every case from network.ts alone, as the component test will,
 *    and writes the answers as each case's expected output. Review the diff before committing it.
 *
 * The files are written as rudder-transformer's are: TypeScript typed as its RouterTestData and
 * ProcessorTestData, the token from maskedSecrets.ts, formatted with its Prettier settings.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import * as prettier from 'prettier';
import { startEmulator } from '../../../src/emulator/index.js';
import { authHeader1, CASES, requestBody, secret1, type AttioPlgCase } from './cases.js';
import type { MockHttpCall } from './network-mocks.js';
import { answer } from './transformer.js';

const OUT = new URL('../destinations/attio_plg/', import.meta.url);
const ATTIO = 'https://api.attio.com';
/** Workspace metadata: the transformer reads it once per destination and caches it. */
const METADATA_PATH =
  /^\/v2\/(self|objects|lists|workspace_members|objects\/[^/]+\/attributes(\/[^/]+\/(options|statuses))?)$/;

const FAULTS: Record<number, MockHttpCall['httpRes']> = {
  429: {
    status: 429,
    data: {
      status_code: 429,
      type: 'rate_limit_error',
      code: 'rate_limit_exceeded',
      message: 'Rate limit exceeded, please try again later',
    },
    headers: { 'retry-after': '0' },
  },
  503: {
    status: 503,
    data: {
      status_code: 503,
      type: 'api_error',
      code: 'service_unavailable',
      message: 'Service temporarily unavailable',
    },
  },
};

interface Recorded {
  method: string;
  path: string;
  body?: unknown;
  status: number;
  response: unknown;
}

function toMock(call: Recorded): MockHttpCall {
  const url = new URL(call.path, ATTIO);
  const params = Object.fromEntries(url.searchParams);
  const body = typeof call.body === 'string' && call.body !== '' ? (JSON.parse(call.body) as unknown) : call.body;
  return {
    httpReq: {
      url: `${ATTIO}${url.pathname}`,
      method: call.method,
      ...(Object.keys(params).length > 0 ? { params } : {}),
      ...(body === undefined || body === '' ? {} : { data: body }),
      headers: { Authorization: authHeader1 },
    },
    httpRes: { status: call.status, data: call.response },
  };
}

const isRead = (mock: MockHttpCall) => mock.httpReq.method === 'GET' || mock.httpReq.url.endsWith('/query');
const keyOf = (mock: MockHttpCall) => JSON.stringify(mock.httpReq);

function firstJobIds(cases: readonly AttioPlgCase[]): number[] {
  let next = 1;
  return cases.map((c) => {
    const first = next;
    next += c.events.length;
    return first;
  });
}

async function recordNetwork(): Promise<void> {
  const emulator = await startEmulator({ seed: 'plg-demo', apiKey: secret1 });
  nock.recorder.rec({ output_objects: true, dont_print: true });
  const mocks: MockHttpCall[] = [];
  /** Per request: the case that made it and its answers so far (a case may read, create and read again). */
  const seen = new Map<string, { caseId: string; answers: string[] }>();
  const jobIds = firstJobIds(CASES);
  try {
    for (const [index, testCase] of CASES.entries()) {
      const before = nock.recorder.play().length;
      await answer(testCase.feature, requestBody(testCase, jobIds[index] ?? 1), { ATTIO_API_URL: emulator.url });
      const calls = (nock.recorder.play().slice(before) as unknown as Recorded[]).map(toMock);
      if (testCase.attioFault !== undefined) {
        const read = calls.find((call) => isRead(call) && !METADATA_PATH.test(new URL(call.httpReq.url).pathname));
        if (read === undefined)
          throw new Error(
            `${testCase.id}: no Attio read to fail among ${calls.map((c) => `${c.httpReq.method} ${c.httpReq.url}`).join(', ')}`,
          );
        read.httpRes = FAULTS[testCase.attioFault] ?? read.httpRes;
      }
      for (const call of calls) {
        const answer = JSON.stringify(call.httpRes);
        const known = seen.get(keyOf(call));
        if (known === undefined) seen.set(keyOf(call), { caseId: testCase.id, answers: [answer] });
        else if (known.caseId !== testCase.id && !known.answers.includes(answer)) {
          throw new Error(
            `${testCase.id}: ${call.httpReq.method} ${call.httpReq.url} answered differently in ${known.caseId}; give the case people of its own`,
          );
        } else continue;
        mocks.push(call);
      }
    }
  } finally {
    nock.restore();
    await emulator.close();
  }
  await writeTypeScript(
    new URL('network.ts', OUT),
    [
      '/** Attio calls of the attio_plg cases, recorded from the emulator by test/integrations/support/record.ts. */',
      "import { authHeader1 } from './maskedSecrets';",
      '',
      `export const networkCallsData = ${literal(mocks)};`,
    ].join('\n'),
  );
}

/** JSON as a TypeScript literal, the token and its header written as maskedSecrets' names. */
function literal(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replaceAll(JSON.stringify(authHeader1), 'authHeader1')
    .replaceAll(JSON.stringify(secret1), 'secret1');
}

async function writeTypeScript(file: URL, source: string): Promise<void> {
  const path = fileURLToPath(file);
  const options = await prettier.resolveConfig(path);
  writeFileSync(file, await prettier.format(`${source}\n`, { ...options, filepath: path }));
}

async function writeOutputs(): Promise<void> {
  const { serveNetworkCalls } = await import('./network-mocks.js');
  const { networkCallsData } = (await import(new URL('network.ts', OUT).href)) as { networkCallsData: MockHttpCall[] };
  nock.disableNetConnect();
  serveNetworkCalls(networkCallsData);
  const jobIds = firstJobIds(CASES);
  const data: Record<string, unknown[]> = { processor: [], router: [] };
  // In the component test's order (its data files alphabetically), so each answer is the one it will get.
  const order = [...CASES.entries()].sort(([, a], [, b]) => a.feature.localeCompare(b.feature));
  for (const [index, testCase] of order) {
    const body = requestBody(testCase, jobIds[index] ?? 1);
    const output = await answer(testCase.feature, body);
    data[testCase.feature]?.push({
      id: testCase.id,
      name: 'attio_plg',
      description: testCase.description,
      scenario: testCase.scenario,
      successCriteria: testCase.successCriteria,
      feature: testCase.feature,
      module: 'destination',
      version: 'v0',
      input: { request: { method: 'POST', body } },
      output: { response: { status: 200, body: output } },
    });
  }
  for (const [feature, cases] of Object.entries(data)) {
    const type = feature === 'router' ? 'RouterTestData' : 'ProcessorTestData';
    await writeTypeScript(
      new URL(`${feature}/data.ts`, OUT),
      [
        `/** attio_plg ${feature} cases in rudder-transformer's format; outputs recorded by test/integrations/support/record.ts. */`,
        `import type { ${type} } from '../../../testTypes';`,
        "import { authHeader1, secret1 } from '../maskedSecrets';",
        '',
        `export const data: ${type}[] = ${literal(cases)};`,
      ].join('\n'),
    );
  }
}

if (process.argv.includes('--outputs')) {
  await writeOutputs();
} else {
  await recordNetwork();
  const viteNode = fileURLToPath(new URL('../../../node_modules/.bin/vite-node', import.meta.url));
  const result = spawnSync(viteNode, [fileURLToPath(import.meta.url), '--outputs'], { stdio: 'inherit' });
  process.exitCode = result.status ?? 1;
}
