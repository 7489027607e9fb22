/**
 * A person as one lane of a batch knows them: what Attio holds (`stored`) and what the lane's events make of
 * it (`facts`). Each person is read once per lane, the events change their facts in memory, and at the end
 * one write carries whatever differs from what Attio holds — a person's whole history in the batch costs one
 * read and at most one update (`queuePersonWrites`).
 */
import { attioRequests } from '../attio/requests.js';
import type { AttioRecord } from '../attio/schemas.js';
import { readEmails, recordIdOf } from '../attio/values.js';
import type { WorkflowContext, WorkflowRun } from './context.js';
import {
  allValues,
  changedValues,
  cloneFacts,
  emptyFacts,
  PROFILE_FACTS,
  readPersonFacts,
  sameFact,
  PERSON_ATTRIBUTES,
  type PersonFact,
  type PersonFacts,
} from './person-facts.js';
import { withoutHeld } from './ownership.js';

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
  /** Attributes a rep wrote last that the product does not own: events leave them as they are (./ownership.ts). */
  heldByReps: ReadonlySet<string>;

  constructor(record: AttioRecord | undefined, email: string | undefined, heldByReps: ReadonlySet<string> = new Set()) {
    this.heldByReps = heldByReps;
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
  set<K extends Exclude<PersonFact, 'milestones'>>(
    fact: K,
    value: PersonFacts[K] | undefined,
    timestamp: string,
  ): void {
    if (value === undefined || this.heldByReps.has(PERSON_ATTRIBUTES[fact])) return;
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
    if (profile && (latest === undefined || at > Date.parse(latest)))
      this.facts.profileUpdatedAt = new Date(at).toISOString();
  }

  /** The record now exists in Attio with what `record` holds. */
  created(record: AttioRecord): void {
    this.id = recordIdOf(record);
    this.stored = readPersonFacts(record);
    this.lists = new Set();
  }

  snapshot(): PersonSnapshot {
    return {
      facts: cloneFacts(this.facts),
      times: new Map(this.times),
      qualified: this.qualified,
      lists: this.lists ? new Set(this.lists) : undefined,
    };
  }

  restore(snapshot: PersonSnapshot): void {
    this.facts = cloneFacts(snapshot.facts);
    this.times = new Map(snapshot.times);
    this.qualified = snapshot.qualified;
    this.lists = snapshot.lists ? new Set(snapshot.lists) : undefined;
  }
}

/** What an event that fails half way rolls a person back to. */
export interface PersonSnapshot {
  facts: PersonFacts;
  times: Map<PersonFact, number>;
  qualified: boolean;
  lists: Set<string> | undefined;
}

/** The milestone keys the configuration knows: the denominator of `activation_score`. */
export function configuredMilestones(ctx: WorkflowContext): Set<string> {
  return new Set(Object.values(ctx.config.milestoneEvents));
}

export function activationScore(completed: Iterable<string>, configured: Set<string>): number {
  if (configured.size === 0) return 0;
  const done = [...new Set(completed)].filter((m) => configured.has(m)).length;
  return Math.round((done / configured.size) * 100) / 100;
}

/**
 * Queues each person's final write: what differs from what Attio holds (a PATCH by id, which appends
 * milestones), or — for a person no step needed to create — an assert by email with everything. It goes
 * out after the lane's other deferred writes, carrying the completion markers.
 */
export async function queuePersonWrites(run: WorkflowRun): Promise<void> {
  for (const person of run.lane.everyone()) {
    // Derived from the milestones as read plus the lane's: another process may have appended some since an
    // earlier write of ours computed it, and whichever lane reads the person next puts it right.
    if (person.facts.milestones.length > 0)
      person.facts.activationScore = activationScore(person.facts.milestones, configuredMilestones(run.ctx));
    const wanted =
      person.id === undefined
        ? allValues(person.facts)
        : withoutHeld(changedValues(person.stored, person.facts), person.heldByReps);
    if (Object.keys(wanted).length === 0) continue;
    const prepared = await run.prepare('people', wanted);
    if (Object.keys(prepared).length === 0) continue;
    const detail = Object.keys(prepared).join(', ');
    if (person.id !== undefined) {
      run.defer(
        { request: attioRequests.updateRecord('people', person.id, prepared), stage: 'completion', op: 'updatePerson' },
        person.id,
        detail,
      );
    } else if (person.email !== undefined) {
      const values = { email_addresses: [person.email], ...prepared };
      run.defer(
        {
          request: attioRequests.assertRecord('people', 'email_addresses', values),
          stage: 'completion',
          op: 'assertPerson',
        },
        undefined,
        detail,
      );
    }
  }
}
