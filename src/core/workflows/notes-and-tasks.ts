/**
 * Notes and tasks cannot be asserted in Attio, so each one the connector makes carries a stable key — a
 * marker line in a note, a marker at the end of a task — and is found before it is created and converged
 * after (./converge.ts): any duplicates that concurrent processes made are deleted down to one. Only notes
 * and tasks carrying our key that no workspace member created are ever deleted.
 */
import type { TaskInput } from '../attio/client.js';
import type { AttioActor, AttioNote, AttioTask } from '../attio/schemas.js';
import type { WorkflowRun } from './context.js';
import { ensureOne, withoutDuplicates, type Candidate } from './converge.js';

const TASK_CONTENT_LIMIT = 2000;

/** The marker that makes a note or task ours, and unique among those of its record. */
export function keyMarker(key: string): string {
  return `attio-plg key: ${key}`;
}

/** Made by a person in Attio: never ours to delete, whatever it says. */
function madeByMember(actor: AttioActor | undefined): boolean {
  return actor?.type === 'workspace-member';
}

export interface NoteSpec {
  parentObject: string;
  parentRecordId: string;
  title: string;
  /** Unique among the parent's notes from this connector, e.g. `milestone:first_integration`. */
  key: string;
  content: string;
  createdAt?: string;
}

function noteContent(spec: NoteSpec): string {
  return `${spec.content}\n${keyMarker(spec.key)}`;
}

function isOurNote(note: AttioNote, spec: NoteSpec): boolean {
  return (
    note.title === spec.title &&
    !madeByMember(note.created_by_actor) &&
    note.content_plaintext.split('\n').includes(keyMarker(spec.key))
  );
}

const MARKER_LINE = /^attio-plg key: (.+)$/;
const TASK_MARKER = /\[attio-plg key: ([^\]]+)\]$/;

/** What makes a note of ours unique among its parent's (its title and key), or undefined for any other note. */
function noteKeyOf(note: AttioNote): string | undefined {
  if (madeByMember(note.created_by_actor)) return undefined;
  for (const line of note.content_plaintext.split('\n')) {
    const key = MARKER_LINE.exec(line)?.[1];
    if (key !== undefined) return `${note.title}\n${key}`;
  }
  return undefined;
}

function taskKeyOf(task: AttioTask): string | undefined {
  return madeByMember(task.created_by_actor) ? undefined : TASK_MARKER.exec(task.content_plaintext)?.[1];
}

/** The note `spec` describes, created unless it exists; duplicates of it are deleted down to one. */
export async function ensureNote(run: WorkflowRun, spec: NoteSpec): Promise<AttioNote> {
  const { client } = run.ctx;
  const parent = `${spec.parentObject}:${spec.parentRecordId}`;
  return ensureKeyed(run, {
    noun: 'Note',
    ownKey: `${spec.title}\n${spec.key}`,
    keyOf: noteKeyOf,
    isOurs: (note) => isOurNote(note, spec),
    candidateOf: (note) => ({ id: note.id.note_id, createdAt: note.created_at }),
    labelOf: (note) => note.title,
    cached: () => run.lane.notesOf(parent),
    cache: (notes) => run.lane.setNotes(parent, notes),
    listAll: () => client.listAllNotes(spec.parentObject, spec.parentRecordId),
    create: () =>
      client.createNote({
        parentObject: spec.parentObject,
        parentRecordId: spec.parentRecordId,
        title: spec.title,
        content: noteContent(spec),
        ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
      }),
    remove: (id) => client.deleteNote(id),
  });
}

export interface TaskSpec extends Omit<TaskInput, 'content'> {
  /** Stable first words of the content, e.g. `PQL Follow-up`. */
  prefix: string;
  body: string;
  /** Unique among the linked record's tasks from this connector, e.g. `pql-follow-up`. */
  key: string;
  /** The record whose tasks are searched for an existing one. */
  linkedObject: string;
  linkedRecordId: string;
}

function taskContent(spec: TaskSpec): string {
  const marker = ` [${keyMarker(spec.key)}]`;
  const text = `${spec.prefix}: ${spec.body}`;
  const room = TASK_CONTENT_LIMIT - marker.length;
  return `${text.length <= room ? text : `${text.slice(0, room - 1)}…`}${marker}`;
}

function isOurTask(task: AttioTask, spec: TaskSpec): boolean {
  return !madeByMember(task.created_by_actor) && task.content_plaintext.endsWith(`[${keyMarker(spec.key)}]`);
}

