/**
 * Snapshot tests in the form action-destinations generates for a destination (its
 * `__tests__/snapshot.test.ts`): for every action, once with the required fields and once with all of them,
 * test data from `generateTestData` (./test-data.ts) mapped literally, Attio over nock, and the first request
 * that writes snapshotted. Where Segment's template answers every request with an empty 200, these actions
 * read the workspace first, so nock serves the emulator's plg-demo metadata with the generated lists, deal
 * stages and reps added, a user for the generated user ID, and answers each write with a record of its kind. Where generated values cannot
 * satisfy a domain rule (a scoring model's weights summing to 100, a snake_case milestone key), the snapshot
 * holds the error the action raises, which names the field.
 */
import type { JSONObject } from '@segment/actions-core';
import nock from 'nock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../../src/destinations/segment/generated-types.js';
import { clearSchemaStores } from '../../../src/destinations/segment/workspace-state.js';
import {
  ATTIO,
  actionsCore,
  destination,
  entryOf,
  loadSeedMetadata,
  recordOf,
  WORKSPACE_ID,
} from '../../support/segment.js';
import { generateTestData, valueFor } from './test-data.js';

const { createTestEvent, createTestIntegration } = actionsCore;

/** `startCase(camelCase('attio-plg'))` without spaces, as Segment names the seed. */
const destinationSlug = 'AttioPlg';

interface Write {
  request: string;
  body: unknown;
}

const strings = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');

/** The plg-demo workspace's metadata, with the lists, stages and members the generated data names. */
async function metadataFor(eventData: Record<string, unknown>): Promise<Map<string, unknown>> {
  const metadata = new Map(await loadSeedMetadata());
  const listed = <T>(path: string) => (metadata.get(path) as { data: T[] }).data;
  const lists = [...listed<{ api_slug: string }>('/v2/lists')];
  for (const slug of [...strings(eventData['trial_list']), ...strings(eventData['pql_list'])]) {
    if (!lists.some((list) => list.api_slug === slug))
      lists.push({ ...lists[0], api_slug: slug, name: slug } as { api_slug: string });
  }
  const stages = [...listed<{ title: string }>('/v2/objects/deals/attributes/stage/statuses')];
  for (const title of [...strings(eventData['pql_stage']), ...strings(eventData['handoff_stage'])]) {
    if (!stages.some((stage) => stage.title === title)) stages.push({ ...stages[0], title } as { title: string });
  }
  const members = [...listed<{ email_address: string }>('/v2/workspace_members')];
  for (const email of strings(eventData['sales_reps'])) {
    if (!members.some((member) => member.email_address === email))
      members.push({ ...members[0], email_address: email } as { email_address: string });
  }
  metadata.set('/v2/lists', { data: lists });
  metadata.set('/v2/objects/deals/attributes/stage/statuses', { data: stages });
  metadata.set('/v2/workspace_members', { data: members });
  return metadata;
}

const AT = '2021-02-01T00:00:00.000Z';
const noteOf = (body: { data?: Record<string, string> }) => ({
  data: {
    id: { workspace_id: WORKSPACE_ID, note_id: 'note-1' },
    parent_object: body.data?.['parent_object'] ?? 'people',
    parent_record_id: body.data?.['parent_record_id'] ?? 'r',
    title: body.data?.['title'] ?? '',
    content_plaintext: '',
    created_at: AT,
  },
});
const taskOf = () => ({
  data: {
    id: { workspace_id: WORKSPACE_ID, task_id: 'task-1' },
    content_plaintext: '',
    deadline_at: AT,
    is_completed: false,
    linked_records: [],
    assignees: [],
    created_at: AT,
  },
});

/** Attio's answer to a write (or a query, which POSTs), by what was asked. */
function answer(method: string, path: string, body: unknown): object {
  const [, , kind, name, records, id] = path.split('?')[0]?.split('/') ?? [];
  // The generated user exists, linked to a person: an event that names its person by user ID finds them.
  if (kind === 'objects' && name === 'users' && records === 'records' && id === 'query') {
    return {
      data: [
        recordOf('users', 'users-record-1', {
          person: [{ target_object: 'people', target_record_id: 'people-record-1' }],
        }).data,
      ],
    };
  }
  if (kind === 'objects' && records === 'records' && id === 'query') return { data: [] };
  if (kind === 'objects' && records === 'records') return recordOf(name ?? 'records', `${name}-record-1`);
  if (kind === 'lists') return entryOf(name ?? 'list', 'people-record-1');
  if (kind === 'notes') return noteOf(body as { data?: Record<string, string> });
  if (kind === 'tasks') return taskOf();
  return { data: {}, method };
}

