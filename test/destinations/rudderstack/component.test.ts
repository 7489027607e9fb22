/**
 * Component tests in rudder-transformer's style: each case is an input request body and the expected output
 * body, with Attio's side pinned by nock. The processor harness plays the transformer service: a resolved
 * `process` becomes `{output, metadata, statusCode: 200}`, a thrown error `{metadata, statusCode, error, statTags}`.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { process, processRouterDest } from '../../../src/destinations/rudderstack/index.js';
import { errorCases } from './data/errors.js';
import { processorCases, type ProcessorCase } from './data/processor.js';
import { routerCases } from './data/router.js';
import { API_KEY, expectEachJobOnce, pinAttio, serveWorkspaceMetadata } from './support.js';

async function processorResponse(body: ProcessorCase['input']['request']['body']): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const event of body) {
    try {
      out.push({ output: await process(event), metadata: event.metadata, statusCode: 200 });
    } catch (error) {
      const e = error as { status: number; message: string; statTags: unknown };
      out.push({ metadata: event.metadata, statusCode: e.status, error: e.message, statTags: e.statTags });
    }
  }
  return out;
}

beforeAll(async () => {
  await serveWorkspaceMetadata();
});

let pinned: nock.Scope | undefined;
afterEach(async () => {
  const pending = pinned?.pendingMocks() ?? [];
  pinned = undefined;
  nock.cleanAll();
  await serveWorkspaceMetadata();
  // A call left unmade means the workflow did less than the case says.
  expect(pending).toEqual([]);
});

describe('RudderStack processor: process(event)', () => {
  for (const testCase of [...processorCases, ...errorCases]) {
    it(`${testCase.name}: ${testCase.description}`, async () => {
      pinned = pinAttio(testCase.attio);
      const body = await processorResponse(testCase.input.request.body);
      expect(body).toEqual(testCase.output.response.body);
      expect(JSON.stringify(body)).not.toContain(API_KEY);
    });
  }
});

describe('RudderStack router: processRouterDest(inputs)', () => {
  for (const testCase of routerCases) {
    it(`${testCase.name}: ${testCase.description}`, async () => {
      pinned = pinAttio(testCase.attio);
      const output = await processRouterDest(testCase.input.request.body.input, {});
      expectEachJobOnce(testCase.input.request.body.input, output);
      expect({ output }).toEqual(testCase.output.response.body);
      expect(JSON.stringify(output)).not.toContain(API_KEY);
    });
  }
});
