/**
 * One lane of a batch (one person's events, in order) as a session: the lane the workflows run in
 * (../workflows/context.ts declares what they need of it). It remembers the people and the notes and tasks
 * its events met, holds the writes they deferred (./deferred-writes.ts), and — when the platform keeps a
 * record of what was done — every request sent. If an event fails, the lane returns to where it was before
 * it, and the events before it still get their writes.
 */
import type { AttioClient } from '../attio/client.js';
import type { AttioNote, AttioTask } from '../attio/schemas.js';
import type { AttioRequest } from '../attio/transport.js';
import type { PersonKey } from '../intents.js';
import type { DeferredWrite, WorkflowContext, WorkflowLane } from '../workflows/context.js';
import type { PersonSnapshot, PersonState } from '../workflows/person-state.js';
import { DeferredWrites } from './deferred-writes.js';

export interface LaneSnapshot {
  people: Map<PersonState, PersonSnapshot>;
  keys: Map<string, PersonState>;
  writes: DeferredWrite[];
}

export class LaneSession implements WorkflowLane {
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

  readonly batch: object;

  constructor(ctx: WorkflowContext, options: { record?: boolean; batch?: object } = {}) {
    this.batch = options.batch ?? this;
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

  known(key: PersonKey): PersonState | undefined {
    return this.people.get(personKeyOf(key));
  }

  remember(key: PersonKey, state: PersonState): PersonState {
    const byId =
      state.id === undefined
        ? undefined
        : [...new Set(this.people.values())].find((p) => p !== state && p.id === state.id);
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

  defer(write: DeferredWrite): void {
    this.writes.add(write);
  }

  snapshot(): LaneSnapshot {
    return {
      people: new Map(this.everyone().map((p) => [p, p.snapshot()])),
      keys: new Map(this.people),
      writes: this.writes.snapshot(),
    };
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