/** The task `spec` describes, created unless the linked record has it; duplicates are deleted down to one. */
export async function ensureTask(run: WorkflowRun, spec: TaskSpec): Promise<AttioTask> {
  const { client } = run.ctx;
  const linked = `${spec.linkedObject}:${spec.linkedRecordId}`;
  return ensureKeyed(run, {
    noun: 'Task',
    ownKey: spec.key,
    keyOf: taskKeyOf,
    isOurs: (task) => isOurTask(task, spec),
    candidateOf: (task) => ({ id: task.id.task_id, createdAt: task.created_at }),
    labelOf: () => spec.prefix,
    cached: () => run.lane.tasksOf(linked),
    cache: (tasks) => run.lane.setTasks(linked, tasks),
    listAll: () => client.listAllTasks({ linkedObject: spec.linkedObject, linkedRecordId: spec.linkedRecordId }),
    create: () =>
      client.createTask({
        content: taskContent(spec),
        deadlineAt: spec.deadlineAt,
        linkedRecords: spec.linkedRecords,
        assignees: spec.assignees,
      }),
    remove: (id) => client.deleteTask(id),
  });
}

/** What tells notes and tasks apart for ensureKeyed: how they are listed, made, deleted and recognised. */
interface KeyedItems<I> {
  /** For the steps: `createNote`, `deleteDuplicateTask`, ... */
  noun: 'Note' | 'Task';
  /** The key the calling step converges, as `keyOf` says it. */
  ownKey: string;
  /** Our key of an item, or undefined for one that is not ours. */
  keyOf(item: I): string | undefined;
  /** The item is the calling step's own (its key, made by us). */
  isOurs(item: I): boolean;
  candidateOf(item: I): Candidate;
  /** What the steps say of an item. */
  labelOf(item: I): string;
  /** The record's items as the lane last listed or changed them. */
  cached(): I[] | undefined;
  cache(items: I[]): void;
  listAll(): AsyncIterable<I>;
  create(): Promise<I>;
  /** Resolves false when the item was already gone. */
  remove(id: string): Promise<boolean>;
}

/**
 * The keyed note or task, found or created, with duplicates deleted down to one (./converge.ts). A fresh
 * listing of the record's items also reconciles the duplicates of every key but the step's own, which the
 * step converges itself (deleting its duplicates there would hide the step's own copy from it).
 */
async function ensureKeyed<I>(run: WorkflowRun, items: KeyedItems<I>): Promise<I> {
  const deleted = (id: string, item: I) => run.step(`deleteDuplicate${items.noun}`, 'deleted', id, items.labelOf(item));
  const listing = async (fresh: boolean): Promise<I[]> => {
    const known = fresh ? undefined : items.cached();
    if (known) return known;
    const listed: I[] = [];
    for await (const item of items.listAll()) listed.push(item);
    const otherKeyOf = (item: I) => {
      const key = items.keyOf(item);
      return key === items.ownKey ? undefined : key;
    };
    const kept = await withoutDuplicates(listed, otherKeyOf, items.candidateOf, async (item) => {
      const { id } = items.candidateOf(item);
      await items.remove(id);
      deleted(id, item);
    });
    items.cache(kept);
    return kept;
  };
  const asCandidate = (item: I) => ({ ...items.candidateOf(item), item });
  const result = await ensureOne({
    list: async (fresh) => (await listing(fresh)).filter((item) => items.isOurs(item)).map(asCandidate),
    create: async () => {
      const item = await items.create();
      items.cache([...(items.cached() ?? []), item]);
      return asCandidate(item);
    },
    remove: async (candidate) => {
      const gone = await items.remove(candidate.id);
      items.cache((items.cached() ?? []).filter((item) => items.candidateOf(item).id !== candidate.id));
      deleted(candidate.id, candidate.item);
      return gone;
    },
  });
  run.step(
    `create${items.noun}`,
    result.created ? 'created' : 'found',
    result.winner.id,
    items.labelOf(result.winner.item),
  );
  return result.winner.item;
}

/** The deadline `taskDueHours` after the event that caused the task. */
export function deadlineAfter(run: WorkflowRun, eventTimestamp: string): string {
  return new Date(Date.parse(eventTimestamp) + run.ctx.config.taskDueHours * 3_600_000).toISOString();
}
