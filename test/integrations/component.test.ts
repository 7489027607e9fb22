/**
 * rudder-transformer's component test, for the destinations under test/integrations/destinations: every
 * `data.ts` exports `data` (cases of `{name, description, feature, module, version, input.request.body,
 * output.response}`), each destination's `network.ts` its mocked Attio calls. Each case's request goes to
 * this package through rudder-transformer's service (router or processor route), Attio answered only by
 * network.ts (nock, first match answering as in their runner; no other network); the answer must equal the
 * case’s output, pass rudder-transformer’s response schemas and, for the router, name every input jobId once.
 * The same cases run on rudder-transformer's HTTP layer in test/destinations/rudderstack/host-package.test.ts.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import nock from 'nock';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectRouterOutput,
  processorSchemaProblems,
  routerSchemaProblems,
} from '../support/rudder-transformer-schemas.js';
import { serveNetworkCalls, type MockHttpCall } from './support/network-mocks.js';
import { answer, type Feature } from './support/transformer.js';

interface TestCase {
  id?: string;
  name: string;
  description: string;
  feature: Feature;
  module: string;
  version?: string;
  input: { request: { method?: string; body: unknown } };
  output: { response: { status: number; body: unknown } };
}

const DESTINATIONS = new URL('./destinations/', import.meta.url);

async function load(destination: string): Promise<{ cases: TestCase[]; network: MockHttpCall[] }> {
  const folder = new URL(`${destination}/`, DESTINATIONS);
  const cases: TestCase[] = [];
  for (const feature of readdirSync(folder)) {
    const file = new URL(`${feature}/data.ts`, folder);
    if (existsSync(file)) cases.push(...((await import(file.href)) as { data: TestCase[] }).data);
  }
  const networkFile = new URL('network.ts', folder);
  const network = existsSync(networkFile)
    ? ((await import(networkFile.href)) as { networkCallsData: MockHttpCall[] }).networkCallsData
    : [];
  return { cases, network };
}

const destinations = existsSync(DESTINATIONS)
  ? readdirSync(fileURLToPath(DESTINATIONS), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
  : [];

for (const destination of destinations) {
  const { cases, network } = await load(destination);

  describe.skipIf(cases.length === 0)(`${destination} (rudder-transformer component cases)`, () => {
    beforeAll(() => {
      nock.cleanAll();
      serveNetworkCalls(network);
    });

    for (const testCase of cases) {
      it(`${testCase.feature} ${testCase.id ?? ''}: ${testCase.description}`, async () => {
        expect([
          testCase.name,
          testCase.module,
          testCase.input.request.method ?? 'POST',
          testCase.output.response.status,
        ]).toEqual([destination, 'destination', 'POST', 200]);
        const body = await answer(testCase.feature, testCase.input.request.body);
        expect(body).toEqual(testCase.output.response.body);
        if (testCase.feature === 'router') {
          const { output } = body as { output: unknown[] };
          expect(routerSchemaProblems(output)).toEqual([]);
          expectRouterOutput((testCase.input.request.body as { input: Array<{ metadata: unknown }> }).input, output);
        } else {
          expect(processorSchemaProblems(body)).toEqual([]);
        }
      });
    }
  });
}
