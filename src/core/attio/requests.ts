/**
 * Attio requests as data: one builder per endpoint the connector uses. The client sends them; a workflow
 * running for RudderStack hands some of them to rudder-server instead (see ../batch/deferred-writes.ts), so
 * a request must say everything about itself: method, path, query, body, budget and whether a resend is safe.
 */
import type { AttioRequest } from './transport.js';

/** Attribute values keyed by slug; every value is an array (one element for single-value attributes). */
export type AttioValuesInput = Record<string, unknown[]>;
/** An Attio filter object (shorthand or verbose). */
export type AttioFilter = Record<string, unknown>;
export interface AttioSort {
  attribute: string;
  direction: 'asc' | 'desc';
  field?: string;
}

export interface RecordQuery {
  filter?: AttioFilter;
  sorts?: AttioSort[];
  limit?: number;
  offset?: number;
}

export interface EntryInput {
  parentObject: string;
  parentRecordId: string;
  entryValues?: AttioValuesInput;
}

export interface NoteInput {
  parentObject: string;
  parentRecordId: string;
  title: string;
  content: string;
  format?: 'plaintext' | 'markdown';
  /** Backdates the note to the event that caused it. */
  createdAt?: string;
}

export type TaskAssignee =
  | { workspace_member_email_address: string }
  | { referenced_actor_type: 'workspace-member'; referenced_actor_id: string };

export interface TaskInput {
  content: string;
  deadlineAt: string | null;
  isCompleted?: boolean;
  linkedRecords: Array<{ target_object: string; target_record_id: string }>;
  assignees: TaskAssignee[];
}

export interface TaskQuery {
  linkedObject?: string;
  linkedRecordId?: string;
  isCompleted?: boolean;
  limit?: number;
  offset?: number;
}

/** Largest page the notes endpoint accepts. */
export const NOTES_PAGE_LIMIT = 50;

const seg = encodeURIComponent;
const read = (method: AttioRequest['method'], path: string, query?: AttioRequest['query']): AttioRequest => ({
  method,
  path,
  ...(query ? { query } : {}),
  read: true,
  idempotent: true,
});

function queryBody(query: RecordQuery): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (query.filter) body.filter = query.filter;
  if (query.sorts) body.sorts = query.sorts;
  if (query.limit !== undefined) body.limit = query.limit;
  if (query.offset !== undefined) body.offset = query.offset;
  return body;
}

function entryBody(entry: EntryInput): { data: Record<string, unknown> } {
  return {
    data: {
      parent_record_id: entry.parentRecordId,
      parent_object: entry.parentObject,
      entry_values: entry.entryValues ?? {},
    },
  };
}

