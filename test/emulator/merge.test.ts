/**
 * The emulator-only merge (`POST /_emulator/objects/{object}/records/merge`), standing in for a rep merging
 * duplicates in Attio: the values of both, references, entries, notes and tasks on the record that remains,
 * and record.merged events naming it and each record merged into it.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { callEmulator } from '../support/emulator.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const REP_TOKEN = 'rep-token';
let emulator: EmulatorHandle;
let receiver: WebhookReceiver;

beforeAll(async () => {
  emulator = await startEmulator({ memberToken: REP_TOKEN });
  receiver = await startWebhookReceiver();
  await call('POST', '/v2/webhooks', {
    data: { target_url: receiver.url, subscriptions: [{ event_type: 'record.merged', filter: null }] },
  });
});
afterAll(async () => {
  await emulator.close();
  await receiver.close();
});
afterEach(async () => {
  await emulator.webhooks.settled();
  receiver.deliveries.length = 0;
});

const call = (method: string, path: string, body?: unknown, token?: string) =>
  callEmulator(emulator.url, method, path, body, token);

const create = async (object: string, values: Record<string, unknown>) =>
  (await call('POST', `/v2/objects/${object}/records`, { data: { values } })).body.data.id.record_id as string;
const merge = (object: string, primary: string, secondary: string, mode?: string) =>
  call(
    'POST',
    `/_emulator/objects/${object}/records/merge`,
    { data: { primary_record_id: primary, secondary_record_id: secondary, ...(mode ? { mode } : {}) } },
    REP_TOKEN,
  );
const record = async (object: string, id: string) => call('GET', `/v2/objects/${object}/records/${id}`);

describe('merging two records', () => {
  it('by default makes a new record with the values of both, the primary winning; the originals are gone', async () => {
    const owner = (await call('GET', '/v2/workspace_members')).body.data[0].email_address;
    const primary = await create('people', { email_addresses: ['ann@merge.test'], job_title: ['CTO'] });
    const secondary = await create('people', {
      email_addresses: ['ann.smith@merge.test'],
      job_title: ['Engineer'],
      description: ['met at a fair'],
    });
    const deal = await create('deals', {
      name: ['Ann'],
      stage: ['Lead'],
      owner: [owner],
      associated_people: [{ target_object: 'people', target_record_id: secondary }],
    });
    await call('POST', '/v2/notes', {
      data: { parent_object: 'people', parent_record_id: secondary, title: 'Call', format: 'plaintext', content: 'x' },
    });
    const task = (
      await call('POST', '/v2/tasks', {
        data: {
          content: 'Follow up',
          format: 'plaintext',
          deadline_at: null,
          is_completed: false,
          linked_records: [
            { target_object: 'people', target_record_id: primary },
            { target_object: 'people', target_record_id: secondary },
          ],
          assignees: [],
        },
      })
    ).body.data.id.task_id;

    const merged = await merge('people', primary, secondary);
    expect(merged.status).toBe(200);
    const survivor = merged.body.data.id.record_id;
    expect([primary, secondary]).not.toContain(survivor);
    const { values } = merged.body.data;
    expect(values.email_addresses.map((v: any) => v.email_address)).toEqual(['ann@merge.test', 'ann.smith@merge.test']);
    expect(values.job_title.map((v: any) => v.value)).toEqual(['CTO']);
    expect(values.description.map((v: any) => v.value)).toEqual(['met at a fair']);
    // Values keep who wrote them and since when.
    expect(values.job_title[0].created_by_actor).toEqual(emulator.apiTokenActor);

    expect((await record('people', primary)).status).toBe(404);
    expect((await record('people', secondary)).status).toBe(404);
    const dealPeople = (await record('deals', deal)).body.data.values.associated_people.map(
      (v: any) => v.target_record_id,
    );
    expect(dealPeople).toEqual([survivor]);
    expect(
      (await record('people', survivor)).body.data.values.associated_deals.map((v: any) => v.target_record_id),
    ).toEqual([deal]);
    expect((await call('GET', `/v2/notes?parent_object=people&parent_record_id=${survivor}`)).body.data).toHaveLength(
      1,
    );
    expect(
      (await call('GET', `/v2/tasks/${task}`)).body.data.linked_records.map((l: any) => l.target_record_id),
    ).toEqual([survivor]);
    // The email that identified either original now finds the one record.
    const found = await call('POST', '/v2/objects/people/records/query', {
      filter: { email_addresses: 'ann.smith@merge.test' },
    });
    expect(found.body.data.map((r: any) => r.id.record_id)).toEqual([survivor]);

    await emulator.webhooks.settled();
    const people = merged.body.data.id.object_id;
    const rep = { type: 'workspace-member', id: emulator.member?.id };
    expect(receiver.deliveries.map((d) => d.body.events[0])).toEqual(
      [primary, secondary].map((duplicate) => ({
        event_type: 'record.merged',
        id: { workspace_id: merged.body.data.id.workspace_id, object_id: people, record_id: survivor },
        duplicate_object_id: people,
        duplicate_record_id: duplicate,
        actor: rep,
      })),
    );
  });

  it('into-primary keeps the primary and its id, announced by one record.merged; one list entry remains', async () => {
    const primary = await create('companies', { domains: ['acme.test'], name: ['Acme'] });
    const secondary = await create('companies', { domains: ['acme-inc.test'], name: ['Acme Inc'] });
    const ann = await create('people', {
      email_addresses: ['ann@acme.test'],
      company: [{ target_object: 'companies', target_record_id: secondary }],
    });
    const merged = await merge('companies', primary, secondary, 'into-primary');
    expect(merged.body.data.id.record_id).toBe(primary);
    expect(merged.body.data.values.name.map((v: any) => v.value)).toEqual(['Acme']);
    expect(merged.body.data.values.domains.map((v: any) => v.domain)).toEqual(['acme.test', 'acme-inc.test']);
    expect(merged.body.data.values.team.map((v: any) => v.target_record_id)).toEqual([ann]);
    expect((await record('people', ann)).body.data.values.company.map((v: any) => v.target_record_id)).toEqual([
      primary,
    ]);
    expect((await record('companies', secondary)).status).toBe(404);
    await emulator.webhooks.settled();
    expect(
      receiver.deliveries.map((d) => [d.body.events[0].id.record_id, d.body.events[0].duplicate_record_id]),
    ).toEqual([[primary, secondary]]);

    const bob = await create('people', { email_addresses: ['bob@merge.test'] });
    const bobby = await create('people', { email_addresses: ['bobby@merge.test'] });
    for (const [id, score] of [
      [bob, 10],
      [bobby, 90],
    ] as const) {
      await call('PUT', '/v2/lists/pql_queue/entries', {
        data: { parent_object: 'people', parent_record_id: id, entry_values: { pql_score: [score] } },
      });
    }
    await merge('people', bob, bobby, 'into-primary');
    const entries = (await call('POST', '/v2/lists/pql_queue/entries/query', { filter: { parent_record_id: bob } }))
      .body.data;
    expect(entries.map((e: any) => e.entry_values.pql_score[0].value)).toEqual([10]);
  });

  it('refuses a record merged with itself, an unknown record and an unknown mode, changing nothing', async () => {
    const one = await create('people', { email_addresses: ['solo@merge.test'] });
    const self = await merge('people', one, one);
    expect(self.status).toBe(400);
    expect(self.body.message).toMatch(/cannot be merged with itself/);
    expect((await merge('people', one, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const mode = await merge('people', one, one, 'sideways');
    expect(mode.status).toBe(400);
    expect(mode.body.message).toMatch(/"data\.mode" must be one of "new-record", "into-primary"/);
    expect((await record('people', one)).status).toBe(200);
    await emulator.webhooks.settled();
    expect(receiver.deliveries).toEqual([]);
  });
});
