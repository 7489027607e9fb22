/**
 * The emulator sends webhooks as Attio does: one signed POST per event, an Idempotency-Key kept across
 * retries, retries on anything but 2xx with doubling waits (on a manual clock here), subscriptions filtered
 * on the payload, and writes by the member token (a rep) told apart from the API token's.
 */
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_API_KEY, ManualScheduler, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { callEmulator } from '../support/emulator.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const REP_TOKEN = 'rep-token';
const scheduler = new ManualScheduler();
let emulator: EmulatorHandle;
let receiver: WebhookReceiver;

beforeAll(async () => {
  emulator = await startEmulator({ memberToken: REP_TOKEN, webhooks: { scheduler, retryBaseMs: 1000, retries: 3 } });
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});
afterEach(async () => {
  await emulator.webhooks.settled();
  for (const webhook of (await call('GET', '/v2/webhooks?limit=100')).body.data)
    await call('DELETE', `/v2/webhooks/${webhook.id.webhook_id}`);
  // Retries a test left waiting find their webhook gone and send nothing.
  while (scheduler.runNext()) await emulator.webhooks.settled();
  receiver.deliveries.length = 0;
});

const call = (method: string, path: string, body?: unknown, token?: string) =>
  callEmulator(emulator.url, method, path, body, token);

async function subscribe(subscriptions: unknown[]): Promise<{ id: string; secret: string }> {
  const { body } = await call('POST', '/v2/webhooks', { data: { target_url: receiver.url, subscriptions } });
  return { id: body.data.id.webhook_id, secret: body.data.secret };
}

const delivered = async () => {
  await emulator.webhooks.settled();
  return receiver.deliveries;
};
const person = async (email: string, token = EMULATOR_API_KEY) =>
  (
    await call(
      'PUT',
      '/v2/objects/people/records?matching_attribute=email_addresses',
      { data: { values: { email_addresses: [email] } } },
      token,
    )
  ).body.data;
const objectId = async (slug: string) => (await call('GET', `/v2/objects/${slug}`)).body.data.id.object_id;
const attributeId = async (object: string, slug: string) =>
  (await call('GET', `/v2/objects/${object}/attributes/${slug}`)).body.data.id.attribute_id;
const all = (type: string) => ({ event_type: type, filter: null });

