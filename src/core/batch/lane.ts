/**
 * One lane of a batch (one person's events, in order) as a session: each person is read once, the events
 * change their facts in memory, and at the end one write carries whatever differs from what Attio holds —
 * a person's whole history in the batch costs one read and at most one update. Writes whose results a later
 * step needs (creating the person, notes, tasks, deals) are made as the events run; the rest are deferred
 * (./deferred-writes.ts). If an event fails, its changes are rolled back and the events before it still
 * get their write.
 */
import type { AttioClient } from '../attio/client.js';
import type { AttioNote, AttioRecord, AttioTask } from '../attio/schemas.js';
import type { AttioRequest } from '../attio/transport.js';
import { readEmails, recordIdOf } from '../attio/values.js';
import type { PersonKey } from '../intents.js';
import { attioRequests } from '../attio/requests.js';
import type { WorkflowContext, WorkflowRun } from '../workflows/context.js';
import { activationScore, configuredMilestones } from '../workflows/milestone.js';
import { allValues, changedValues, cloneFacts, emptyFacts, PROFILE_FACTS, readPersonFacts, sameFact, type PersonFact, type PersonFacts } from '../workflows/person-facts.js';
import { DeferredWrites, type DeferredWrite } from './deferred-writes.js';

/** A person as the lane knows them: what Attio holds (`stored`) and what the lane's events make of it (`facts`). */
export class PersonState {
  id?: string;
  email?: string;
  stored: PersonFacts;
  facts: PersonFacts;
  /** When each fact was last set in this lane: an older event never overrides a newer one's value. */
  private times = new Map<PersonFact, number>();
  /** Lists (by id and by slug) the person is on, once read or created in this lane. */
  lists?: Set<string>;
  /** The person qualified in this lane: a later score in the lane does not qualify again. */
  qualified = false;

  constructor(record: AttioRecord | undefined, email: string | undefined) {
    if (record) {
      this.id = recordIdOf(record);
      this.email = readEmails(record)[0] ?? email;
      this.stored = readPersonFacts(record);
    } else {
      this.email = email;
      this.stored = emptyFacts();
    }
    this.facts = cloneFacts(this.stored);
  }

  /**
   * Sets a fact from an event at `timestamp`, unless a newer event already set it: in this lane, or — for
   * a profile fact that has a value — before (`profileUpdatedAt`, stored with the person), so that a late or
   * redelivered event's traits never override newer ones (it may still fill a fact nobody set). A change
   * moves `profileUpdatedAt` to the event's time.
   */
  set<K extends Exclude<PersonFact, 'milestones'>>(fact: K, value: PersonFacts[K] | undefined, timestamp: string): void {
    if (value === undefined) return;
    const at = Date.parse(timestamp);
    const previous = this.times.get(fact);
    if (previous !== undefined && previous > at) return;
    const profile = PROFILE_FACTS.has(fact);
    const floor = this.stored.profileUpdatedAt;
    if (profile && floor !== undefined && this.facts[fact] !== undefined && at < Date.parse(floor)) return;
    this.times.set(fact, at);
    if (sameFact(fact, this.facts[fact], value)) return;
    this.facts[fact] = value;
    const latest = this.facts.profileUpdatedAt;
    if (profile && (latest === undefined || at > Date.parse(latest))) this.facts.profileUpdatedAt = new Date(at).toISOString();
  }

  /** The record now exists in Attio with what `record` holds. */
  created(record: AttioRecord): void {
    this.id = recordIdOf(record);
    this.stored = readPersonFacts(record);
    this.lists = new Set();
  }

  snapshot(): PersonSnapshot {
    return { facts: cloneFacts(this.facts), times: new Map(this.times), qualified: this.qualified, lists: this.lists ? new Set(this.lists) : undefined };
  }

  restore(snapshot: PersonSnapshot): void {
    this.facts = cloneFacts(snapshot.facts);
    this.times = new Map(snapshot.times);
    this.qualified = snapshot.qualified;
    this.lists = snapshot.lists ? new Set(snapshot.lists) : undefined;
  }
}

interface PersonSnapshot {
  facts: PersonFacts;
  times: Map<PersonFact, number>;
  qualified: boolean;
  lists: Set<string> | undefined;
}

export interface LaneSnapshot {
  people: Map<PersonState, PersonSnapshot>;
  keys: Map<string, PersonState>;
  writes: DeferredWrite[];
}

