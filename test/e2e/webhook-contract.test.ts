/**
 * Every webhook request the connector makes — setup's reads, the create, the update that brings drifted
 * subscriptions back, a delete — and every answer the emulator gives, checked against Attio's OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AttioClient, createGotTransport, withRetries } from '../../src/core/attio/index.js';
import { applyWebhook, planWebhook, readWebhookWorkspace } from '../../src/core/setup/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE, validatingTransport } from '../support/openapi.js';

const openApi = loadAttioOpenApi();
if (!openApi) console.warn(OPENAPI_ABSENT_MESSAGE);

describe.skipIf(!openApi)('the connector’s webhook requests against Attio’s OpenAPI document', () => {
  let emulator: EmulatorHandle;
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 'empty' });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it('sends only requests the document accepts and gets only answers it describes', async () => {
    const problems: string[] = [];
    const sent: string[] = [];
    const http = createGotTransport({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 10_000,
      writesPerSecond: 10_000,
    });
    const validating = validatingTransport(openApi!, http, problems, (request) =>
      sent.push(`${request.method} ${request.path.replace(/[0-9a-f-]{36}/, '{id}')}`),
    );
    const client = new AttioClient(withRetries(validating));
    const url = 'https://plg.example.com/attio/webhooks';

    const created = await applyWebhook(client, planWebhook(url, await readWebhookWorkspace(client)));
    expect(created.outcome).toBe('created');
    expect((await applyWebhook(client, planWebhook(url, await readWebhookWorkspace(client)))).outcome).toBe(
      'unchanged',
    );
    const id = created.outcome === 'created' ? created.webhookId : '';
    await client.updateWebhook(id, { subscriptions: [{ event_type: 'note.created', filter: null }] });
    expect((await applyWebhook(client, planWebhook(url, await readWebhookWorkspace(client)))).outcome).toBe('updated');
    expect((await client.getWebhook(id)).subscriptions.map((s) => s.event_type)).toEqual([
      'record.updated',
      'task.updated',
      'record.merged',
    ]);
    expect(await client.deleteWebhook(id)).toBe(true);
    expect(await client.deleteWebhook(id)).toBe(false);

    expect(new Set(sent.filter((s) => s.includes('webhooks')))).toEqual(
      new Set([
        'GET /v2/webhooks',
        'POST /v2/webhooks',
        'PATCH /v2/webhooks/{id}',
        'GET /v2/webhooks/{id}',
        'DELETE /v2/webhooks/{id}',
      ]),
    );
    expect(problems).toEqual([]);
  });
});