describe('deliveries', () => {
  it('a change is POSTed as {webhook_id, events}, signed over the raw body, with an Idempotency-Key', async () => {
    const { id, secret } = await subscribe([all('record.created')]);
    const ann = await person('ann@hooks.test');
    const [delivery, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(delivery?.body).toEqual({
      webhook_id: id,
      events: [
        {
          event_type: 'record.created',
          id: { workspace_id: ann.id.workspace_id, object_id: await objectId('people'), record_id: ann.id.record_id },
          actor: emulator.apiTokenActor,
        },
      ],
    });
    const signature = createHmac('sha256', secret)
      .update(delivery?.rawBody ?? '')
      .digest('hex');
    expect(delivery?.headers['attio-signature']).toBe(signature);
    expect(delivery?.headers['x-attio-signature']).toBe(signature);
    expect(delivery?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(delivery?.headers['content-type']).toBe('application/json');
  });

  it('record.updated names the attribute a rep changed, never the value; the value carries the rep as its actor', async () => {
    const ann = await person('ann.rep@hooks.test');
    await subscribe([all('record.updated')]);
    const patch = { data: { values: { job_title: ['VP Growth'] } } };
    expect((await call('PATCH', `/v2/objects/people/records/${ann.id.record_id}`, patch, REP_TOKEN)).status).toBe(200);
    const [delivery, ...more] = await delivered();
    expect(more).toEqual([]);
    expect(delivery?.body.events).toEqual([
      {
        event_type: 'record.updated',
        id: {
          workspace_id: ann.id.workspace_id,
          object_id: await objectId('people'),
          record_id: ann.id.record_id,
          attribute_id: await attributeId('people', 'job_title'),
        },
        actor: { type: 'workspace-member', id: emulator.member?.id },
      },
    ]);
    expect(delivery?.rawBody).not.toContain('VP Growth');

    const values = (await call('GET', `/v2/objects/people/records/${ann.id.record_id}`)).body.data.values;
    expect(values.job_title[0]).toMatchObject({
      value: 'VP Growth',
      created_by_actor: { type: 'workspace-member', id: emulator.member?.id },
    });
    expect(values.job_title[0].active_from).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(values.email_addresses[0].created_by_actor).toEqual(emulator.apiTokenActor);

    // The same value again changes nothing, so nothing is sent.
    await call('PATCH', `/v2/objects/people/records/${ann.id.record_id}`, patch, REP_TOKEN);
    expect(await delivered()).toHaveLength(1);
  });

  it('filters: only deal stage changes, only people or companies, only what a rep did', async () => {
    const deals = await objectId('deals');
    await subscribe([
      {
        event_type: 'record.updated',
        filter: {
          $and: [
            { field: 'id.object_id', operator: 'equals', value: deals },
            { field: 'id.attribute_id', operator: 'equals', value: await attributeId('deals', 'stage') },
          ],
        },
      },
    ]);
    await subscribe([
      {
        event_type: 'record.created',
        filter: {
          $or: [
            { field: 'id.object_id', operator: 'equals', value: await objectId('people') },
            { field: 'id.object_id', operator: 'equals', value: await objectId('companies') },
          ],
        },
      },
    ]);
    await subscribe([
      {
        event_type: 'record.created',
        filter: { $and: [{ field: 'actor.type', operator: 'not_equals', value: 'api-token' }] },
      },
    ]);

    const owner = (await call('GET', '/v2/workspace_members')).body.data[1].email_address;
    const deal = (
      await call('POST', '/v2/objects/deals/records', {
        data: { values: { name: ['Acme'], stage: ['Lead'], owner: [owner] } },
      })
    ).body.data;
    await call('PATCH', `/v2/objects/deals/records/${deal.id.record_id}`, {
      data: { values: { name: ['Acme (renamed)'] } },
    });
    await call(
      'PATCH',
      `/v2/objects/deals/records/${deal.id.record_id}`,
      { data: { values: { stage: ['Won 🎉'] } } },
      REP_TOKEN,
    );
    await person('cy@hooks.test');
    await person('di@hooks.test', REP_TOKEN);

    const events = (await delivered()).map(
      (d) =>
        `${d.body.events[0].event_type} ${d.body.events[0].id.object_id === deals ? 'deal' : 'person'} by ${d.body.events[0].actor.type}`,
    );
    expect(events.sort()).toEqual([
      'record.created person by api-token',
      'record.created person by workspace-member',
      'record.created person by workspace-member',
      'record.updated deal by workspace-member',
    ]);
  });

  it('anything but 2xx is retried after doubling waits, with the same key, body and signature', async () => {
    await subscribe([all('record.created')]);
    receiver.answerNext(500, 503);
    await person('retry@hooks.test');
    expect((await delivered()).map((d) => d.answered)).toEqual([500]);
    expect(emulator.webhooks.pendingRetries).toBe(1);
    scheduler.advance(999);
    expect(await delivered()).toHaveLength(1);
    scheduler.advance(1);
    expect((await delivered()).map((d) => d.answered)).toEqual([500, 503]);
    scheduler.advance(1999);
    expect(await delivered()).toHaveLength(2);
    scheduler.advance(1);
    const deliveries = await delivered();
    expect(deliveries.map((d) => d.answered)).toEqual([500, 503, 200]);
    expect(new Set(deliveries.map((d) => d.headers['idempotency-key'])).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.rawBody)).size).toBe(1);
    expect(new Set(deliveries.map((d) => d.headers['attio-signature'])).size).toBe(1);
    expect(emulator.webhooks.pendingRetries).toBe(0);
    expect(emulator.webhooks.attempts.slice(-3).map((a) => [a.attempt, a.status])).toEqual([
      [1, 500],
      [2, 503],
      [3, 200],
    ]);
  });

  it('a message that fails every retry degrades the webhook; the next success makes it active again', async () => {
    const { id } = await subscribe([all('record.created')]);
    receiver.answerNext(500, 500, 500, 500);
    await person('down@hooks.test');
    await emulator.webhooks.settled();
    while (scheduler.runNext()) await emulator.webhooks.settled();
    expect((await delivered()).map((d) => d.answered)).toEqual([500, 500, 500, 500]);
    expect((await call('GET', `/v2/webhooks/${id}`)).body.data.status).toBe('degraded');
    await person('up@hooks.test');
    expect((await delivered()).at(-1)?.answered).toBe(200);
    expect((await call('GET', `/v2/webhooks/${id}`)).body.data.status).toBe('active');
  });

  it('an unreachable target is an attempt without a status, retried like a failure', async () => {
    const closed = await startWebhookReceiver();
    await closed.close();
    await call('POST', '/v2/webhooks', { data: { target_url: closed.url, subscriptions: [all('record.created')] } });
    await person('nobody@hooks.test');
    await emulator.webhooks.settled();
    expect(emulator.webhooks.attempts.at(-1)).toMatchObject({
      targetUrl: closed.url,
      status: 0,
      attempt: 1,
      error: expect.any(String),
    });
    expect(emulator.webhooks.pendingRetries).toBe(1);
  });

  it('a redelivery repeats the message: same body, same Idempotency-Key', async () => {
    await subscribe([all('record.created')]);
    await person('twice@hooks.test');
    const [first] = await delivered();
    const key = String(first?.headers['idempotency-key']);
    expect(emulator.webhooks.redeliver(key)).toBe(true);
    const [, second] = await delivered();
    expect(second?.headers['idempotency-key']).toBe(key);
    expect(second?.rawBody).toBe(first?.rawBody);
    expect(emulator.webhooks.attempts.at(-1)).toMatchObject({ idempotencyKey: key, redelivery: true });
    expect(emulator.webhooks.redeliver('unknown')).toBe(false);
  });

  it('a refused write sends nothing', async () => {
    await subscribe([all('record.created'), all('record.updated')]);
    expect(
      (await call('POST', '/v2/objects/people/records', { data: { values: { email_addresses: ['not-an-email'] } } }))
        .status,
    ).toBe(400);
    expect(await delivered()).toEqual([]);
  });

  it('a write whose success an injected 502 hid is announced all the same', async () => {
    const faulty = await startEmulator({ faults: 'after-commit-502=1' });
    const post = (path: string, body: unknown) =>
      fetch(`${faulty.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${EMULATOR_API_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect(
      (await post('/v2/webhooks', { data: { target_url: receiver.url, subscriptions: [all('record.created')] } }))
        .status,
    ).toBe(502);
    expect(
      (await post('/v2/objects/people/records', { data: { values: { email_addresses: ['hidden@hooks.test'] } } }))
        .status,
    ).toBe(502);
    await faulty.webhooks.settled();
    await faulty.close();
    expect((await delivered()).map((d) => d.body.events[0].event_type)).toEqual(['record.created']);
  });

  it('takes http target URLs on loopback only (Attio takes https only)', async () => {
    const remote = await call('POST', '/v2/webhooks', {
      data: { target_url: 'http://hooks.example.test/attio', subscriptions: [all('record.created')] },
    });
    expect(remote.status).toBe(400);
    expect(remote.body.message).toMatch(/"data\.target_url" must be an https URL/);
    expect(
      (
        await call('POST', '/v2/webhooks', {
          data: { target_url: 'http://localhost:9/hook', subscriptions: [all('record.created')] },
        })
      ).status,
    ).toBe(200);
  });
});

describe('list entries, notes and tasks', () => {
  it('list-entry events name the list, the entry, the changed attribute and the parent record', async () => {
    await subscribe([all('list-entry.created'), all('list-entry.updated'), all('list-entry.deleted')]);
    const ann = await person('entries@hooks.test');
    const entry = {
      data: { parent_object: 'people', parent_record_id: ann.id.record_id, entry_values: { pql_score: [40] } },
    };
    const created = (await call('PUT', '/v2/lists/pql_queue/entries', entry)).body.data;
    await call(
      'PUT',
      '/v2/lists/pql_queue/entries',
      { data: { ...entry.data, entry_values: { pql_score: [80] } } },
      REP_TOKEN,
    );
    await call('DELETE', `/v2/lists/pql_queue/entries/${created.id.entry_id}`);
    const list = (await call('GET', '/v2/lists/pql_queue')).body.data.id.list_id;
    const parent = { parent_object_id: await objectId('people'), parent_record_id: ann.id.record_id };
    const ids = { workspace_id: ann.id.workspace_id, list_id: list, entry_id: created.id.entry_id };
    const listAttribute = (await call('GET', '/v2/lists/pql_queue/attributes/pql_score')).body.data.id.attribute_id;
    expect((await delivered()).map((d) => d.body.events[0])).toEqual([
      { event_type: 'list-entry.created', id: ids, ...parent, actor: emulator.apiTokenActor },
      {
        event_type: 'list-entry.updated',
        id: { ...ids, attribute_id: listAttribute },
        ...parent,
        actor: { type: 'workspace-member', id: emulator.member?.id },
      },
      { event_type: 'list-entry.deleted', id: ids, ...parent, actor: emulator.apiTokenActor },
    ]);
  });

  it('note and task events; a rep completing a task is task.updated by that rep', async () => {
    await subscribe([
      all('note.created'),
      all('note.deleted'),
      all('task.created'),
      all('task.updated'),
      all('task.deleted'),
    ]);
    const ann = await person('notes@hooks.test');
    const note = (
      await call('POST', '/v2/notes', {
        data: {
          parent_object: 'people',
          parent_record_id: ann.id.record_id,
          title: 'PQL',
          format: 'plaintext',
          content: 'hot',
        },
      })
    ).body.data;
    const task = (
      await call('POST', '/v2/tasks', {
        data: {
          content: 'Follow up',
          format: 'plaintext',
          deadline_at: null,
          is_completed: false,
          linked_records: [{ target_object: 'people', target_record_id: ann.id.record_id }],
          assignees: [],
        },
      })
    ).body.data;
    const completed = await call('PATCH', `/v2/tasks/${task.id.task_id}`, { data: { is_completed: true } }, REP_TOKEN);
    expect(completed.body.data.is_completed).toBe(true);
    await call('DELETE', `/v2/notes/${note.id.note_id}`);
    await call('DELETE', `/v2/tasks/${task.id.task_id}`);
    const workspace = ann.id.workspace_id;
    const parent = { parent_object_id: await objectId('people'), parent_record_id: ann.id.record_id };
    const rep = { type: 'workspace-member', id: emulator.member?.id };
    expect((await delivered()).map((d) => d.body.events[0])).toEqual([
      {
        event_type: 'note.created',
        id: { workspace_id: workspace, note_id: note.id.note_id },
        ...parent,
        actor: emulator.apiTokenActor,
      },
      {
        event_type: 'task.created',
        id: { workspace_id: workspace, task_id: task.id.task_id },
        actor: emulator.apiTokenActor,
      },
      { event_type: 'task.updated', id: { workspace_id: workspace, task_id: task.id.task_id }, actor: rep },
      {
        event_type: 'note.deleted',
        id: { workspace_id: workspace, note_id: note.id.note_id },
        ...parent,
        actor: emulator.apiTokenActor,
      },
      {
        event_type: 'task.deleted',
        id: { workspace_id: workspace, task_id: task.id.task_id },
        actor: emulator.apiTokenActor,
      },
    ]);
    expect(note.created_by_actor).toEqual(emulator.apiTokenActor);
  });
});

describe('the member token', () => {
  it('acts as the first member who is not the admin, unless memberEmail names one; other tokens are refused', async () => {
    const members = (await call('GET', '/v2/workspace_members')).body.data;
    expect(emulator.member).toEqual({
      type: 'workspace-member',
      id: members[1].id.workspace_member_id,
      email: members[1].email_address,
    });
    expect((await call('GET', '/v2/self', undefined, 'someone-else')).status).toBe(401);
    const named = await startEmulator({ memberToken: 'sam', memberEmail: 'sam.chen@plg-demo.test' });
    expect(named.member?.email).toBe('sam.chen@plg-demo.test');
    await named.close();
    await expect(startEmulator({ memberToken: 'x', memberEmail: 'nobody@plg-demo.test' })).rejects.toThrow(
      /memberEmail "nobody@plg-demo.test" is not a member/,
    );
  });
});
