/**
 * Every request the workflows send while applying a whole PLG story, and every answer they get, checked
 * against Attio's OpenAPI document: the request bodies the connector really builds, not hand-made samples.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttioClient, createGotTransport, withRetries, type Transport } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE, withoutKnownDocumentDefects } from '../support/openapi.js';
import { group, handoff, identify, milestone, QUALIFYING, REPS, signedUp, usage, WARM } from '../support/e2e.js';

const openApi = loadAttioOpenApi();
if (!openApi) console.warn(OPENAPI_ABSENT_MESSAGE);

describe.skipIf(!openApi)('the workflows against Attio’s OpenAPI document', () => {
  let emulator: EmulatorHandle;
  const problems: string[] = [];
  let exchanges = 0;

  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'plg-demo' });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('sends only requests the document accepts and gets only answers it describes', async () => {
    const http = createGotTransport({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 10_000,
      writesPerSecond: 10_000,
    });
    const validating: Transport = {
      async send(request) {
        const query = Object.fromEntries(
          Object.entries(request.query ?? {}).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
        );
        const where = `${request.method} ${request.path}`;
        problems.push(...openApi!.validateRequest({ ...request, query }).map((p) => `${where} request: ${p}`));
        const response = await http.send(request);
        const answerProblems = withoutKnownDocumentDefects(
          response.body,
          openApi!.validateResponse({
            method: request.method,
            path: request.path,
            status: response.status,
            body: response.body,
          }),
        );
        problems.push(...answerProblems.map((p) => `${where} ${response.status}: ${p}`));
        exchanges++;
        return response;
      },
    };
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS });
    const engine = new EventEngine({ client: new AttioClient(withRetries(validating)), config });
    const results = await engine.processBatch([
      identify('jane.doe@acme.com', 1, { title: 'CTO', company: { name: 'Acme', website: 'acme.com' } }),
      group('ws_acme', 'https://acme.com', 1, { name: 'Acme', plan: 'pro', ...WARM }, 'jane.doe@acme.com'),
      signedUp('jane.doe@acme.com', 1),
      signedUp('sam.smith@gmail.com', 1),
      milestone('jane.doe@acme.com', 'Integration Connected', 2),
      milestone('jane.doe@acme.com', 'Integration Connected', 2),
      usage('jane.doe@acme.com', 3, WARM),
      usage('jane.doe@acme.com', 4, QUALIFYING),
      usage('sam.smith@gmail.com', 4, QUALIFYING),
      handoff('jane.doe@acme.com', 'Demo Requested', 5, { value: 30000 }),
    ]);
    expect(results.map((r) => r.status)).toEqual(Array(10).fill('applied'));
    expect(exchanges).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});
