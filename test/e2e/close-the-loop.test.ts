/**
 * Close the loop, end to end: the connector opens a PQL deal in the emulator; a rep (the emulator's member
 * token) moves it to Won; Attio's webhook reaches `serve` (through a proxy that answers 500 once, and then
 * redelivered as Attio may); the product endpoint, Segment's and RudderStack's APIs each receive one Deal Won
 * with the product's userId and groupId. Also: what is refused, a rotated secret, the connector's own change,
 * a restart, a completed follow-up task and a merge.
 */
import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { group, identify, QUALIFYING, signedUp, usage } from '../support/e2e.js';
import {
  OLD_ATTIO_SECRET,
  PRODUCT_SECRET,
  RUDDER_WRITE_KEY,
  SEGMENT_WRITE_KEY,
  startLoopStage,
  verifyProductSignature,
  type LoopStage,
} from '../support/close-the-loop.js';
import { EMULATOR_API_KEY } from '../../src/emulator/index.js';

let stage: LoopStage | undefined;
afterEach(async () => {
  await stage?.close();
  stage = undefined;
});

const USER_ID = 'u-jane.doe@acme.com';
const GROUP_ID = 'ws_acme';

/** The connector's own work: Acme's workspace, Jane's signup, identify (her users record) and usage that qualifies her: a PQL deal. */
async function pqlDeal(loop: LoopStage): Promise<string> {
  for (const event of [
    group(GROUP_ID, 'https://www.acme.com', 1, { name: 'Acme' }),
    signedUp('jane.doe@acme.com', 1),
    identify('jane.doe@acme.com', 1),
    usage('jane.doe@acme.com', 3, QUALIFYING),
  ])
    expect((await loop.engine.processEvent(event)).status).toBe('applied');
  const [deal] = await loop.client.queryRecords('deals', {});
  expect(deal?.values.stage?.[0]?.status).toMatchObject({ title: 'Product Qualified' });
  return deal!.id.record_id;
}

const moveDeal = (loop: LoopStage, dealId: string, stageTitle: string, token?: string) =>
  loop.call('PATCH', `/v2/objects/deals/records/${dealId}`, { data: { values: { stage: stageTitle } } }, token);

const named = (messages: Array<Record<string, any>>, event: string) => messages.filter((m) => m.event === event);