export class LaneSession {
  readonly writes = new DeferredWrites();
  /**
   * Every request this lane sent, when asked to record them (for a platform's record of what was done, e.g.
   * RudderStack Live Events); a lane that sends its own writes keeps none, so a large batch holds no bodies.
   */
  readonly performed: AttioRequest[] = [];
  /** The context, with a client that records into `performed` when recording. */
  readonly ctx: WorkflowContext;
  private readonly people = new Map<string, PersonState>();
  private readonly notes = new Map<string, AttioNote[]>();
  private readonly tasks = new Map<string, AttioTask[]>();

  constructor(ctx: WorkflowContext, options: { record?: boolean } = {}) {
    if (options.record === false) {
      this.ctx = ctx;
      return;
    }
    const client: AttioClient = ctx.client.observed({
      sent: (request, { status }) => {
        if (status !== undefined && status >= 200 && status < 300) this.performed.push(request);
      },
    });
    this.ctx = { ...ctx, client };
  }

  /** The person a key names, if the lane has met them. */
  known(key: PersonKey): PersonState | undefined {
    return this.people.get(personKeyOf(key));
  }

  /** Remembers a person under the key that found them, and under their email once known. */
  remember(key: PersonKey, state: PersonState): PersonState {
    const byId = state.id === undefined ? undefined : [...new Set(this.people.values())].find((p) => p !== state && p.id === state.id);
    const kept = byId ?? state;
    this.people.set(personKeyOf(key), kept);
    if (kept.email !== undefined) this.people.set(personKeyOf({ email: kept.email }), kept);
    return kept;
  }

  everyone(): PersonState[] {
    return [...new Set(this.people.values())];
  }

  /** Notes of one record, read once per lane and kept current with what the lane creates and deletes. */
  notesOf(parent: string): AttioNote[] | undefined {
    return this.notes.get(parent);
  }

  setNotes(parent: string, notes: AttioNote[]): void {
    this.notes.set(parent, notes);
  }

  tasksOf(linked: string): AttioTask[] | undefined {
    return this.tasks.get(linked);
  }

  setTasks(linked: string, tasks: AttioTask[]): void {
    this.tasks.set(linked, tasks);
  }

  /**
   * Queues each person's final write: what differs from what Attio holds (a PATCH by id, which appends
   * milestones), or — for a person no step needed to create — an assert by email with everything. It goes
   * out after the lane's other deferred writes, carrying the completion markers.
   */
  async finish(run: WorkflowRun): Promise<void> {
    for (const person of this.everyone()) {
      // Derived from the milestones as read plus the lane's: another process may have appended some since an
      // earlier write of ours computed it, and whichever lane reads the person next puts it right.
      if (person.facts.milestones.length > 0) person.facts.activationScore = activationScore(person.facts.milestones, configuredMilestones(this.ctx));
      const wanted = person.id === undefined ? allValues(person.facts) : changedValues(person.stored, person.facts);
      if (Object.keys(wanted).length === 0) continue;
      const prepared = await run.prepare('people', wanted);
      if (Object.keys(prepared).length === 0) continue;
      if (person.id !== undefined) {
        this.writes.add({ request: attioRequests.updateRecord('people', person.id, prepared), stage: 'completion', op: 'updatePerson' });
        run.step('updatePerson', 'deferred', person.id, Object.keys(prepared).join(', '));
      } else if (person.email !== undefined) {
        const values = { email_addresses: [person.email], ...prepared };
        this.writes.add({ request: attioRequests.assertRecord('people', 'email_addresses', values), stage: 'completion', op: 'assertPerson' });
        run.step('assertPerson', 'deferred', undefined, Object.keys(prepared).join(', '));
      }
    }
  }

  snapshot(): LaneSnapshot {
    return { people: new Map(this.everyone().map((p) => [p, p.snapshot()])), keys: new Map(this.people), writes: this.writes.snapshot() };
  }

  /**
   * Back to `snapshot`: an event that failed half way leaves no trace in memory (what it wrote to Attio
   * stays). The notes and tasks this lane had listed are forgotten: the failed event may have created one and
   * failed before listing again, so only a fresh listing shows what it and other processes made, and the
   * next run converges on it.
   */
  restore(snapshot: LaneSnapshot): void {
    for (const [person, state] of snapshot.people) person.restore(state);
    this.people.clear();
    for (const [key, person] of snapshot.keys) this.people.set(key, person);
    this.writes.restore(snapshot.writes);
    this.notes.clear();
    this.tasks.clear();
  }
}

function personKeyOf(key: PersonKey): string {
  return key.email !== undefined ? `email:${key.email}` : `user:${key.userId ?? ''}`;
}
