/**
 * A typed Attio v2 client: one method per endpoint the workflows use. It builds requests, hands them to a
 * transport, and parses responses at this boundary; it decides nothing about retries or rate limits.
 */
import type { z } from 'zod';
import { AttioError, classifyAttioResponse } from './errors.js';
import {
  attributeSchema,
  dataOf,
  entrySchema,
  listSchema,
  noteSchema,
  objectSchema,
  recordSchema,
  selectOptionSchema,
  selfSchema,
  statusSchema,
  taskSchema,
  workspaceMemberSchema,
  type AttioAttribute,
  type AttioEntry,
  type AttioList,
  type AttioNote,
  type AttioObject,
  type AttioRecord,
  type AttioSelectOption,
  type AttioSelf,
  type AttioStatus,
  type AttioTask,
  type AttioWorkspaceMember,
} from './schemas.js';
import type { AttioRequest, HttpMethod, Transport } from './transport.js';
import { CONFIGURATION_RESPONSES, configurationRequests, type AttributeInput, type ListInput, type StatusInput } from './configuration-requests.js';

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

/** Objects and lists both own attributes: `/v2/{target}/{identifier}/attributes`. */
export type AttributeTarget = 'objects' | 'lists';

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

/** Response envelopes, built once: zod compiles a schema on its first use. */
const RESPONSES = {
  manyAttribute: dataOf(attributeSchema.array()),
  oneEntry: dataOf(entrySchema),
  manyEntry: dataOf(entrySchema.array()),
  oneList: dataOf(listSchema),
  manyList: dataOf(listSchema.array()),
  oneNote: dataOf(noteSchema),
  manyNote: dataOf(noteSchema.array()),
  oneObject: dataOf(objectSchema),
  manyObject: dataOf(objectSchema.array()),
  oneRecord: dataOf(recordSchema),
  manyRecord: dataOf(recordSchema.array()),
  manySelectOption: dataOf(selectOptionSchema.array()),
  manyStatus: dataOf(statusSchema.array()),
  oneTask: dataOf(taskSchema),
  manyTask: dataOf(taskSchema.array()),
  manyWorkspaceMember: dataOf(workspaceMemberSchema.array()),
};

/** Largest page the list endpoints accept (notes allow at most 50). */
const NOTES_PAGE_LIMIT = 50;
const DEFAULT_PAGE_SIZE = 500;

const seg = encodeURIComponent;

export class AttioClient {
  /** Logical requests sent through this client (retries inside the transport are not counted). */
  requestCount = 0;

  constructor(private readonly transport: Transport) {}

  // --- workspace metadata -------------------------------------------------------------------------------

  async getSelf(): Promise<AttioSelf> {
    return this.read('GET', '/v2/self', selfSchema);
  }

  async listObjects(): Promise<AttioObject[]> {
    return this.read('GET', '/v2/objects', RESPONSES.manyObject).then((r) => r.data);
  }

  async getObject(object: string): Promise<AttioObject> {
    return this.read('GET', `/v2/objects/${seg(object)}`, RESPONSES.oneObject).then((r) => r.data);
  }

  async listAttributes(target: AttributeTarget, identifier: string): Promise<AttioAttribute[]> {
    const path = `/v2/${target}/${seg(identifier)}/attributes`;
    return this.read('GET', path, RESPONSES.manyAttribute).then((r) => r.data);
  }

  async listSelectOptions(target: AttributeTarget, identifier: string, attribute: string): Promise<AttioSelectOption[]> {
    const path = `/v2/${target}/${seg(identifier)}/attributes/${seg(attribute)}/options`;
    return this.read('GET', path, RESPONSES.manySelectOption).then((r) => r.data);
  }

  async listStatuses(target: AttributeTarget, identifier: string, attribute: string): Promise<AttioStatus[]> {
    const path = `/v2/${target}/${seg(identifier)}/attributes/${seg(attribute)}/statuses`;
    return this.read('GET', path, RESPONSES.manyStatus).then((r) => r.data);
  }

  async listLists(): Promise<AttioList[]> {
    return this.read('GET', '/v2/lists', RESPONSES.manyList).then((r) => r.data);
  }

  async getList(list: string): Promise<AttioList> {
    return this.read('GET', `/v2/lists/${seg(list)}`, RESPONSES.oneList).then((r) => r.data);
  }

  async listWorkspaceMembers(): Promise<AttioWorkspaceMember[]> {
    return this.read('GET', '/v2/workspace_members', RESPONSES.manyWorkspaceMember).then((r) => r.data);
  }

  // --- workspace configuration (attio-plg setup) -------------------------------------------------------

