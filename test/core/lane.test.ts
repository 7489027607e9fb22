import { describe, expect, it } from 'vitest';
import type { AttioRecord } from '../../src/core/attio/schemas.js';
import { DeferredWrites } from '../../src/core/batch/deferred-writes.js';
import { PersonState } from '../../src/core/workflows/person-state.js';
import { attioRequests } from '../../src/core/attio/requests.js';
import { changedValues, readPersonFacts } from '../../src/core/workflows/person-facts.js';

const at = (day: number) => new Date(Date.UTC(2024, 10, day, 10)).toISOString();

function record(values: Record<string, unknown[]>): AttioRecord {
  return {
    id: { workspace_id: 'w', object_id: 'o', record_id: 'p1' },
    created_at: at(1),
    values: values as AttioRecord['values'],
  };
}

const stored = record({
  email_addresses: [{ email_address: 'ada@acme.com' }],
  name: [{ first_name: 'Ada', last_name: 'King', full_name: 'Ada King' }],
  job_title: [{ value: 'CTO' }],
  milestones_completed: [{ option: { title: 'data_imported' } }],
  pql_scored_at: [{ value: '2024-11-03T10:00:00.000000000Z' }],
  profile_updated_at: [{ value: at(5) }],
});

describe('a person in a lane', () => {
  it('reads the facts it writes from the stored record', () => {
    expect(readPersonFacts(stored)).toEqual({
      name: { firstName: 'Ada', lastName: 'King', fullName: 'Ada King' },
      jobTitle: 'CTO',
      milestones: ['data_imported'],
      pqlScoredAt: '2024-11-03T10:00:00.000000000Z',
      profileUpdatedAt: at(5),
    });
  });

  it('keeps the newest event’s value of a fact, whatever order the events arrive in', () => {
    const person = new PersonState(undefined, 'new@acme.com');
    person.set('jobTitle', 'Engineer', at(4));
    person.set('jobTitle', 'Intern', at(2));
    expect(person.facts.jobTitle).toBe('Engineer');
    expect(person.facts.profileUpdatedAt).toBe(at(4));
  });

  it('lets an event older than the stored profile fill a fact nobody set, never override one', () => {
    const person = new PersonState(stored, undefined);
    person.set('jobTitle', 'Intern', at(2));
    person.set('plan', 'trial', at(2));
    expect(person.facts).toMatchObject({ jobTitle: 'CTO', plan: 'trial' });
    person.set('jobTitle', 'CEO', at(6));
    expect(person.facts).toMatchObject({ jobTitle: 'CEO', profileUpdatedAt: at(6) });
  });

  it('writes only what differs: milestones it lacks (a PATCH appends them), instants compared as instants', () => {
    const person = new PersonState(stored, undefined);
    person.facts.milestones.push('first_integration');
    person.facts.pqlScoredAt = '2024-11-03T10:00:00.000Z';
    person.set('name', { firstName: 'Ada', lastName: 'King', fullName: 'Ada King' }, at(7));
    expect(changedValues(person.stored, person.facts)).toEqual({ milestones_completed: ['first_integration'] });
  });
});

describe('deferred writes', () => {
  it('go out by stage — asserts, then the account’s, then completion — and keep their order within a stage', () => {
    const writes = new DeferredWrites();
    writes.add({
      request: attioRequests.updateRecord('people', 'p1', { pql_qualified_at: [at(3)] }),
      stage: 'completion',
      op: 'updatePerson',
    });
    writes.add({
      request: attioRequests.assertEntry('pql_queue', { parentObject: 'people', parentRecordId: 'p1' }),
      stage: 'asserts',
      op: 'addToPqlList',
    });
    writes.add({
      request: attioRequests.updateRecord('deals', 'd1', {
        associated_people: [{ target_object: 'people', target_record_id: 'p1' }],
      }),
      stage: 'account',
      op: 'addPersonToDeal',
      appendOnly: true,
    });
    writes.add({
      request: attioRequests.assertEntry('active_trials', { parentObject: 'people', parentRecordId: 'p1' }),
      stage: 'asserts',
      op: 'addToTrialList',
    });
    expect(writes.list().map((w) => w.op)).toEqual([
      'addToPqlList',
      'addToTrialList',
      'addPersonToDeal',
      'updatePerson',
    ]);
  });

  it('merge appending PATCHes of one record into one write carrying both values', () => {
    const writes = new DeferredWrites();
    const add = (person: string) =>
      writes.add({
        request: attioRequests.updateRecord('deals', 'd1', {
          associated_people: [{ target_object: 'people', target_record_id: person }],
        }),
        stage: 'account',
        op: 'addPersonToDeal',
        appendOnly: true,
      });
    add('p1');
    add('p2');
    add('p1');
    expect(writes.list().map((w) => w.request.body)).toEqual([
      {
        data: {
          values: {
            associated_people: [
              { target_object: 'people', target_record_id: 'p1' },
              { target_object: 'people', target_record_id: 'p2' },
            ],
          },
        },
      },
    ]);
  });
});
