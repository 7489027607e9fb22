import { describe, expect, it } from 'vitest';
import { AttioClient } from '../../../src/core/attio/index.js';
import type { AttioRequest, Transport } from '../../../src/core/attio/index.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE } from '../../support/openapi.js';
import { OPERATIONS } from './operations.js';

const openApi = loadAttioOpenApi();
if (!openApi) console.warn(OPENAPI_ABSENT_MESSAGE);

describe.skipIf(!openApi)("the client's requests against Attio's OpenAPI document", () => {
  for (const op of OPERATIONS) {
    it(`${op.name} builds a request the document accepts`, async () => {
      const sent: AttioRequest[] = [];
      const recording: Transport = {
        async send(request) {
          sent.push(request);
          return { status: 200, headers: {}, body: op.reply };
        },
      };
      await op.call(new AttioClient(recording));
      expect(sent).toHaveLength(1);
      const [request] = sent as [AttioRequest];
      const query = Object.fromEntries(
        Object.entries(request.query ?? {}).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
      );
      expect(openApi!.validateRequest({ ...request, query })).toEqual([]);
    });

    it(`${op.name}: the reply the unit tests use is a valid Attio response`, () => {
      expect(openApi!.validateResponse({ method: op.method, path: op.path, status: 200, body: op.reply })).toEqual([]);
    });
  }

  it('the validator itself rejects a body the document forbids', () => {
    expect(
      openApi!.validateRequest({ method: 'POST', path: '/v2/tasks', body: { data: { content: 'x' } } }),
    ).not.toEqual([]);
  });
});
