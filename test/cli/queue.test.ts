/**
 * `attio-plg queue status|dead-letters|retry` beside a running receiver: the workspace changes under it (the
 * deal stage the configuration names is missing), an event goes to the dead letters with its reason, the
 * operator adds the stage and puts it back, and the drain applies it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAttioConnection } from '../../src/core/attio/index.js';
import { parseConfig } from '../../src/core/config/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { QueueStore } from '../../src/destinations/http/queue/index.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { CLI_BUILT, runCli } from '../support/cli.js';
import { crmState, QUALIFYING, REPS, signedUp, usage } from '../support/e2e.js';
import { freshDataDir, startTestReceiver, type TestReceiver } from '../support/receiver.js';

const SECRET = 'a-webhook-secret-of-some-length';
const running: Array<TestReceiver | EmulatorHandle> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.close();
});

describe.skipIf(!CLI_BUILT)('attio-plg queue', () => {
  it('shows a dead letter and its reason; retry puts it back once the cause is fixed, and the running receiver applies it', async () => {
    const attio = await startEmulator({ seed: 'plg-demo' });
    running.push(attio);
    const connection = createAttioConnection({ apiUrl: attio.url, apiKey: EMULATOR_API_KEY });
    // A stage the workspace does not have (yet); the schema is read afresh each time so the fix is seen.
    const config = parseConfig({
      apiKey: EMULATOR_API_KEY,
      apiUrl: attio.url,
      salesReps: REPS,
      pqlStage: 'Qualified By Product',
      schemaCacheTtlSeconds: 0,
    });
    const receiver = await startTestReceiver({
      engine: new EventEngine({ client: connection.client, config }),
      secret: SECRET,
    });
    running.push(receiver);
    const qualifying = usage('ada@acme.com', 2, QUALIFYING);
    const answer = await fetch(receiver.url, {
      method: 'POST',
      headers: { 'x-webhook-secret': SECRET, 'content-type': 'application/json' },
      body: JSON.stringify([signedUp('ada@acme.com', 1), qualifying]),
    });
    expect(answer.status).toBe(200);
    await receiver.drainer.whenEmpty();
    const dir = ['--data-dir', receiver.dataDir];

    const status = await runCli(['queue', 'status', '--json', ...dir]);
    expect([status.code, JSON.parse(status.stdout)]).toEqual([
      0,
      { dataDir: receiver.dataDir, queued: 0, oldestAgeSeconds: null, backingOff: 0, deadLetters: 1 },
    ]);
    const human = await runCli(['queue', 'status', ...dir]);
    expect(human.stdout).toContain('  dead letters:  1 (attio-plg queue dead-letters)');
    const letters = await runCli(['queue', 'dead-letters', ...dir]);
    expect(letters.code).toBe(0);
    expect(letters.stdout).toMatch(
      new RegExp(`^2  \\S+  track "Usage Summary" ${qualifying.messageId}  after 1 attempt  \\[config\\] pqlStage: `),
    );
    expect(letters.stdout).not.toContain('ada@acme.com');
    const [json] = (await runCli(['queue', 'dead-letters', '--json', ...dir])).stdout.trim().split('\n');
    expect(JSON.parse(json ?? '{}')).toMatchObject({
      seq: 2,
      event: 'track "Usage Summary"',
      messageId: qualifying.messageId,
      category: 'config',
      reason: expect.stringMatching(/^pqlStage: /),
    });

    // The operator fixes the cause (adds the stage), then puts the event back.
    await connection.client.createStatus('objects', 'deals', 'stage', { title: 'Qualified By Product' });
    const retried = await runCli(['queue', 'retry', '--all', ...dir]);
    expect([retried.code, retried.stdout]).toEqual([0, 'put 1 dead letter back in the queue\n']);
    // The receiver looks for events put back by another process every second.
    while (receiver.queue.stats().deadLetters > 0 || receiver.queue.stats().depth > 0)
      await new Promise((resolve) => setTimeout(resolve, 50));
    await receiver.drainer.whenEmpty();
    const crm = await crmState(connection.client);
    expect(crm.deals.map((d) => [d.stage, d.people])).toEqual([['Qualified By Product', ['ada@acme.com']]]);
    // The failed run had written the PQL note before the deal failed; the retry found it rather than writing another.
    expect(crm.notes.filter((n) => n.startsWith('ada@acme.com | PQL Qualified'))).toHaveLength(1);
    expect(crm.people).toEqual([expect.objectContaining({ email: 'ada@acme.com', pqlScore: 100, pqlTier: 'hot' })]);
    expect(receiver.queue.stats()).toEqual({ depth: 0, deadLetters: 0 });
  });

  it('retry by seq; says which seqs are not dead letters; refuses both seqs and --all', async () => {
    const dataDir = freshDataDir();
    const store = new QueueStore({ dataDir });
    store.enqueue([
      { lane: 'a', payload: '{"type":"identify"}' },
      { lane: 'b', payload: '{"type":"identify"}' },
    ]);
    store.settle({
      done: [],
      retry: [],
      dead: [1, 2].map((seq) => ({ seq, reason: 'the Attio access token is not active', category: 'auth' })),
    });
    store.close();
    const dir = ['--data-dir', dataDir];
    expect(await runCli(['queue', 'retry', '2', '7', ...dir])).toMatchObject({
      code: 1,
      stdout: 'put 1 dead letter back in the queue\n',
      stderr: 'attio-plg: 1 of the given seqs are not dead letters (see attio-plg queue dead-letters)\n',
    });
    expect(await runCli(['queue', 'retry', '1', '--all', ...dir])).toMatchObject({
      code: 2,
      stderr: 'attio-plg: name the dead letters to put back (their seq) or give --all, not both\n',
    });
    expect(await runCli(['queue', 'retry', ...dir])).toMatchObject({ code: 2 });
    expect(await runCli(['queue', 'retry', 'x', ...dir])).toMatchObject({
      code: 2,
      stderr: 'attio-plg: SEQ must be a dead letter\'s seq (a whole number), got "x"\n',
    });
    const status = JSON.parse((await runCli(['queue', 'status', '--json', ...dir])).stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ queued: 1, deadLetters: 1, oldestAgeSeconds: expect.any(Number) });
  });

  it('says there is no queue where none was kept, and each subcommand has its own --help', async () => {
    const missing = await runCli(['queue', 'status', '--data-dir', '/nonexistent/attio-plg']);
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'attio-plg: no queue in /nonexistent/attio-plg (--data-dir: the directory serve was started with)\n',
    ]);
    const help = await runCli(['queue', 'dead-letters', '--help']);
    expect([help.code, help.stdout]).toEqual([0, expect.stringContaining('--limit <N>')]);
  });
});