describe('close the loop: a deal a rep wins reaches the product once, signed, and the analytics stacks', () => {
  it('one Deal Won everywhere, with userId and groupId, though Attio delivered twice and first got a 500', async () => {
    stage = await startLoopStage();
    const dealId = await pqlDeal(stage);
    stage.product.failFirst('Deal Won');
    stage.proxy.failNext(1);

    expect((await moveDeal(stage, dealId, 'Won 🎉')).status).toBe(200);
    await stage.settle();
    const attempts = stage.emulator.webhooks.attempts;
    expect(attempts.map((a) => [a.eventTypes, a.attempt, a.status])).toEqual([
      [['record.updated'], 1, 500],
      [['record.updated'], 2, 200],
    ]);
    // Attio may send a message again with the same key: serve answers 2xx and does nothing more.
    expect(stage.emulator.webhooks.redeliver(attempts[0]!.idempotencyKey)).toBe(true);
    await stage.settle();
    expect(stage.emulator.webhooks.attempts.at(-1)).toMatchObject({ redelivery: true, status: 200 });

    const won = stage.product.accepted('Deal Won');
    expect(won).toHaveLength(1);
    expect(won[0]!.body).toMatchObject({
      type: 'track',
      event: 'Deal Won',
      userId: USER_ID,
      groupId: GROUP_ID,
      properties: { stage: 'Won 🎉', from: 'Product Qualified', attioDealId: dealId, changedBy: 'workspace-member' },
    });
    expect(won[0]!.body.properties.attioPersonId).toEqual(expect.any(String));
    expect(won[0]!.body.properties.attioCompanyId).toEqual(expect.any(String));
    // The product's 500 was retried with the same message: one event, two attempts, each signed.
    const wonAttempts = stage.product.deliveries.filter((d) => d.event === 'Deal Won');
    expect(wonAttempts.map((d) => [d.answered, d.signatureValid])).toEqual([
      [500, true],
      [200, true],
    ]);
    expect(new Set(wonAttempts.map((d) => d.idempotencyKey))).toEqual(new Set([won[0]!.messageId]));
    expect(stage.product.accepted('Deal Stage Changed').map((d) => d.body.properties)).toEqual([
      expect.objectContaining({ from: 'Product Qualified', to: 'Won 🎉' }),
    ]);

    for (const api of [stage.segment, stage.rudderstack]) {
      expect(api.unauthorised).toBe(0);
      const [wonMessage, ...more] = named(api.messages, 'Deal Won');
      expect(more).toEqual([]);
      expect(wonMessage).toMatchObject({
        type: 'track',
        userId: USER_ID,
        messageId: won[0]!.messageId,
        context: expect.objectContaining({ groupId: GROUP_ID }),
        properties: expect.objectContaining({ stage: 'Won 🎉', attioDealId: dealId }),
      });
      expect(named(api.messages, 'Deal Stage Changed')).toHaveLength(1);
    }
    expect(stage.service.loop!.stats()).toEqual({
      pendingDeliveries: 0,
      failedDeliveries: 0,
      pendingEvents: 0,
      failedEvents: 0,
    });
  });

  it('two quick moves read back after both: the latest change is reported once, not once per event', async () => {
    stage = await startLoopStage();
    const dealId = await pqlDeal(stage);
    stage.proxy.failNext(1); // the first move's delivery waits for its retry: by then the deal has moved on
    await moveDeal(stage, dealId, 'In Progress');
    await moveDeal(stage, dealId, 'Won 🎉');
    await stage.settle();
    expect(stage.emulator.webhooks.attempts.filter((a) => a.status === 200)).toHaveLength(2);
    expect(stage.product.accepted('Deal Stage Changed').map((d) => d.body.properties)).toEqual([
      expect.objectContaining({ from: 'In Progress', to: 'Won 🎉' }),
    ]);
    expect(stage.product.accepted('Deal Won')).toHaveLength(1);
  });

  it('a restart neither re-emits what was sent nor takes a redelivery again', async () => {
    stage = await startLoopStage();
    const dealId = await pqlDeal(stage);
    await moveDeal(stage, dealId, 'Lost');
    await stage.settle();
    expect(stage.product.accepted('Deal Lost')).toHaveLength(1);
    await stage.service.close();
    await stage.restart();
    expect(stage.emulator.webhooks.redeliver(stage.emulator.webhooks.attempts[0]!.idempotencyKey)).toBe(true);
    await stage.settle();
    expect(stage.emulator.webhooks.attempts.at(-1)).toMatchObject({ redelivery: true, status: 200 });
    expect(stage.product.deliveries.map((d) => d.event)).toEqual(['Deal Stage Changed', 'Deal Lost']);
    expect(named(stage.segment.messages, 'Deal Lost')).toHaveLength(1);
  });
});

