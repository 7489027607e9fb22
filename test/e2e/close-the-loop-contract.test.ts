/**
 * Every request serve makes to Attio while it turns webhooks into product events — the objects and the
 * deals' attributes, a deal and its stage's history, a task, the users and workspaces records — and every
 * answer the emulator gives, checked against Attio's OpenAPI document. (Setup's webhook requests are
 * checked in ./webhook-contract.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttioClient, createGotTransport, withRetries } from '../../src/core/attio/index.js';
import { EMULATOR_API_KEY } from '../../src/emulator/index.js';
import { startLoopStage, type LoopStage } from '../support/close-the-loop.js';
import { group, identify, QUALIFYING, signedUp, usage } from '../support/e2e.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE, validatingTransport } from '../support/openapi.js';

const openApi = loadAttioOpenApi();
if (!openApi) console.warn(OPENAPI_ABSENT_MESSAGE);

describe.skipIf(!openApi)('serve’s reads after Attio’s webhooks against Attio’s OpenAPI document', () => {
  const problems: string[] = [];
  const sent = new Set<string>();
  let stage: LoopStage;
  beforeAll(async () => {
    stage = await startLoopStage({
      loopClient: (apiUrl) =>
        new AttioClient(
          withRetries(
            validatingTransport(
              openApi!,
              createGotTransport({ apiUrl, apiKey: EMULATOR_API_KEY, readsPerSecond: 10_000, writesPerSecond: 10_000 }),
              problems,
              (request) =>
                sent.add(
                  `${request.method} ${request.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '{id}')}${
                    request.query?.show_historic ? '?show_historic' : ''
                  }`,
                ),
            ),
          ),
        ),
    });
  });
  afterAll(async () => {
    await stage.close();
  });

  it('sends only requests the document accepts and gets only answers it describes', async () => {
    for (const event of [
      group('ws_acme', 'https://www.acme.com', 1, { name: 'Acme' }),
      signedUp('jane.doe@acme.com', 1),
      identify('jane.doe@acme.com', 1),
      usage('jane.doe@acme.com', 3, QUALIFYING),
    ])
      await stage.engine.processEvent(event);
    const [deal] = await stage.client.queryRecords('deals', {});
    const [task] = await stage.client.listTasks({});
    await stage.call('PATCH', `/v2/objects/deals/records/${deal!.id.record_id}`, {
      data: { values: { stage: 'Won 🎉' } },
    });
    await stage.call('PATCH', `/v2/tasks/${task!.id.task_id}`, { data: { is_completed: true } });
    await stage.settle();
    expect(stage.product.deliveries.map((d) => d.event).sort()).toEqual([
      'Deal Stage Changed',
      'Deal Won',
      'Sales Task Completed',
    ]);
    expect(sent).toEqual(
      new Set([
        'GET /v2/objects',
        'GET /v2/objects/deals/attributes',
        'GET /v2/objects/deals/records/{id}',
        'GET /v2/objects/deals/records/{id}/attributes/stage/values?show_historic',
        'POST /v2/objects/users/records/query',
        'POST /v2/objects/workspaces/records/query',
        'GET /v2/tasks/{id}',
      ]),
    );
    expect(problems).toEqual([]);
  });
});