/** Attio over nock for one test: metadata reads served, every other read empty, writes recorded and answered. */
async function serveAttio(eventData: Record<string, unknown>): Promise<Write[]> {
  const writes: Write[] = [];
  for (const [path, body] of await metadataFor(eventData))
    nock(ATTIO)
      .persist()
      .get(path)
      .reply(200, body as nock.Body);
  nock(ATTIO)
    .persist()
    .get(/.*/)
    .reply((uri) => [
      200,
      /\/records\/[^/?]+$/.test(uri.split('?')[0] ?? '') ? recordOf('people', 'people-record-1') : { data: [] },
    ]);
  for (const method of ['put', 'post', 'patch'] as const) {
    nock(ATTIO)
      .persist()
      [method](/.*/)
      .reply(function (uri, body) {
        if (!uri.includes('/query')) writes.push({ request: `${method.toUpperCase()} ${uri}`, body });
        return [200, answer(method, uri, body)];
      });
  }
  return writes;
}

describe(`Testing snapshot for ${destinationSlug}'s actions`, () => {
  beforeEach(() => clearSchemaStores());
  afterEach(() => nock.cleanAll());

  for (const actionSlug of Object.keys(destination.actions)) {
    for (const [label, isRequiredOnly] of [
      ['required fields', true],
      ['all fields', false],
    ] as const) {
      it(`${actionSlug} action - ${label}`, async () => {
        const seedName = `${destinationSlug}#${actionSlug}`;
        const action = destination.actions[actionSlug]!;
        const [eventData, generatedSettings] = generateTestData(seedName, destination, action, isRequiredOnly);
        // Random text is never an `<object>.<attribute>` name, so the owner lists would refuse every event;
        // their parsing is tested in settings.test.ts.
        const { productOwnedAttributes: _product, repOwnedAttributes: _reps, ...settingsData } = generatedSettings;
        const writes = await serveAttio(eventData);
        const event = createTestEvent({ properties: eventData as JSONObject });

        const failure = await createTestIntegration(destination)
          .testAction(actionSlug, {
            event,
            mapping: event.properties,
            settings: settingsData as unknown as Settings,
            auth: undefined,
          })
          .then(
            () => undefined,
            (error: Error) => ({ name: error.name, message: error.message }),
          );

        expect({ firstWrite: writes[0], ...(failure ? { error: failure } : {}) }).toMatchSnapshot();
      });
    }
  }
});

describe('the test-data generator', () => {
  it('draws what Segment’s draws: a fresh chance 1.1.8 per value, seeded `<Destination>#<action>`', () => {
    // The values Segment's own Attio snapshots hold for `Attio#identifyUser` (an email-format field, a key-value object).
    expect(valueFor('Attio#identifyUser', 'email_address', { type: 'string', format: 'email' })).toBe('kojeh@hiana.tg');
    expect(valueFor('Attio#identifyUser', 'person_attributes', { type: 'object' })).toEqual({ testType: 'Jy5OvBwOqr' });
  });

  it('keeps only required fields and identifiers for a "required fields" test, and wraps multiple values', () => {
    const [required] = generateTestData('AttioPlg#signup', destination, destination.actions.signup!, true);
    expect(Object.keys(required).sort()).toEqual(['email', 'message_id', 'timestamp', 'user_id', 'workspace_id']);
    const [all] = generateTestData('AttioPlg#updatePqlScore', destination, destination.actions.updatePqlScore!, false);
    expect(all['sales_reps']).toEqual([expect.any(String)]);
    expect(all['scoring_model']).toEqual([
      { key: expect.any(String), label: expect.any(String), weight: expect.any(Number), threshold: expect.any(Number) },
    ]);
  });
});