export const attioRequests = {
  getSelf: (): AttioRequest => read('GET', '/v2/self'),
  listObjects: (): AttioRequest => read('GET', '/v2/objects'),
  getObject: (object: string): AttioRequest => read('GET', `/v2/objects/${seg(object)}`),
  listAttributes: (target: string, identifier: string): AttioRequest =>
    read('GET', `/v2/${target}/${seg(identifier)}/attributes`),
  listSelectOptions: (target: string, identifier: string, attribute: string): AttioRequest =>
    read('GET', `/v2/${target}/${seg(identifier)}/attributes/${seg(attribute)}/options`),
  listStatuses: (target: string, identifier: string, attribute: string): AttioRequest =>
    read('GET', `/v2/${target}/${seg(identifier)}/attributes/${seg(attribute)}/statuses`),
  listLists: (): AttioRequest => read('GET', '/v2/lists'),
  getList: (list: string): AttioRequest => read('GET', `/v2/lists/${seg(list)}`),
  listWorkspaceMembers: (): AttioRequest => read('GET', '/v2/workspace_members'),

  /** Upsert by a unique attribute: creates the record or updates the one that matches. */
  assertRecord: (object: string, matchingAttribute: string, values: AttioValuesInput): AttioRequest => ({
    method: 'PUT',
    path: `/v2/objects/${seg(object)}/records`,
    query: { matching_attribute: matchingAttribute },
    body: { data: { values } },
    read: false,
    idempotent: true,
  }),
  createRecord: (object: string, values: AttioValuesInput): AttioRequest => ({
    method: 'POST',
    path: `/v2/objects/${seg(object)}/records`,
    body: { data: { values } },
    read: false,
    idempotent: false,
  }),
  getRecord: (object: string, recordId: string): AttioRequest =>
    read('GET', `/v2/objects/${seg(object)}/records/${seg(recordId)}`),
  /** `append` (PATCH) adds to multi-value attributes; `overwrite` (PUT) replaces them. */
  updateRecord: (
    object: string,
    recordId: string,
    values: AttioValuesInput,
    mode: 'append' | 'overwrite' = 'append',
  ): AttioRequest => ({
    method: mode === 'append' ? 'PATCH' : 'PUT',
    path: `/v2/objects/${seg(object)}/records/${seg(recordId)}`,
    body: { data: { values } },
    read: false,
    idempotent: true,
  }),
  deleteRecord: (object: string, recordId: string): AttioRequest => ({
    method: 'DELETE',
    path: `/v2/objects/${seg(object)}/records/${seg(recordId)}`,
    read: false,
    idempotent: true,
  }),
  queryRecords: (object: string, query: RecordQuery): AttioRequest => ({
    method: 'POST',
    path: `/v2/objects/${seg(object)}/records/query`,
    body: queryBody(query),
    read: true,
    idempotent: true,
  }),
  /** The list entries of one record, across lists. */
  listRecordEntries: (object: string, recordId: string, limit: number, offset: number): AttioRequest =>
    read('GET', `/v2/objects/${seg(object)}/records/${seg(recordId)}/entries`, { limit, offset }),

  /** Adds an entry; Attio allows duplicates, so callers prefer `assertEntry`. */
  createEntry: (list: string, entry: EntryInput): AttioRequest => ({
    method: 'POST',
    path: `/v2/lists/${seg(list)}/entries`,
    body: entryBody(entry),
    read: false,
    idempotent: false,
  }),
  /** Upsert by parent record: at most one entry per record (400 multiple_match_results if there are more). */
  assertEntry: (list: string, entry: EntryInput): AttioRequest => ({
    method: 'PUT',
    path: `/v2/lists/${seg(list)}/entries`,
    body: entryBody(entry),
    read: false,
    idempotent: true,
  }),
  deleteEntry: (list: string, entryId: string): AttioRequest => ({
    method: 'DELETE',
    path: `/v2/lists/${seg(list)}/entries/${seg(entryId)}`,
    read: false,
    idempotent: true,
  }),
  queryEntries: (list: string, query: RecordQuery): AttioRequest => ({
    method: 'POST',
    path: `/v2/lists/${seg(list)}/entries/query`,
    body: queryBody(query),
    read: true,
    idempotent: true,
  }),

  createNote: (note: NoteInput): AttioRequest => ({
    method: 'POST',
    path: '/v2/notes',
    body: {
      data: {
        parent_object: note.parentObject,
        parent_record_id: note.parentRecordId,
        title: note.title,
        format: note.format ?? 'plaintext',
        content: note.content,
        ...(note.createdAt ? { created_at: note.createdAt } : {}),
      },
    },
    read: false,
    idempotent: false,
  }),
  /** Notes of one parent record, or of the whole workspace when no parent is given. */
  listNotes: (query: {
    parentObject?: string;
    parentRecordId?: string;
    limit?: number;
    offset?: number;
  }): AttioRequest =>
    read('GET', '/v2/notes', {
      parent_object: query.parentObject,
      parent_record_id: query.parentRecordId,
      limit: Math.min(query.limit ?? NOTES_PAGE_LIMIT, NOTES_PAGE_LIMIT),
      offset: query.offset ?? 0,
    }),
  deleteNote: (noteId: string): AttioRequest => ({
    method: 'DELETE',
    path: `/v2/notes/${seg(noteId)}`,
    read: false,
    idempotent: true,
  }),

  createTask: (task: TaskInput): AttioRequest => ({
    method: 'POST',
    path: '/v2/tasks',
    body: {
      data: {
        content: task.content,
        format: 'plaintext',
        deadline_at: task.deadlineAt,
        is_completed: task.isCompleted ?? false,
        linked_records: task.linkedRecords,
        assignees: task.assignees,
      },
    },
    read: false,
    idempotent: false,
  }),
  listTasks: (query: TaskQuery): AttioRequest =>
    read('GET', '/v2/tasks', {
      linked_object: query.linkedObject,
      linked_record_id: query.linkedRecordId,
      is_completed: query.isCompleted,
      limit: query.limit,
      offset: query.offset,
    }),
  deleteTask: (taskId: string): AttioRequest => ({
    method: 'DELETE',
    path: `/v2/tasks/${seg(taskId)}`,
    read: false,
    idempotent: true,
  }),
};
