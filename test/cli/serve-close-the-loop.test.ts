/**
 * `attio-plg serve --close-the-loop` as an operator runs it: the secrets in the environment and a file, the
 * sinks in a JSON file. A rep wins a deal the connector opened; the product endpoint and Segment's API get
 * Deal Won; an unsigned delivery is 401; and no secret appears in anything serve prints.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { applyWebhook, planWebhook, readWebhookWorkspace } from '../../src/core/setup/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CLI_BUILT, startServe, type Served } from '../support/cli.js';
import { PRODUCT_SECRET, REP_TOKEN, SEGMENT_WRITE_KEY, startProductEndpoint } from '../support/close-the-loop.js';
import { REPS } from '../support/e2e.js';
import { startTrackingApi } from '../support/tracking-api.js';

const closing: Array<{ close(): Promise<void> } | Served | EmulatorHandle> = [];
afterEach(async () => {
  for (const c of closing.splice(0).reverse()) await ('stop' in c ? c.stop() : c.close());
});

function freePort(): Promise<number> {
  const server = createServer();
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    }),
  );
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.skipIf(!CLI_BUILT)('attio-plg serve --close-the-loop', () => {
  it('sends a rep’s Deal Won to the product and Segment, refuses the unsigned, and prints no secret', async () => {
    const attio = await startEmulator({ seed: 'plg-demo', memberToken: REP_TOKEN, webhooks: { retryBaseMs: 50 } });
    closing.push(attio);
    const product = await startProductEndpoint(PRODUCT_SECRET);
    const segment = await startTrackingApi(SEGMENT_WRITE_KEY);
    closing.push(product, segment);
    const { client } = createAttioConnection({ apiUrl: attio.url, apiKey: EMULATOR_API_KEY });
    // Setup makes the webhook (and its secret) before serve starts, for the port serve will listen on.
    const port = await freePort();
    const created = await applyWebhook(
      client,
      planWebhook(`http://127.0.0.1:${port}/attio/webhooks`, await readWebhookWorkspace(client)),
    );
    if (created.outcome !== 'created') throw new Error(created.outcome);
    const dir = mkdtempSync(join(tmpdir(), 'attio-plg-serve-loop-'));
    writeFileSync(join(dir, 'attio-secret'), `${created.secret}\n`);
    writeFileSync(
      join(dir, 'loop.json'),
      JSON.stringify({ segment: { host: segment.url }, webhook: { url: product.url } }),
    );
    const serve = await startServe(
      {
        ATTIO_API_KEY: EMULATOR_API_KEY,
        ATTIO_API_URL: attio.url,
        ATTIO_PLG_WEBHOOK_SECRET: 'the-intake-shared-secret-0123',
        ATTIO_PLG_SEGMENT_WRITE_KEY: SEGMENT_WRITE_KEY,
        ATTIO_PLG_PRODUCT_WEBHOOK_SECRET: PRODUCT_SECRET,
      },
      [
        '--port',
        String(port),
        '--close-the-loop',
        join(dir, 'loop.json'),
        '--attio-webhook-secret-file',
        join(dir, 'attio-secret'),
      ],
    );
    closing.push(serve);

    const unsigned = await fetch(`${serve.url}/attio/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k' },
      body: '{"webhook_id":"w","events":[{"event_type":"note.created"}]}',
    });
    expect(unsigned.status).toBe(401);

    // The connector's deal (its key attribute is what tells serve the connector's own actor).
    const deal = await client.createRecord('deals', {
      name: [{ value: 'PQL - Acme' }],
      stage: ['Product Qualified'],
      owner: [{ workspace_member_email_address: REPS[0] }],
      plg_deal_key: [{ value: 'pql:company:acme' }],
    });
    const moved = await fetch(`${attio.url}/v2/objects/deals/records/${deal.id.record_id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${REP_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ data: { values: { stage: 'Won 🎉' } } }),
    });
    expect(moved.status).toBe(200);
    await until(() => product.accepted('Deal Won').length === 1, 'Deal Won at the product');
    await until(() => segment.messages.some((m) => m.event === 'Deal Won'), 'Deal Won at Segment');
    expect(product.accepted('Deal Won')[0]!.body).toMatchObject({
      anonymousId: expect.stringMatching(/^attio:/),
      properties: { stage: 'Won 🎉', from: 'Product Qualified', attioDealId: deal.id.record_id },
    });
    await attio.webhooks.settled();
    expect(attio.webhooks.attempts.map((a) => a.status)).toEqual([200]);
    // The loop's backlog is on /metrics: nothing pending once both sinks have the event, nothing failed.
    const loopMetrics = async () => (await fetch(`${serve.url}/metrics`)).text();
    await until(
      async () => (await loopMetrics()).includes('attio_plg_loop_product_events{state="pending"} 0'),
      'an empty outbox on /metrics',
    );
    const metrics = await loopMetrics();
    expect(metrics).toContain('attio_plg_loop_attio_deliveries{state="pending"} 0');
    expect(metrics).toContain('attio_plg_loop_attio_deliveries{state="failed"} 0');
    expect(metrics).toContain('attio_plg_loop_product_events{state="failed"} 0');
    for (const secret of [created.secret, SEGMENT_WRITE_KEY, PRODUCT_SECRET]) expect(metrics).not.toContain(secret);

    const { output } = await serve.stop();
    for (const secret of [created.secret, SEGMENT_WRITE_KEY, PRODUCT_SECRET]) expect(output).not.toContain(secret);
  });
});
