/**
 * Notes and tasks are not idempotent in Attio, so each carries a stable key — a title plus a key line in the
 * note, a prefix in the task — and is looked up before it is created.
 */
import type { AttioNote, AttioTask } from '../attio/schemas.js';
import type { TaskInput } from '../attio/client.js';
import type { WorkflowRun } from './context.js';

const TASK_CONTENT_LIMIT = 2000;

export interface NoteSpec {
  parentObject: string;
  parentRecordId: string;
  title: string;
  /** A line of the content that makes this note unique among notes with the same title. */
  keyLine?: string;
  content: string;
  createdAt?: string;
}

/** Whether an existing note is the one `spec` describes. */
function sameNote(note: AttioNote, spec: NoteSpec): boolean {
  return note.title === spec.title && (spec.keyLine === undefined || note.content_plaintext.split('\n').includes(spec.keyLine));
}

export async function findNote(run: WorkflowRun, spec: NoteSpec): Promise<AttioNote | undefined> {
  for await (const note of run.ctx.client.listAllNotes(spec.parentObject, spec.parentRecordId)) {
    if (sameNote(note, spec)) return note;
  }
  return undefined;
}

export async function createNote(run: WorkflowRun, spec: NoteSpec): Promise<AttioNote> {
  const note = await run.ctx.client.createNote({
    parentObject: spec.parentObject,
    parentRecordId: spec.parentRecordId,
    title: spec.title,
    content: spec.content,
    ...(spec.createdAt ? { createdAt: spec.createdAt } : {}),
  });
  run.step('createNote', 'created', note.id.note_id, spec.title);
  return note;
}

/** Creates the note unless one with the same title and key line exists. */
export async function ensureNote(run: WorkflowRun, spec: NoteSpec): Promise<void> {
  const existing = await findNote(run, spec);
  if (existing) {
    run.step('createNote', 'found', existing.id.note_id, spec.title);
    return;
  }
  await createNote(run, spec);
}

export interface TaskSpec extends Omit<TaskInput, 'content'> {
  /** Stable first words of the content, e.g. `PQL Follow-up`; the task's key. */
  prefix: string;
  body: string;
  /** The record whose tasks are searched for an existing one. */
  linkedObject: string;
  linkedRecordId: string;
}

function taskContent(spec: TaskSpec): string {
  const content = `${spec.prefix}: ${spec.body}`;
  return content.length <= TASK_CONTENT_LIMIT ? content : `${content.slice(0, TASK_CONTENT_LIMIT - 1)}…`;
}

async function findTask(run: WorkflowRun, spec: TaskSpec): Promise<AttioTask | undefined> {
  for await (const task of run.ctx.client.listAllTasks({ linkedObject: spec.linkedObject, linkedRecordId: spec.linkedRecordId })) {
    if (task.content_plaintext.startsWith(`${spec.prefix}:`)) return task;
  }
  return undefined;
}

/** Creates the task unless the linked record already has one with the same prefix. */
export async function ensureTask(run: WorkflowRun, spec: TaskSpec): Promise<void> {
  const existing = await findTask(run, spec);
  if (existing) {
    run.step('createTask', 'found', existing.id.task_id, spec.prefix);
    return;
  }
  const task = await run.ctx.client.createTask({
    content: taskContent(spec),
    deadlineAt: spec.deadlineAt,
    linkedRecords: spec.linkedRecords,
    assignees: spec.assignees,
  });
  run.step('createTask', 'created', task.id.task_id, spec.prefix);
}

/** The deadline `taskDueHours` after the event that caused the task. */
export function deadlineAfter(run: WorkflowRun, eventTimestamp: string): string {
  return new Date(Date.parse(eventTimestamp) + run.ctx.config.taskDueHours * 3_600_000).toISOString();
}