describe('close the loop: what is not the sales team’s activity', () => {
  it('a bad or missing signature is 401 and nothing is stored or emitted', async () => {
    stage = await startLoopStage();
    const body = JSON.stringify({
      webhook_id: 'w',
      events: [
        {
          event_type: 'record.merged',
          id: { workspace_id: 'x', object_id: 'people', record_id: 'a' },
          duplicate_object_id: 'people',
          duplicate_record_id: 'b',
          actor: { type: 'workspace-member', id: 'm' },
        },
      ],
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${stage!.service.url}/attio/webhooks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1', ...headers },
        body,
      });
    const forged = createHmac('sha256', 'not-the-secret').update(body).digest('hex');
    expect((await post({ 'attio-signature': forged })).status).toBe(401);
    expect((await post({})).status).toBe(401);
    await stage.settle();
    expect(stage.service.loop!.stats()).toEqual({
      pendingDeliveries: 0,
      failedDeliveries: 0,
      pendingEvents: 0,
      failedEvents: 0,
    });
    expect(stage.merges).toEqual([]);
    expect([stage.product.deliveries, stage.segment.messages, stage.rudderstack.messages]).toEqual([[], [], []]);
    // The same body, signed: accepted, so the 401s above were about the signature alone.
    const signed = createHmac('sha256', stage.attioSecret).update(body).digest('hex');
    expect((await post({ 'attio-signature': signed })).status).toBe(200);
  });

  it('during a rotation the previous secret and the current one are both accepted', async () => {
    stage = await startLoopStage({ extraAttioSecrets: [OLD_ATTIO_SECRET] });
    const dealId = await pqlDeal(stage);
    await moveDeal(stage, dealId, 'In Progress');
    await stage.settle();
    // The emulator signs with the webhook's current secret.
    expect(stage.emulator.webhooks.attempts.map((a) => a.status)).toEqual([200]);
    expect(stage.product.accepted('Deal Stage Changed')).toHaveLength(1);
    // A delivery signed with the previous secret is taken as well.
    const body = stage.emulator.webhooks.attempts[0]!.body;
    const res = await fetch(`${stage.service.url}/attio/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'idempotency-key': 'signed-with-the-old-secret',
        'x-attio-signature': createHmac('sha256', OLD_ATTIO_SECRET).update(body).digest('hex'),
      },
      body,
    });
    expect([res.status, await res.json()]).toEqual([200, { status: 'accepted' }]);
  });

  it('a stage change the connector made itself emits nothing; the same change by a rep does', async () => {
    stage = await startLoopStage();
    const dealId = await pqlDeal(stage);
    await moveDeal(stage, dealId, 'Sales Qualified', EMULATOR_API_KEY);
    await stage.settle();
    expect(stage.emulator.webhooks.attempts.map((a) => [a.eventTypes, a.status])).toEqual([[['record.updated'], 200]]);
    expect([stage.product.deliveries, stage.segment.messages, stage.rudderstack.messages]).toEqual([[], [], []]);

    await moveDeal(stage, dealId, 'In Progress');
    await stage.settle();
    expect(stage.product.accepted('Deal Stage Changed').map((d) => d.body.properties)).toEqual([
      expect.objectContaining({ from: 'Sales Qualified', to: 'In Progress', changedBy: 'workspace-member' }),
    ]);
  });
});

describe('close the loop: tasks and merges', () => {
  it('a rep completing the PQL follow-up task is one Sales Task Completed, however often the task changes', async () => {
    stage = await startLoopStage();
    await pqlDeal(stage);
    const [task] = await stage.client.listTasks({});
    expect(task?.content_plaintext).toMatch(/^PQL Follow-up/);
    const taskId = task!.id.task_id;
    await stage.call('PATCH', `/v2/tasks/${taskId}`, { data: { is_completed: true } });
    await stage.call('PATCH', `/v2/tasks/${taskId}`, { data: { deadline_at: '2030-01-01T00:00:00.000Z' } });
    await stage.settle();
    const completed = stage.product.accepted('Sales Task Completed');
    expect(completed).toHaveLength(1);
    expect(completed[0]!.body).toMatchObject({
      userId: USER_ID,
      groupId: GROUP_ID,
      properties: { attioTaskId: taskId, completedBy: 'workspace-member', taskKey: expect.any(String) },
    });
    expect(completed[0]!.body.properties.task).not.toContain('attio-plg key');
    expect(named(stage.rudderstack.messages, 'Sales Task Completed')).toHaveLength(1);
  });

  it('a merge calls the hook with the surviving record and emits Attio Records Merged', async () => {
    stage = await startLoopStage();
    await pqlDeal(stage);
    const [jane] = await stage.client.queryRecords('people', { filter: { email_addresses: 'jane.doe@acme.com' } });
    const duplicate = await stage.call('POST', '/v2/objects/people/records', {
      data: { values: { email_addresses: ['jane@acme-mail.test'], name: [{ full_name: 'Jane Doe' }] } },
    });
    expect(duplicate.status).toBe(200);
    const merged = await stage.call('POST', '/_emulator/objects/people/records/merge', {
      data: {
        primary_record_id: jane!.id.record_id,
        secondary_record_id: duplicate.body.data.id.record_id,
        mode: 'into-primary',
      },
    });
    expect(merged.status).toBe(200);
    await stage.settle();
    expect(stage.merges).toEqual([
      {
        object: 'people',
        survivorRecordId: jane!.id.record_id,
        mergedRecordIds: [duplicate.body.data.id.record_id],
      },
    ]);
    const [event, ...more] = stage.product.accepted('Attio Records Merged');
    expect(more).toEqual([]);
    expect(event!.body).toMatchObject({
      userId: USER_ID,
      properties: {
        object: 'people',
        attioSurvivorRecordId: jane!.id.record_id,
        attioMergedRecordId: duplicate.body.data.id.record_id,
      },
    });
  });
});

describe('the product webhook’s signature', () => {
  it('verifies as documented, and not under another secret', () => {
    const body = '{"event":"Deal Won"}';
    const header = `t=1700000000,v1=${createHmac('sha256', PRODUCT_SECRET).update(`1700000000.${body}`).digest('hex')}`;
    expect(verifyProductSignature(body, header, PRODUCT_SECRET)).toBe(true);
    expect(verifyProductSignature(body, header, `${PRODUCT_SECRET}x`)).toBe(false);
    expect([SEGMENT_WRITE_KEY, RUDDER_WRITE_KEY]).not.toContain(PRODUCT_SECRET);
  });
});
