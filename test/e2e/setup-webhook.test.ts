/**
 * `attio-plg setup --webhook-url`, end to end on the emulator: the webhook is created once with the
 * subscriptions the receiver needs, its secret goes only where the operator said, the emulator's deliveries
 * verify with it, and running setup again changes nothing (or brings drifted subscriptions back).
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSetup, type SetupOptions } from '../../src/cli/setup-command.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { callEmulator } from '../support/emulator.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';

const REP_TOKEN = 'rep-token';
let emulator: EmulatorHandle;
let receiver: WebhookReceiver;
let dir: string;
const savedKey = process.env.ATTIO_API_KEY;

beforeAll(async () => {
  process.env.ATTIO_API_KEY = EMULATOR_API_KEY;
  emulator = await startEmulator({ memberToken: REP_TOKEN });
  receiver = await startWebhookReceiver();
  dir = mkdtempSync(join(tmpdir(), 'attio-plg-webhook-'));
});
afterAll(async () => {
  process.env.ATTIO_API_KEY = savedKey;
  await emulator.close();
  await receiver.close();
  rmSync(dir, { recursive: true, force: true });
});

interface SetupRun {
  code: number;
  stdout: string;
  stderr: string;
  // The --json object; tests read it by path.
  json: any;
}

async function setup(options: Partial<SetupOptions>): Promise<SetupRun> {
  let stdout = '';
  let stderr = '';
  const code = await runSetup(
    { apiUrl: emulator.url, apply: false, json: true, ...options },
    { write: (text) => (stdout += text) },
    { write: (text) => (stderr += text) },
  );
  return { code, stdout, stderr, json: options.json === false ? undefined : JSON.parse(stdout) };
}

const call = (method: string, path: string, body?: unknown, token?: string) =>
  callEmulator(emulator.url, method, path, body, token);

const webhookWrites = () => emulator.requests.filter((r) => r.path.startsWith('/v2/webhooks') && r.method !== 'GET');
const webhooksAt = async (url: string) =>
  (await call('GET', '/v2/webhooks?limit=100')).body.data.filter((w: any) => w.target_url === url);

describe('setup --webhook-url', () => {
  const secretFile = () => join(dir, 'attio-webhook-secret');

  it('without --apply only reads, and says what it would create', async () => {
    const run = await setup({ webhookUrl: receiver.url });
    expect(run.code).toBe(0);
    expect(run.json.webhook).toMatchObject({ targetUrl: receiver.url, state: 'create' });
    expect(run.json.webhook.subscriptions.map((s: any) => s.event_type)).toEqual([
      'record.updated',
      'task.updated',
      'record.merged',
    ]);
    expect(webhookWrites()).toEqual([]);
  });

  it('with --apply creates it once and writes its secret to a file only its owner can read', async () => {
    const run = await setup({ apply: true, webhookUrl: receiver.url, webhookSecretFile: secretFile() });
    expect(run.code).toBe(0);
    expect(run.json.webhook).toMatchObject({ state: 'create', outcome: 'created', secretFile: secretFile() });
    const secret = readFileSync(secretFile(), 'utf8').trim();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(secretFile()).mode & 0o777).toBe(0o600);
    expect(run.stdout).not.toContain(secret);
    expect(run.stderr).toBe('');
    expect('secret' in run.json.webhook).toBe(false);
    expect(await webhooksAt(receiver.url)).toHaveLength(1);
  });

  it('the deliveries it subscribed to verify with that secret: a rep’s stage change, a completed task, a merge', async () => {
    const secret = readFileSync(secretFile(), 'utf8').trim();
    const owner = (await call('GET', '/v2/workspace_members')).body.data[1].email_address;
    const deal = (
      await call('POST', '/v2/objects/deals/records', {
        data: { values: { name: ['Acme'], stage: ['Product Qualified'], owner: [owner] } },
      })
    ).body.data.id.record_id;
    await call('PATCH', `/v2/objects/deals/records/${deal}`, { data: { values: { name: ['Acme Inc'] } } }, REP_TOKEN);
    await call('PATCH', `/v2/objects/deals/records/${deal}`, { data: { values: { stage: ['Won 🎉'] } } }, REP_TOKEN);
    const task = (
      await call('POST', '/v2/tasks', {
        data: {
          content: 'Follow up',
          format: 'plaintext',
          deadline_at: null,
          is_completed: false,
          linked_records: [{ target_object: 'deals', target_record_id: deal }],
          assignees: [],
        },
      })
    ).body.data.id.task_id;
    await call('PATCH', `/v2/tasks/${task}`, { data: { is_completed: true } }, REP_TOKEN);
    const people = await Promise.all(
      ['ann@acme.test', 'ann.b@acme.test'].map(
        async (email) =>
          (await call('POST', '/v2/objects/people/records', { data: { values: { email_addresses: [email] } } })).body
            .data.id.record_id,
      ),
    );
    await call(
      'POST',
      '/_emulator/objects/people/records/merge',
      { data: { primary_record_id: people[0], secondary_record_id: people[1], mode: 'into-primary' } },
      REP_TOKEN,
    );

    await emulator.webhooks.settled();
    for (const delivery of receiver.deliveries) {
      expect(delivery.headers['attio-signature']).toBe(
        createHmac('sha256', secret).update(delivery.rawBody).digest('hex'),
      );
    }
    expect(receiver.deliveries.map((d) => `${d.body.events[0].event_type} by ${d.body.events[0].actor.type}`)).toEqual([
      'record.updated by workspace-member',
      'task.updated by workspace-member',
      'record.merged by workspace-member',
    ]);
    expect(receiver.deliveries[0]?.body.events[0].id.record_id).toBe(deal);
  });

  it('a second run changes nothing and leaves the secret file alone', async () => {
    const before = { text: readFileSync(secretFile(), 'utf8'), mtime: statSync(secretFile()).mtimeMs };
    const writes = webhookWrites().length;
    const run = await setup({ apply: true, webhookUrl: receiver.url, webhookSecretFile: secretFile() });
    expect(run.code).toBe(0);
    expect(run.json.webhook).toMatchObject({ state: 'exists', outcome: 'unchanged' });
    expect(webhookWrites()).toHaveLength(writes);
    expect({ text: readFileSync(secretFile(), 'utf8'), mtime: statSync(secretFile()).mtimeMs }).toEqual(before);
  });

  it('subscriptions someone changed are brought back, on the same webhook', async () => {
    const [ours] = await webhooksAt(receiver.url);
    await call('PATCH', `/v2/webhooks/${ours.id.webhook_id}`, {
      data: { subscriptions: [{ event_type: 'note.created', filter: null }] },
    });
    const run = await setup({ apply: true, webhookUrl: receiver.url, webhookSecretFile: secretFile(), json: false });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `updated the subscriptions of webhook ${ours.id.webhook_id}; its signing secret is unchanged`,
    );
    const after = await webhooksAt(receiver.url);
    expect(after.map((w: any) => w.id.webhook_id)).toEqual([ours.id.webhook_id]);
    expect(after[0].subscriptions.map((s: any) => s.event_type)).toEqual([
      'record.updated',
      'task.updated',
      'record.merged',
    ]);
  });

  it('--print-webhook-secret prints a new secret once, with a warning on stderr', async () => {
    const url = receiver.url.replace('/attio/webhooks', '/other/webhooks');
    const run = await setup({ apply: true, webhookUrl: url, printWebhookSecret: true, json: false });
    expect(run.code).toBe(0);
    const printed = /signing secret \(shown once\): ([0-9a-f]{64})/.exec(run.stdout)?.[1] ?? '';
    expect(printed).toMatch(/^[0-9a-f]{64}$/);
    expect(run.stdout.split(printed)).toHaveLength(2);
    expect(run.stderr).toMatch(/^attio-plg: warning: the webhook signing secret was printed/);
    const again = await setup({ apply: true, webhookUrl: url, printWebhookSecret: true, json: false });
    expect(again.stdout).not.toMatch(/signing secret \(shown once\)/);
    expect(again.stderr).toBe('');
  });
});

describe('setup --webhook-url refuses, before any request, what it cannot do safely', () => {
  const refusals: Array<[string, Partial<SetupOptions>, RegExp]> = [
    [
      '--apply without saying where the secret goes',
      { apply: true, webhookUrl: 'https://plg.example.com/hooks' },
      /needs --webhook-secret-file PATH or --print-webhook-secret/,
    ],
    [
      'both places for the secret',
      {
        apply: true,
        webhookUrl: 'https://plg.example.com/hooks',
        webhookSecretFile: '/tmp/x',
        printWebhookSecret: true,
      },
      /choose one/,
    ],
    ['a secret place without a URL', { apply: true, webhookSecretFile: '/tmp/x' }, /go with --webhook-url/],
    ['plain http to another host', { webhookUrl: 'http://plg.example.com/hooks' }, /must be https/],
    ['a relative URL', { webhookUrl: '/attio/webhooks' }, /must be an absolute URL/],
    [
      'a secret file in a directory that does not exist',
      { apply: true, webhookUrl: 'https://plg.example.com/hooks', webhookSecretFile: '/nonexistent-dir/secret' },
      /cannot write \/nonexistent-dir\/secret/,
    ],
  ];
  for (const [name, options, message] of refusals) {
    it(name, async () => {
      const sent = emulator.requests.length;
      await expect(setup(options)).rejects.toThrow(message);
      expect(emulator.requests.length).toBe(sent);
    });
  }
});