  async createAttribute(target: AttributeTarget, identifier: string, attribute: AttributeInput): Promise<AttioAttribute> {
    return this.call(configurationRequests.createAttribute(target, identifier, attribute), CONFIGURATION_RESPONSES.oneAttribute).then((r) => r.data);
  }

  async createSelectOption(target: AttributeTarget, identifier: string, attribute: string, title: string): Promise<AttioSelectOption> {
    return this.call(configurationRequests.createSelectOption(target, identifier, attribute, title), CONFIGURATION_RESPONSES.oneSelectOption).then((r) => r.data);
  }

  async createStatus(target: AttributeTarget, identifier: string, attribute: string, status: StatusInput): Promise<AttioStatus> {
    return this.call(configurationRequests.createStatus(target, identifier, attribute, status), CONFIGURATION_RESPONSES.oneStatus).then((r) => r.data);
  }

  async createList(list: ListInput): Promise<AttioList> {
    return this.call(configurationRequests.createList(list), CONFIGURATION_RESPONSES.oneList).then((r) => r.data);
  }

  // --- records ------------------------------------------------------------------------------------------

  /** Upsert by a unique attribute: creates the record or updates the one that matches. */
  async assertRecord(object: string, matchingAttribute: string, values: AttioValuesInput): Promise<AttioRecord> {
    const response = await this.call(
      { method: 'PUT', path: `/v2/objects/${seg(object)}/records`, query: { matching_attribute: matchingAttribute }, body: { data: { values } }, read: false, idempotent: true },
      RESPONSES.oneRecord,
    );
    return response.data;
  }

  async createRecord(object: string, values: AttioValuesInput): Promise<AttioRecord> {
    const response = await this.call(
      { method: 'POST', path: `/v2/objects/${seg(object)}/records`, body: { data: { values } }, read: false, idempotent: false },
      RESPONSES.oneRecord,
    );
    return response.data;
  }

  async getRecord(object: string, recordId: string): Promise<AttioRecord> {
    return this.read('GET', `/v2/objects/${seg(object)}/records/${seg(recordId)}`, RESPONSES.oneRecord).then((r) => r.data);
  }

  /** `append` (PATCH) adds to multi-value attributes; `overwrite` (PUT) replaces them. */
  async updateRecord(
    object: string,
    recordId: string,
    values: AttioValuesInput,
    mode: 'append' | 'overwrite' = 'append',
  ): Promise<AttioRecord> {
    const response = await this.call(
      {
        method: mode === 'append' ? 'PATCH' : 'PUT',
        path: `/v2/objects/${seg(object)}/records/${seg(recordId)}`,
        body: { data: { values } },
        read: false,
        idempotent: true,
      },
      RESPONSES.oneRecord,
    );
    return response.data;
  }

  async queryRecords(object: string, query: RecordQuery = {}): Promise<AttioRecord[]> {
    const response = await this.call(
      { method: 'POST', path: `/v2/objects/${seg(object)}/records/query`, body: queryBody(query), read: true, idempotent: true },
      RESPONSES.manyRecord,
    );
    return response.data;
  }

