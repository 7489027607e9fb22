/**
 * Segment's request client (cross-fetch, i.e. node-fetch 2) clones every response to read it; a clone
 * whose original is never read stalls once the body passes node-fetch's 16 KB buffer, so an Attio answer
 * larger than that (a company's people, a page of records) would hang the action forever, past any timeout.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentTransport } from '../../src/destinations/segment/transport.js';
import { pacingFor } from '../../src/destinations/segment/workspace-state.js';
import { actionsCore } from '../support/segment.js';

const { createRequestClient } = actionsCore;

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serveJson(body: unknown): Promise<string> {
  const payload = JSON.stringify(body);
  const server = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(payload),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('the Segment transport reads large Attio answers', () => {
  it('returns a 200 KB JSON body whole instead of stalling on the cloned response', async () => {
    const records = Array.from({ length: 400 }, (_, index) => ({
      id: { record_id: `r${index}` },
      values: { note: ['x'.repeat(480)] },
    }));
    const url = await serveJson({ data: records });
    const transport = segmentTransport(createRequestClient(), {
      apiUrl: url,
      timeoutMs: 5_000,
      pacing: pacingFor(url, 'k', { readsPerSecond: 100, writesPerSecond: 25 }),
    });

    const response = await transport.send({
      method: 'POST',
      path: '/v2/objects/people/records/query',
      body: {},
      read: true,
      idempotent: true,
    });

    expect(response.status).toBe(200);
    expect((response.body as { data: unknown[] }).data).toHaveLength(400);
  }, 10_000);
});
