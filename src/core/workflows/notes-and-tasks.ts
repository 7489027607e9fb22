/**
 * Notes and tasks cannot be asserted in Attio, so each one the connector makes carries a stable key — a
 * marker line in a note, a marker at the end of a task — and is found before it is created and converged
 * after (./converge.ts): any duplicates that concurrent processes made are deleted down to one. Only notes
 * and tasks carrying our key that no workspace member created are ever deleted.
 */
import type { TaskInput } from '../attio/client.js';
import type { AttioActor, AttioNote, AttioTask } from '../attio/schemas.js';
import type { LaneSession } from '../batch/lane.js';
import type { WorkflowRun } from './context.js';
import { ensureOne, withoutDuplicates } from './converge.js';

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
  return note.title === spec.title && !madeByMember(note.created_by_actor) && note.content_plaintext.split('\n').includes(keyMarker(spec.key));
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

/**
 * The parent's notes; a fresh listing also reconciles the duplicates of every key but `ownKey`, the one the
 * calling step converges itself (deleting its duplicates here would hide the step's own copy from it).
 */
async function notesOf(run: WorkflowRun, lane: LaneSession, parentObject: string, parentRecordId: string, fresh: boolean, ownKey: string): Promise<AttioNote[]> {
  const parent = `${parentObject}:${parentRecordId}`;
  const known = fresh ? undefined : lane.notesOf(parent);
  if (known) return known;
  const listed: AttioNote[] = [];
  for await (const note of run.ctx.client.listAllNotes(parentObject, parentRecordId)) listed.push(note);
  const otherKeyOf = (note: AttioNote) => {
    const key = noteKeyOf(note);
    return key === ownKey ? undefined : key;
  };
  const notes = await withoutDuplicates(listed, otherKeyOf, candidateNote, async (note) => {
    await run.ctx.client.deleteNote(note.id.note_id);
    run.step('deleteDuplicateNote', 'deleted', note.id.note_id, note.title);
  });
  lane.setNotes(parent, notes);
  return notes;
}

/** The note `spec` describes, created unless it exists; duplicates of it are deleted down to one. */
export async function ensureNote(run: WorkflowRun, lane: LaneSession, spec: NoteSpec): Promise<AttioNote> {
  const { client } = run.ctx;
  const parent = `${spec.parentObject}:${spec.parentRecordId}`;
  const result = await ensureOne({
    list: async (fresh) => (await notesOf(run, lane, spec.parentObject, spec.parentRecordId, fresh, `${spec.title}\n${spec.key}`)).filter((n) => isOurNote(n, spec)).map(candidateNote),
    create: async () => {
      const note = await client.createNote({
        parentObject: spec.parentObject,
        parentRecordId: spec.parentRecordId,
        title: spec.title,
        content: noteContent(spec),
        ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
      });
      lane.setNotes(parent, [...(lane.notesOf(parent) ?? []), note]);
      return candidateNote(note);
    },
    remove: async (note) => {
      const deleted = await client.deleteNote(note.id);
      lane.setNotes(parent, (lane.notesOf(parent) ?? []).filter((n) => n.id.note_id !== note.id));
      run.step('deleteDuplicateNote', 'deleted', note.id, spec.title);
      return deleted;
    },
  });
  run.step('createNote', result.created ? 'created' : 'found', result.winner.id, spec.title);
  return result.winner.note;
}

const candidateNote = (note: AttioNote) => ({ id: note.id.note_id, createdAt: note.created_at, note });

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
export async function ensureTask(run: WorkflowRun, lane: LaneSession, spec: TaskSpec): Promise<void> {
  const { client } = run.ctx;
  const asCandidate = (task: AttioTask) => ({ id: task.id.task_id, createdAt: task.created_at, task });
  const linked = `${spec.linkedObject}:${spec.linkedRecordId}`;
  const tasksOf = async (fresh: boolean): Promise<AttioTask[]> => {
    const known = fresh ? undefined : lane.tasksOf(linked);
    if (known) return known;
    const listed: AttioTask[] = [];
    for await (const task of client.listAllTasks({ linkedObject: spec.linkedObject, linkedRecordId: spec.linkedRecordId })) listed.push(task);
    // The step converges its own key below; the listing reconciles every other key it shows.
    const otherKeyOf = (task: AttioTask) => {
      const key = taskKeyOf(task);
      return key === spec.key ? undefined : key;
    };
    const tasks = await withoutDuplicates(listed, otherKeyOf, asCandidate, async (task) => {
      await client.deleteTask(task.id.task_id);
      run.step('deleteDuplicateTask', 'deleted', task.id.task_id, spec.prefix);
    });
    lane.setTasks(linked, tasks);
    return tasks;
  };
  const result = await ensureOne({
    list: async (fresh) => (await tasksOf(fresh)).filter((t) => isOurTask(t, spec)).map(asCandidate),
    create: async () => {
      const task = await client.createTask({ content: taskContent(spec), deadlineAt: spec.deadlineAt, linkedRecords: spec.linkedRecords, assignees: spec.assignees });
      lane.setTasks(linked, [...(lane.tasksOf(linked) ?? []), task]);
      return asCandidate(task);
    },
    remove: async (task) => {
      const deleted = await client.deleteTask(task.id);
      lane.setTasks(linked, (lane.tasksOf(linked) ?? []).filter((t) => t.id.task_id !== task.id));
      run.step('deleteDuplicateTask', 'deleted', task.id, spec.prefix);
      return deleted;
    },
  });
  run.step('createTask', result.created ? 'created' : 'found', result.winner.id, spec.prefix);
}

/** The deadline `taskDueHours` after the event that caused the task. */
export function deadlineAfter(run: WorkflowRun, eventTimestamp: string): string {
  return new Date(Date.parse(eventTimestamp) + run.ctx.config.taskDueHours * 3_600_000).toISOString();
}
