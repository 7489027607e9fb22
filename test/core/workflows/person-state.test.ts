import { describe, expect, it } from 'vitest';
import type { AttioClient } from '../../../src/core/attio/client.js';
import type { AttioAttribute, AttioRecord } from '../../../src/core/attio/schemas.js';
import { parseConfig } from '../../../src/core/config/index.js';
import { KeyedMutex } from '../../../src/core/locks.js';
import type { WorkspaceSchema } from '../../../src/core/schema/workspace-schema.js';
import {
  createRecordCaches,
  queuePersonWrites,
  WorkflowRun,
  type DeferredWrite,
  type WorkflowContext,
  type WorkflowLane,
} from '../../../src/core/workflows/index.js';
import { PersonState } from '../../../src/core/workflows/person-state.js';

/** A workspace whose people have the attributes the final write uses. */
const schema = {
  attributes: async () =>
    new Map(
      [
        ['milestones_completed', 'select'],
        ['activation_score', 'number'],
        ['job_title', 'text'],
      ].map(([slug, type]) => [slug, { api_slug: slug, type } as AttioAttribute]),
    ),
  selectOptions: async () => ['onboarding_completed', 'first_integration', 'data_imported'],
} as unknown as WorkspaceSchema;

/** A lane with no batch behind it: the workflows need nothing but this interface. */
function laneOf(people: PersonState[]): WorkflowLane & { deferred: DeferredWrite[] } {
  const ctx: WorkflowContext = {
    client: {} as AttioClient,
    schema,
    config: parseConfig({ apiKey: 'test-key' }, {}),
    locks: new KeyedMutex(),
    records: createRecordCaches(60),
    warn: () => {},
    now: () => Date.parse('2024-11-10T00:00:00Z'),
  };
  const deferred: DeferredWrite[] = [];
  return {
    ctx,
    batch: {},
    deferred,
    known: () => undefined,
    remember: (_key, state) => state,
    everyone: () => people,
    notesOf: () => undefined,
    setNotes: () => {},
    tasksOf: () => undefined,
    setTasks: () => {},
    defer: (write) => deferred.push(write),
  };
}

const stored: AttioRecord = {
  id: { workspace_id: 'w', object_id: 'people', record_id: 'p1' },
  created_at: '2024-11-01T00:00:00Z',
  values: {
    email_addresses: [{ email_address: 'ada@acme.com' }],
    milestones_completed: [{ option: { title: 'data_imported' } }],
  } as AttioRecord['values'],
};

describe('a person’s final write, queued by the workflows on any lane', () => {
  it('carries only what changed, with the activation score over every milestone the person has', async () => {
    const person = new PersonState(stored, undefined);
    person.facts.milestones.push('first_integration');
    const lane = laneOf([person]);
    const run = new WorkflowRun('milestone', lane);
    await queuePersonWrites(run);
    // Two of the five default milestones.
    expect(lane.deferred.map((w) => [w.op, w.stage, w.request.method, w.request.path, w.request.body])).toEqual([
      [
        'updatePerson',
        'completion',
        'PATCH',
        '/v2/objects/people/records/p1',
        { data: { values: { milestones_completed: ['first_integration'], activation_score: [0.4] } } },
      ],
    ]);
    expect(run.steps).toEqual([
      { op: 'updatePerson', result: 'deferred', recordId: 'p1', detail: 'milestones_completed, activation_score' },
    ]);
  });

  it('asserts by email a person no step created, and writes nothing for a person unchanged', async () => {
    const fresh = new PersonState(undefined, 'new@acme.com');
    fresh.set('jobTitle', 'CTO', '2024-11-02T00:00:00Z');
    const scored = {
      ...stored,
      values: { ...stored.values, activation_score: [{ value: 0.2 }] } as AttioRecord['values'],
    };
    const unchanged = new PersonState(scored, undefined);
    const lane = laneOf([fresh, unchanged]);
    await queuePersonWrites(new WorkflowRun('identify', lane));
    expect(lane.deferred.map((w) => [w.op, w.request.method, w.request.path, w.request.query])).toEqual([
      ['assertPerson', 'PUT', '/v2/objects/people/records', { matching_attribute: 'email_addresses' }],
    ]);
    expect(lane.deferred[0]?.request.body).toEqual({
      data: { values: { email_addresses: ['new@acme.com'], job_title: ['CTO'] } },
    });
  });
});
