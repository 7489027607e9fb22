/**
 * The loop's outbox on an injected clock: a sink that refuses is tried again after doubling waits and given
 * up after LOOP_MAX_ATTEMPTS, kept as failed; a merge calls the hook before its event is stored; and the
 * write key of a sink that refuses appears in no log line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { AttioClient } from '../../../../src/core/attio/client.js';
import type { AttioObject } from '../../../../src/core/attio/schemas.js';
import { closeTheLoopSettingsSchema } from '../../../../src/destinations/http/attio-webhooks/loop-config.js';
import { CloseTheLoop, LOOP_MAX_ATTEMPTS } from '../../../../src/destinations/http/attio-webhooks/loop.js';
import {
  segmentSink,
  webhookSink,
  type ProductEventSink,
} from '../../../../src/destinations/http/attio-webhooks/sinks.js';
import { createReceiverLogger } from '../../../../src/destinations/http/log.js';
import { startProductEndpoint, type ProductEndpoint } from '../../../support/close-the-loop.js';
import { startTrackingApi, type TrackingApi } from '../../../support/tracking-api.js';

const WRITE_KEY = 'a-segment-write-key-that-must-not-leak';
const objects: AttioObject[] = [
  { id: { workspace_id: 'w', object_id: 'obj-people' }, api_slug: 'people', singular_noun: null, plural_noun: null },
];
// The merge reads only the object list and, for people, the users object (absent here).
const client = { listObjects: async () => objects } as unknown as AttioClient;
const merge = (survivor: string, duplicate: string) =>
  JSON.stringify({
    webhook_id: 'w1',
    events: [
      {
        event_type: 'record.merged',
        id: { workspace_id: 'w', object_id: 'obj-people', record_id: survivor },
        duplicate_object_id: 'obj-people',
        duplicate_record_id: duplicate,
        actor: { type: 'workspace-member', id: 'rep' },
      },
    ],
  });

let loop: CloseTheLoop | undefined;
let api: TrackingApi | undefined;
let product: ProductEndpoint | undefined;
afterEach(async () => {
  await loop?.close();
  await api?.close();
  await product?.close();
  loop = api = product = undefined;
});

function startLoop(sink: ProductEventSink, clock: () => number, lines: string[], merges: unknown[] = []) {
  return new CloseTheLoop({
    settings: closeTheLoopSettingsSchema.parse({}),
    secrets: { attioWebhookSecrets: ['s'] },
    client,
    dataDir: mkdtempSync(join(tmpdir(), 'attio-plg-outbox-')),
    sinks: [sink],
    onRecordsMerged: (m) => void merges.push(m),
    logger: createReceiverLogger(
      'debug',
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString('utf8'));
          done();
        },
      }),
    ),
    now: clock,
    retryBaseMs: 1000,
    retryMaxMs: 60_000,
  });
}

describe('the outbox', () => {
  it('retries a refusing sink after doubling waits up to the cap, then keeps the event as failed', async () => {
    // The product endpoint checks signatures under another secret: it refuses every delivery (401).
    product = await startProductEndpoint('the-product-s-own-secret-000');
    const secret = 'a-signing-secret-that-must-not-leak';
    let now = Date.parse('2026-01-01T00:00:00Z');
    const lines: string[] = [];
    const merges: unknown[] = [];
    loop = startLoop(webhookSink({ url: product.url, secret, now: () => now }), () => now, lines, merges);
    expect(loop.store.storeDelivery('key-1', merge('p1', 'p2'))).toBe(true);
    expect(loop.store.storeDelivery('key-1', merge('p1', 'p2'))).toBe(false);
    await loop.runDue();
    expect(merges).toEqual([{ object: 'people', survivorRecordId: 'p1', mergedRecordIds: ['p2'] }]);
    expect(loop.stats()).toMatchObject({ pendingDeliveries: 0, pendingEvents: 1 });

    const waits: number[] = [];
    for (let attempt = 1; attempt < LOOP_MAX_ATTEMPTS; attempt += 1) {
      const before = now;
      await loop.runDue(); // refused
      const next = loop.store.nextDueAt()!;
      waits.push(next - before);
      now = next - 1;
      expect(await loop.runDue()).toBe(0); // not due yet
      now = next;
    }
    expect(waits.slice(0, 7)).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60_000]);
    expect(waits.at(-1)).toBe(60_000);
    await loop.runDue();
    expect(loop.stats()).toEqual({ pendingDeliveries: 0, failedDeliveries: 0, pendingEvents: 0, failedEvents: 1 });
    expect(loop.store.nextDueAt()).toBeUndefined();
    expect(product.deliveries.map((d) => d.answered)).toEqual(Array(LOOP_MAX_ATTEMPTS).fill(401));
    expect(new Set(product.deliveries.map((d) => d.idempotencyKey)).size).toBe(1);
    expect(lines.some((l) => l.includes('given up'))).toBe(true);
    expect(lines.join('\n')).not.toContain(secret);
  });

  it('logs a Segment refusal without the write key', async () => {
    api = await startTrackingApi('the-right-key');
    const lines: string[] = [];
    loop = startLoop(segmentSink({ writeKey: WRITE_KEY, host: api.url }), Date.now, lines);
    loop.store.storeDelivery('key-1', merge('p1', 'p2'));
    await loop.runDue();
    expect(api.unauthorised).toBeGreaterThanOrEqual(1);
    expect(loop.stats()).toMatchObject({ pendingEvents: 1 });
    expect(lines.some((l) => l.includes('segment: the event was not accepted'))).toBe(true);
    expect(lines.join('\n')).not.toContain(WRITE_KEY);
    expect(lines.join('\n')).not.toContain(Buffer.from(`${WRITE_KEY}:`).toString('base64'));
  });
});
