/**
 * Duplicates a failure left behind (both seen in the cross-process test): a note created by an event whose
 * next step fails must be listed afresh when the event runs again, or a copy another process made in the
 * meantime survives beside ours; and a duplicate whose delete kept failing — after which another process
 * marked the person qualified, so no run needs that note again — is removed by the next event that lists
 * the person's notes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AttioClient } from '../../src/core/attio/client.js';
import { createGotTransport } from '../../src/core/attio/got-transport.js';
import type { AttioNote } from '../../src/core/attio/schemas.js';
import type { AttioRequest, Transport } from '../../src/core/attio/transport.js';
import { parseConfig } from '../../src/core/config/index.js';
import { keyMarker } from '../../src/core/workflows/notes-and-tasks.js';
import { EMULATOR_API_KEY, startEmulator, type EmulatorHandle } from '../../src/emulator/index.js';
import { EventEngine } from '../../src/pipeline.js';
import { milestone, REPS, signedUp } from '../support/e2e.js';

const opened: EmulatorHandle[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((e) => e.close()));
});

const isNoteList = (request: AttioRequest) => request.method === 'GET' && request.path === '/v2/notes';

describe('duplicates a failure left behind', () => {
  it('a note whose creating event fails right after the create converges with another process’s copy when the event runs again', async () => {
    const emulator = await startEmulator({ seed: 'plg-demo' });
    opened.push(emulator);
    const http = createGotTransport({
      apiUrl: emulator.url,
      apiKey: EMULATOR_API_KEY,
      readsPerSecond: 10_000,
      writesPerSecond: 10_000,
    });
    const other = new AttioClient(http);
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS });
    const setup = new EventEngine({ client: other, config });
    expect((await setup.processEvent(signedUp('ada@acme.com', 1))).status).toBe('applied');

    let created = false;
    let failedList = false;
    // Between our listing and our create another process makes its copy; the listing after our create fails once.
    const interfering: Transport = {
      async send(request) {
        if (request.method === 'POST' && request.path === '/v2/notes' && !created) {
          created = true;
          const body = request.body as {
            data: {
              parent_object: string;
              parent_record_id: string;
              title: string;
              content: string;
              created_at?: string;
            };
          };
          await other.createNote({
            parentObject: body.data.parent_object,
            parentRecordId: body.data.parent_record_id,
            title: body.data.title,
            content: body.data.content,
            ...(body.data.created_at ? { createdAt: body.data.created_at } : {}),
          });
          return http.send(request);
        }
        if (isNoteList(request) && created && !failedList) {
          failedList = true;
          return {
            status: 503,
            headers: {},
            body: { status_code: 503, type: 'api_error', code: 'unavailable', message: 'try again' },
          };
        }
        return http.send(request);
      },
    };
    const engine = new EventEngine({ client: new AttioClient(interfering), config, maxRuns: 2, sleep: async () => {} });
    const result = await engine.processEvent(milestone('ada@acme.com', 'Integration Connected', 2));
    expect(result.status).toBe('applied');
    expect([created, failedList]).toEqual([true, true]);

    const notes: AttioNote[] = [];
    for await (const note of other.listAllNotes())
      if (note.content_plaintext.includes(keyMarker('milestone:first_integration'))) notes.push(note);
    expect(notes).toHaveLength(1);
  });

  it('a duplicate left when deleting the loser kept failing is removed by the person’s next event that lists notes', async () => {
    const emulator = await startEmulator({ seed: 'plg-demo' });
    opened.push(emulator);
    const client = new AttioClient(
      createGotTransport({
        apiUrl: emulator.url,
        apiKey: EMULATOR_API_KEY,
        readsPerSecond: 10_000,
        writesPerSecond: 10_000,
      }),
    );
    const config = parseConfig({ apiKey: EMULATOR_API_KEY, apiUrl: emulator.url, salesReps: REPS });
    const engine = new EventEngine({ client, config });
    expect((await engine.processEvent(signedUp('ada@acme.com', 1))).status).toBe('applied');
    const [person] = await client.queryRecords('people', { filter: { email_addresses: 'ada@acme.com' } });
    const parentRecordId = person?.id.record_id as string;
    const copy = {
      parentObject: 'people',
      parentRecordId,
      title: 'PQL Qualified',
      content: `PQL score: 72/100 (hot), threshold 60\n${keyMarker('pql-qualified')}`,
    };
    const kept = await client.createNote(copy);
    await client.createNote(copy);
    const unrelated = await client.createNote({
      parentObject: 'people',
      parentRecordId,
      title: 'Call notes',
      content: 'no key here',
    });

    expect((await engine.processEvent(milestone('ada@acme.com', 'Data Imported', 3))).status).toBe('applied');
    const left: AttioNote[] = [];
    for await (const note of client.listAllNotes('people', parentRecordId)) left.push(note);
    const ids = (title: string) => left.filter((n) => n.title === title).map((n) => n.id.note_id);
    expect(ids('PQL Qualified')).toEqual([kept.id.note_id]);
    expect(ids('Call notes')).toEqual([unrelated.id.note_id]);
    expect(ids('Activation Milestone')).toHaveLength(1);
  });
});
