/**
 * Every request setup sends to a new workspace — the check's reads, each create, the second run's reads —
 * and every answer the emulator gives, checked against Attio's OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttioClient, createGotTransport, withRetries } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { applyPlan, inspectWorkspace, reportOf } from '../../src/core/setup/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE, validatingTransport } from '../support/openapi.js';

const openApi = loadAttioOpenApi();
if (!openApi) console.warn(OPENAPI_ABSENT_MESSAGE);

describe.skipIf(!openApi)('attio-plg setup against Attio’s OpenAPI document', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'empty' });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('sends only requests the document accepts and gets only answers it describes', async () => {
    const problems: string[] = [];
    const methods = new Set<string>();
    const http = createGotTransport({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 10_000,
      writesPerSecond: 10_000,
    });
    const validating = validatingTransport(openApi!, http, problems, (request) => methods.add(request.method));
    const client = new AttioClient(withRetries(validating));
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, productObjects: 'on' }, {});
    const { plan } = await inspectWorkspace(client, config);
    const results = await applyPlan(client, plan ?? { items: [] });
    expect(results.filter((r) => r.outcome !== 'created')).toEqual([]);
    expect(results).toHaveLength(40);
    // A second look: everything exists, so the report is only about the objects the API cannot enable.
    expect(reportOf(await inspectWorkspace(client, config)).problems.map((p) => p.subject)).toEqual([
      'users',
      'workspaces',
    ]);
    expect([...methods].sort()).toEqual(['GET', 'POST']);
    expect(problems).toEqual([]);
  });
});