  /** Every record matching `query`, page by page (limit/offset), fetched only as the caller iterates. */
  async *queryAllRecords(object: string, query: Omit<RecordQuery, 'limit' | 'offset'> = {}, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<AttioRecord> {
    yield* paginate(pageSize, (limit, offset) => this.queryRecords(object, { ...query, limit, offset }));
  }

  // --- list entries -------------------------------------------------------------------------------------

  /** Adds an entry; Attio allows duplicates, so callers prefer `assertEntry`. */
  async createEntry(list: string, entry: EntryInput): Promise<AttioEntry> {
    const response = await this.call(
      { method: 'POST', path: `/v2/lists/${seg(list)}/entries`, body: entryBody(entry), read: false, idempotent: false },
      RESPONSES.oneEntry,
    );
    return response.data;
  }

  /** Upsert by parent record: at most one entry per record (400 multiple_match_results if there are more). */
  async assertEntry(list: string, entry: EntryInput): Promise<AttioEntry> {
    const response = await this.call(
      { method: 'PUT', path: `/v2/lists/${seg(list)}/entries`, body: entryBody(entry), read: false, idempotent: true },
      RESPONSES.oneEntry,
    );
    return response.data;
  }

  async queryEntries(list: string, query: RecordQuery = {}): Promise<AttioEntry[]> {
    const response = await this.call(
      { method: 'POST', path: `/v2/lists/${seg(list)}/entries/query`, body: queryBody(query), read: true, idempotent: true },
      RESPONSES.manyEntry,
    );
    return response.data;
  }

  async *queryAllEntries(list: string, query: Omit<RecordQuery, 'limit' | 'offset'> = {}, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<AttioEntry> {
    yield* paginate(pageSize, (limit, offset) => this.queryEntries(list, { ...query, limit, offset }));
  }

  // --- notes --------------------------------------------------------------------------------------------

  async createNote(note: NoteInput): Promise<AttioNote> {
    const data = {
      parent_object: note.parentObject,
      parent_record_id: note.parentRecordId,
      title: note.title,
      format: note.format ?? 'plaintext',
      content: note.content,
      ...(note.createdAt ? { created_at: note.createdAt } : {}),
    };
    const response = await this.call(
      { method: 'POST', path: '/v2/notes', body: { data }, read: false, idempotent: false },
      RESPONSES.oneNote,
    );
    return response.data;
  }

  async listNotes(parentObject: string, parentRecordId: string, limit = NOTES_PAGE_LIMIT, offset = 0): Promise<AttioNote[]> {
    return this.queryNotes({ parentObject, parentRecordId, limit, offset });
  }

  /** Notes of one parent record, or of the whole workspace when no parent is given. */
  async queryNotes(query: { parentObject?: string; parentRecordId?: string; limit?: number; offset?: number } = {}): Promise<AttioNote[]> {
    const response = await this.call(
      {
        method: 'GET',
        path: '/v2/notes',
        query: {
          parent_object: query.parentObject,
          parent_record_id: query.parentRecordId,
          limit: Math.min(query.limit ?? NOTES_PAGE_LIMIT, NOTES_PAGE_LIMIT),
          offset: query.offset ?? 0,
        },
        read: true,
        idempotent: true,
      },
      RESPONSES.manyNote,
    );
    return response.data;
  }

  async *listAllNotes(parentObject?: string, parentRecordId?: string): AsyncGenerator<AttioNote> {
    yield* paginate(NOTES_PAGE_LIMIT, (limit, offset) => this.queryNotes({ parentObject, parentRecordId, limit, offset }));
  }

  // --- tasks --------------------------------------------------------------------------------------------

  async createTask(task: TaskInput): Promise<AttioTask> {
    const data = {
      content: task.content,
      format: 'plaintext',
      deadline_at: task.deadlineAt,
      is_completed: task.isCompleted ?? false,
      linked_records: task.linkedRecords,
      assignees: task.assignees,
    };
    const response = await this.call(
      { method: 'POST', path: '/v2/tasks', body: { data }, read: false, idempotent: false },
      RESPONSES.oneTask,
    );
    return response.data;
  }

  async listTasks(query: TaskQuery = {}): Promise<AttioTask[]> {
    const response = await this.call(
      {
        method: 'GET',
        path: '/v2/tasks',
        query: {
          linked_object: query.linkedObject,
          linked_record_id: query.linkedRecordId,
          is_completed: query.isCompleted,
          limit: query.limit,
          offset: query.offset,
        },
        read: true,
        idempotent: true,
      },
      RESPONSES.manyTask,
    );
    return response.data;
  }

  async *listAllTasks(query: Omit<TaskQuery, 'limit' | 'offset'> = {}, pageSize = DEFAULT_PAGE_SIZE): AsyncGenerator<AttioTask> {
    yield* paginate(pageSize, (limit, offset) => this.listTasks({ ...query, limit, offset }));
  }

  // --- plumbing -----------------------------------------------------------------------------------------

  private read<S extends z.ZodType>(method: HttpMethod, path: string, schema: S): Promise<z.infer<S>> {
    return this.call({ method, path, read: true, idempotent: true }, schema);
  }

  private async call<S extends z.ZodType>(request: AttioRequest, schema: S): Promise<z.infer<S>> {
    this.requestCount++;
    const response = await this.transport.send(request);
    if (response.status < 200 || response.status >= 300) {
      throw classifyAttioResponse(request, response.status, response.headers, response.body);
    }
    const parsed = schema.safeParse(response.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new AttioError({
        kind: 'http',
        method: request.method,
        path: request.path,
        status: response.status,
        code: 'unexpected_response',
        message: `response did not match the expected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
      });
    }
    return parsed.data;
  }
}

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
    data: { parent_record_id: entry.parentRecordId, parent_object: entry.parentObject, entry_values: entry.entryValues ?? {} },
  };
}

async function* paginate<T>(pageSize: number, fetchPage: (limit: number, offset: number) => Promise<T[]>): AsyncGenerator<T> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(pageSize, offset);
    yield* page;
    if (page.length < pageSize) return;
  }
}
