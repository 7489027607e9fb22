/**
 * The zod restatement of rudder-transformer's response schemas (test/support/rudder-transformer-schemas.ts)
 * refuses what theirs refuses, so a RudderStack test that passes them would pass rudder-transformer's own.
 */
import { describe, expect, it } from 'vitest';
import { processorSchemaProblems, routerSchemaProblems } from '../../support/rudder-transformer-schemas.js';

const request = {
  version: '1',
  type: 'REST',
  method: 'PUT',
  endpoint: 'https://api.attio.com/v2/objects/people/records',
  headers: {},
  params: {},
  body: { JSON: { data: {} }, JSON_ARRAY: {}, XML: {}, FORM: {} },
  files: {},
};
const routerEntry = { metadata: [{ jobId: 1 }], destination: { ID: 'd' }, batched: false };

describe('rudder-transformer response schemas', () => {
  it('router: accepts a 200 entry with requests and an error entry with tags', () => {
    expect(
      routerSchemaProblems([
        { ...routerEntry, statusCode: 200, batchedRequest: [request] },
        {
          ...routerEntry,
          statusCode: 400,
          error: 'traits.email: is required',
          statTags: { errorType: 'instrumentation' },
        },
      ]),
    ).toEqual([]);
    expect(routerSchemaProblems([{ ...routerEntry, statusCode: 299, batchedRequest: request }])).toEqual([]);
  });

  it('router: refuses a 2xx entry without requests (298 and 299 too), an error without detail, metadata that is not an array, a missing destination', () => {
    expect(routerSchemaProblems([{ ...routerEntry, statusCode: 299, batchedRequest: [] }])).toEqual([
      "0.batchedRequest: batchedRequest can't be empty when status is 2XX",
    ]);
    expect(routerSchemaProblems([{ ...routerEntry, statusCode: 298 }])).toEqual([
      "0.batchedRequest: batchedRequest can't be empty when status is 2XX",
    ]);
    expect(routerSchemaProblems([{ ...routerEntry, statusCode: 500, error: '', statTags: {} }])).toEqual([
      "0.statTags.error: statTags and error can't be empty when status is not a 2XX",
    ]);
    expect(routerSchemaProblems([{ ...routerEntry, metadata: { jobId: 1 }, statusCode: 500, error: 'x' }])).toEqual([
      '0.metadata: Invalid input: expected array, received object',
    ]);
    const { destination: _destination, ...withoutDestination } = routerEntry;
    expect(routerSchemaProblems([{ ...withoutDestination, statusCode: 500, error: 'x' }])).toEqual([
      '0.destination: Invalid input: expected record, received undefined',
    ]);
  });

  it('processor: a 2xx needs an output request, an error needs detail', () => {
    expect(processorSchemaProblems([{ output: request, metadata: { jobId: 1 }, statusCode: 200 }])).toEqual([]);
    expect(
      processorSchemaProblems([
        { output: { statusCode: 299, status: 'applied', workflows: [] }, metadata: { jobId: 1 }, statusCode: 200 },
      ]).length,
    ).toBeGreaterThan(0);
    expect(processorSchemaProblems([{ metadata: { jobId: 1 }, statusCode: 200 }])).toEqual([
      "0.output: output can't be empty when status is 2XX",
    ]);
    expect(processorSchemaProblems([{ metadata: { jobId: 1 }, statusCode: 429 }])).toEqual([
      "0.statTags.error: statTags and error can't be empty when status is not a 2XX",
    ]);
  });

  it('processor: a filtered event answered as a thrown 298 (no output) is refused, which is why the processor stage answers it with an InstrumentationError', () => {
    const filtered = {
      metadata: { jobId: 1 },
      statusCode: 298,
      error: 'Event "Page Scrolled" is not in the tracking plan',
      statTags: { destType: 'ATTIO_PLG' },
    };
    expect(processorSchemaProblems([filtered])).toEqual(["0.output: output can't be empty when status is 2XX"]);
    expect(
      processorSchemaProblems([
        { ...filtered, statusCode: 400, statTags: { errorCategory: 'dataValidation', errorType: 'instrumentation' } },
      ]),
    ).toEqual([]);
  });
});
