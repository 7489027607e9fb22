/**
 * Inbound Attio webhooks: only a delivery signed with a configured secret is accepted (either secret while
 * one is rotated), a malformed one is refused without touching the replay guard, and a message seen before
 * (same Idempotency-Key) is a replay. The deliveries are the emulator's own, as Attio would send them.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryReplayGuard, REPLAY_WINDOW_MS } from '../../../../src/destinations/http/attio-webhooks/replay-guard.js';
import {
  hasValidSignature,
  verifyAttioDelivery,
  type DeliveryHeaders,
} from '../../../../src/destinations/http/attio-webhooks/verify.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../../../src/emulator/index.js';
import {
  startWebhookReceiver,
  type ReceivedDelivery,
  type WebhookReceiver,
} from '../../../support/webhook-receiver.js';

const REP_TOKEN = 'rep-token';
let emulator: EmulatorHandle;
let receiver: WebhookReceiver;
let secret = '';
let delivery: ReceivedDelivery;

async function call(method: string, path: string, body: unknown, token = EMULATOR_API_KEY): Promise<any> {
  const res = await fetch(`${emulator.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json();
}

beforeAll(async () => {
  emulator = await startEmulator({ memberToken: REP_TOKEN });
  receiver = await startWebhookReceiver();
  const created = await call('POST', '/v2/webhooks', {
    data: { target_url: receiver.url, subscriptions: [{ event_type: 'record.updated', filter: null }] },
  });
  secret = created.data.secret;
  const ann = await call('PUT', '/v2/objects/people/records?matching_attribute=email_addresses', {
    data: { values: { email_addresses: ['ann@verify.test'] } },
  });
  await call(
    'PATCH',
    `/v2/objects/people/records/${ann.data.id.record_id}`,
    { data: { values: { job_title: ['CTO'] } } },
    REP_TOKEN,
  );
  await emulator.webhooks.settled();
  const [first] = receiver.deliveries;
  if (!first) throw new Error('the emulator delivered nothing');
  delivery = first;
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});

const sign = (body: string, key: string) => createHmac('sha256', key).update(body).digest('hex');
const withHeaders = (changes: Record<string, string | undefined>): DeliveryHeaders => ({
  ...delivery.headers,
  ...changes,
});

describe('the signature', () => {
  it('a delivery signed with the webhook’s secret is accepted, parsed, and its key claimed', async () => {
    const guard = new MemoryReplayGuard();
    const verdict = await verifyAttioDelivery({
      rawBody: Buffer.from(delivery.rawBody),
      headers: delivery.headers,
      secrets: [secret],
      guard,
    });
    expect(verdict).toMatchObject({ kind: 'accepted', idempotencyKey: delivery.headers['idempotency-key'] });
    if (verdict.kind !== 'accepted') return;
    const [event] = verdict.delivery.events;
    expect(event).toMatchObject({
      event_type: 'record.updated',
      actor: { type: 'workspace-member', id: emulator.member?.id },
    });
    expect(event && 'id' in event && event.id).toHaveProperty('attribute_id');
    expect(guard.size).toBe(1);
  });

  it('a missing signature is refused with 401 and claims nothing', async () => {
    const guard = new MemoryReplayGuard();
    const verdict = await verifyAttioDelivery({
      rawBody: delivery.rawBody,
      headers: withHeaders({ 'attio-signature': undefined, 'x-attio-signature': undefined }),
      secrets: [secret],
      guard,
    });
    expect(verdict).toEqual({
      kind: 'rejected',
      status: 401,
      reason: 'missing-signature',
      message: 'no Attio-Signature header',
    });
    expect(guard.size).toBe(0);
  });

  it('a signature under another secret, over another body, or not a signature at all is refused with 401', async () => {
    const guard = new MemoryReplayGuard();
    const tampered = delivery.rawBody.replace('workspace-member', 'api-token');
    const cases: Array<[string | Buffer, string]> = [
      [delivery.rawBody, sign(delivery.rawBody, 'another-secret-entirely')],
      [tampered, String(delivery.headers['attio-signature'])],
      [delivery.rawBody, 'not-hex'],
      [delivery.rawBody, String(delivery.headers['attio-signature']).slice(0, 62)],
      [delivery.rawBody, `${String(delivery.headers['attio-signature'])}00`],
    ];
    for (const [rawBody, signature] of cases) {
      const verdict = await verifyAttioDelivery({
        rawBody,
        headers: withHeaders({ 'attio-signature': signature, 'x-attio-signature': signature }),
        secrets: [secret],
        guard,
      });
      expect(verdict).toMatchObject({ kind: 'rejected', status: 401, reason: 'bad-signature' });
    }
    expect(guard.size).toBe(0);
  });

  it('while a secret is rotated, a delivery signed with the old or the new one is accepted', async () => {
    const next = 'f'.repeat(64);
    const signedWithNew = sign(delivery.rawBody, next);
    expect(hasValidSignature(delivery.rawBody, String(delivery.headers['attio-signature']), [next, secret])).toBe(true);
    expect(hasValidSignature(delivery.rawBody, signedWithNew, [next, secret])).toBe(true);
    expect(hasValidSignature(delivery.rawBody, signedWithNew, [secret])).toBe(false);
    expect(hasValidSignature(delivery.rawBody, sign(delivery.rawBody, ''), ['', secret])).toBe(false);
    const verdict = await verifyAttioDelivery({
      rawBody: delivery.rawBody,
      headers: delivery.headers,
      secrets: [next, secret],
      guard: new MemoryReplayGuard(),
    });
    expect(verdict.kind).toBe('accepted');
  });

  it('the X-Attio-Signature copy alone is enough', async () => {
    const verdict = await verifyAttioDelivery({
      rawBody: delivery.rawBody,
      headers: withHeaders({ 'attio-signature': undefined }),
      secrets: [secret],
      guard: new MemoryReplayGuard(),
    });
    expect(verdict.kind).toBe('accepted');
  });
});

describe('the delivery', () => {
  const signed = (body: string, extra: Record<string, string | undefined> = {}) =>
    verifyAttioDelivery({
      rawBody: body,
      headers: { 'attio-signature': sign(body, secret), 'idempotency-key': 'k-1', ...extra },
      secrets: [secret],
      guard: new MemoryReplayGuard(),
    });

  it('a signed body that is not an Attio delivery is refused with 400, naming what is wrong', async () => {
    expect(await signed('not json')).toMatchObject({
      kind: 'rejected',
      status: 400,
      reason: 'malformed-delivery',
      message: 'the body is not JSON',
    });
    const noRecord = JSON.stringify({
      webhook_id: 'w',
      events: [
        {
          event_type: 'record.updated',
          id: { workspace_id: 'a', object_id: 'b' },
          actor: { type: 'system', id: null },
        },
      ],
    });
    expect(await signed(noRecord)).toMatchObject({
      status: 400,
      message: expect.stringMatching(/^not an Attio delivery: events\.0/),
    });
    expect(await signed(JSON.stringify({ webhook_id: 'w', events: [] }))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/events/),
    });
  });

  it('without an Idempotency-Key it is refused with 400', async () => {
    expect(await signed(delivery.rawBody, { 'idempotency-key': undefined })).toMatchObject({
      kind: 'rejected',
      status: 400,
      reason: 'missing-idempotency-key',
    });
  });

  it('an event type the connector does not act on is accepted as it is, not refused (Attio would retry it for days)', async () => {
    const comment = {
      event_type: 'comment.created',
      id: { workspace_id: 'a', comment_id: 'c' },
      thread_id: 't',
      actor: { type: 'workspace-member', id: 'm' },
    };
    const verdict = await signed(JSON.stringify({ webhook_id: 'w', events: [comment] }));
    expect(verdict.kind === 'accepted' && verdict.delivery.events).toEqual([comment]);
  });

  it('a merge names the record that remains and the one merged into it', async () => {
    const merged = {
      event_type: 'record.merged',
      id: { workspace_id: 'a', object_id: 'o', record_id: 'keep' },
      duplicate_object_id: 'o',
      duplicate_record_id: 'gone',
      actor: { type: 'workspace-member', id: 'm' },
    };
    const verdict = await signed(JSON.stringify({ webhook_id: 'w', events: [merged] }));
    expect(verdict.kind === 'accepted' && verdict.delivery.events[0]).toEqual(merged);
  });
});

describe('replays', () => {
  it('the same message again (same Idempotency-Key) is a replay, however often Attio sends it', async () => {
    const guard = new MemoryReplayGuard();
    const once = () =>
      verifyAttioDelivery({ rawBody: delivery.rawBody, headers: delivery.headers, secrets: [secret], guard });
    expect((await once()).kind).toBe('accepted');
    expect(await once()).toEqual({ kind: 'replay', idempotencyKey: delivery.headers['idempotency-key'] });
    expect(await once()).toMatchObject({ kind: 'replay' });
  });

  it('the emulator’s redelivery of a message is a replay; its next message is not', async () => {
    const guard = new MemoryReplayGuard();
    const key = String(delivery.headers['idempotency-key']);
    emulator.webhooks.redeliver(key);
    const ann = await call('PUT', '/v2/objects/people/records?matching_attribute=email_addresses', {
      data: { values: { email_addresses: ['ann@verify.test'] } },
    });
    await call(
      'PATCH',
      `/v2/objects/people/records/${ann.data.id.record_id}`,
      { data: { values: { job_title: ['CEO'] } } },
      REP_TOKEN,
    );
    await emulator.webhooks.settled();
    const kinds = [];
    for (const d of receiver.deliveries)
      kinds.push(
        (await verifyAttioDelivery({ rawBody: d.rawBody, headers: d.headers, secrets: [secret], guard })).kind,
      );
    expect(kinds).toEqual(['accepted', 'replay', 'accepted']);
  });

  it('a released claim lets Attio’s retry through', async () => {
    const guard = new MemoryReplayGuard();
    expect(await guard.claim('k')).toBe(true);
    await guard.release('k');
    expect(await guard.claim('k')).toBe(true);
    expect(await guard.claim('k')).toBe(false);
  });

  it('keys are remembered for a week (longer than Attio retries), then forgotten', async () => {
    let now = 0;
    const guard = new MemoryReplayGuard({ now: () => now });
    await guard.claim('old');
    now = REPLAY_WINDOW_MS - 1;
    expect(await guard.claim('old')).toBe(false);
    await guard.claim('newer');
    now = REPLAY_WINDOW_MS + 1;
    expect(await guard.claim('newer')).toBe(false);
    expect(guard.size).toBe(1);
    expect(await guard.claim('old')).toBe(true);
  });
});
