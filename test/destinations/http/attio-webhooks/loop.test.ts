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
import { segmentSink } from '../../../../src/destinations/http/attio-webhooks/sinks.js';
import { createReceiverLogger } from '../../../../src/destinations/http/log.js';
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
afterEach(async () => {
  await loop?.close();
  await api?.close();
  loop = api = undefined;
});

describe('the outbox', () => {
  it('retries a refusing sink after doubling waits, gives up after the last attempt, and logs no write key', async () => {
    api = await startTrackingApi('the-right-key');
    let now = Date.parse('2026-01-01T00:00:00Z');
    const lines: string[] = [];
    const merges: unknown[] = [];
    loop = new CloseTheLoop({
      settings: closeTheLoopSettingsSchema.parse({}),
      secrets: { attioWebhookSecrets: ['s'] },
      client,
      dataDir: mkdtempSync(join(tmpdir(), 'attio-plg-outbox-')),
      sinks: [segmentSink({ writeKey: WRITE_KEY, host: api.url })],
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
      now: () => now,
      retryBaseMs: 1000,
      retryMaxMs: 60_000,
    });
    expect(loop.store.storeDelivery('key-1', merge('p1', 'p2'))).toBe(true);
    expect(loop.store.storeDelivery('key-1', merge('p1', 'p2'))).toBe(false);
    await loop.runDue();
    expect(merges).toEqual([{ object: 'people', survivorRecordId: 'p1', mergedRecordIds: ['p2'] }]);
    expect(loop.stats()).toMatchObject({ pendingDeliveries: 0, pendingEvents: 1 });

    const waits: number[] = [];
    for (let attempt = 1; attempt < LOOP_MAX_ATTEMPTS; attempt += 1) {
      const before = now;
      await loop.runDue(); // fails (401)
      const next = loop.store.nextDueAt()!;
      waits.push(next - before);
      now = next - 1;
      expect(await loop.runDue()).toBe(0); // not due yet
      now = next;
    }
    expect(waits.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(waits.at(-1)).toBe(60_000);
    await loop.runDue();
    expect(loop.stats()).toEqual({ pendingDeliveries: 0, failedDeliveries: 0, pendingEvents: 0, failedEvents: 1 });
    expect(loop.store.nextDueAt()).toBeUndefined();
    expect(api.unauthorised).toBeGreaterThanOrEqual(LOOP_MAX_ATTEMPTS);
    expect(lines.some((l) => l.includes('given up'))).toBe(true);
    expect(lines.join('\n')).not.toContain(WRITE_KEY);
    expect(lines.join('\n')).not.toContain(Buffer.from(`${WRITE_KEY}:`).toString('base64'));
  });
});
