/**
 * A typed Attio v2 client: one method per endpoint the workflows use. It builds requests, hands them to a
 * transport, and parses responses at this boundary; it decides nothing about retries or rate limits.
 */
import { z } from 'zod';
import { AttioError, classifyAttioResponse } from './errors.js';
import {
  attributeSchema,
  dataOf,
  entrySchema,
  listSchema,
  noteSchema,
  objectSchema,
  recordEntrySchema,
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
  type AttioRecordEntry,
  type AttioSelectOption,
  type AttioSelf,
  type AttioStatus,
  type AttioTask,
  type AttioValue,
  type AttioWorkspaceMember,
} from './schemas.js';
import {
  attioRequests,
  NOTES_PAGE_LIMIT,
  type AttioValuesInput,
  type EntryInput,
  type NoteInput,
  type RecordQuery,
  type TaskInput,
  type TaskQuery,
} from './requests.js';
import type { AttioRequest, AttioResponse, Transport } from './transport.js';
import {
  CONFIGURATION_RESPONSES,
  configurationRequests,
  type AttributeInput,
  type ListInput,
  type StatusInput,
} from './configuration-requests.js';
import {
  WEBHOOK_RESPONSES,
  WEBHOOKS_PAGE_LIMIT,
  webhookRequests,
  type AttioCreatedWebhook,
  type AttioWebhook,
  type WebhookInput,
} from './webhook-requests.js';

export type {
  AttioFilter,
  AttioSort,
  AttioValuesInput,
  EntryInput,
  NoteInput,
  RecordQuery,
  TaskAssignee,
  TaskInput,
  TaskQuery,
} from './requests.js';

/** Objects and lists both own attributes: `/v2/{target}/{identifier}/attributes`. */
export type AttributeTarget = 'objects' | 'lists';

/** Told of every request the client sends and how it ended (status, or none when no answer came). */
export interface ClientObserver {
  sent(request: AttioRequest, outcome: { status?: number; durationMs: number }): void;
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
  manyRecordEntry: dataOf(recordEntrySchema.array()),
  anyData: z.object({ data: z.unknown() }),
  anyBody: z.unknown(),
};

const DEFAULT_PAGE_SIZE = 500;

export class AttioClient {
  /** Logical requests sent through this client (retries inside the transport are not counted). */
  requestCount = 0;

  constructor(
    private readonly transport: Transport,
    private readonly observers: readonly ClientObserver[] = [],
  ) {}

  /** The same client (transport, budgets) with one more observer, e.g. to record what one unit of work sent. */
  observed(observer: ClientObserver): AttioClient {
    return new AttioClient(this.transport, [...this.observers, observer]);
  }

  // --- workspace metadata -------------------------------------------------------------------------------

  async getSelf(): Promise<AttioSelf> {
    return this.call(attioRequests.getSelf(), selfSchema);
  }

  async listObjects(): Promise<AttioObject[]> {
    return this.call(attioRequests.listObjects(), RESPONSES.manyObject).then((r) => r.data);
  }

  async getObject(object: string): Promise<AttioObject> {
    return this.call(attioRequests.getObject(object), RESPONSES.oneObject).then((r) => r.data);
  }

  async listAttributes(target: AttributeTarget, identifier: string): Promise<AttioAttribute[]> {
    return this.call(attioRequests.listAttributes(target, identifier), RESPONSES.manyAttribute).then((r) => r.data);
  }

  async listSelectOptions(
    target: AttributeTarget,
    identifier: string,
    attribute: string,
  ): Promise<AttioSelectOption[]> {
    return this.call(attioRequests.listSelectOptions(target, identifier, attribute), RESPONSES.manySelectOption).then(
      (r) => r.data,
    );
  }

  async listStatuses(target: AttributeTarget, identifier: string, attribute: string): Promise<AttioStatus[]> {
    return this.call(attioRequests.listStatuses(target, identifier, attribute), RESPONSES.manyStatus).then(
      (r) => r.data,
    );
  }

  async listLists(): Promise<AttioList[]> {
    return this.call(attioRequests.listLists(), RESPONSES.manyList).then((r) => r.data);
  }

  async getList(list: string): Promise<AttioList> {
    return this.call(attioRequests.getList(list), RESPONSES.oneList).then((r) => r.data);
  }

  async listWorkspaceMembers(): Promise<AttioWorkspaceMember[]> {
    return this.call(attioRequests.listWorkspaceMembers(), RESPONSES.manyWorkspaceMember).then((r) => r.data);
  }

  // --- workspace configuration (attio-plg setup) -------------------------------------------------------

  async createAttribute(
    target: AttributeTarget,
    identifier: string,
    attribute: AttributeInput,
  ): Promise<AttioAttribute> {
    return this.call(
      configurationRequests.createAttribute(target, identifier, attribute),
      CONFIGURATION_RESPONSES.oneAttribute,
    ).then((r) => r.data);
  }

  async createSelectOption(
    target: AttributeTarget,
    identifier: string,
    attribute: string,
    title: string,
  ): Promise<AttioSelectOption> {
    return this.call(
      configurationRequests.createSelectOption(target, identifier, attribute, title),
      CONFIGURATION_RESPONSES.oneSelectOption,
    ).then((r) => r.data);
  }

  async createStatus(
    target: AttributeTarget,
    identifier: string,
    attribute: string,
    status: StatusInput,
  ): Promise<AttioStatus> {
    return this.call(
      configurationRequests.createStatus(target, identifier, attribute, status),
      CONFIGURATION_RESPONSES.oneStatus,
    ).then((r) => r.data);
  }

  async createList(list: ListInput): Promise<AttioList> {
    return this.call(configurationRequests.createList(list), CONFIGURATION_RESPONSES.oneList).then((r) => r.data);
  }

  // --- records ------------------------------------------------------------------------------------------

  /** Upsert by a unique attribute: creates the record or updates the one that matches. */
  async assertRecord(object: string, matchingAttribute: string, values: AttioValuesInput): Promise<AttioRecord> {
    return this.call(attioRequests.assertRecord(object, matchingAttribute, values), RESPONSES.oneRecord).then(
      (r) => r.data,
    );
  }

  async createRecord(object: string, values: AttioValuesInput): Promise<AttioRecord> {
    return this.call(attioRequests.createRecord(object, values), RESPONSES.oneRecord).then((r) => r.data);
  }

  async getRecord(object: string, recordId: string): Promise<AttioRecord> {
    return this.call(attioRequests.getRecord(object, recordId), RESPONSES.oneRecord).then((r) => r.data);
  }

  /** `append` (PATCH) adds to multi-value attributes; `overwrite` (PUT) replaces them. */
  async updateRecord(
    object: string,
    recordId: string,
    values: AttioValuesInput,
    mode: 'append' | 'overwrite' = 'append',
  ): Promise<AttioRecord> {
    return this.call(attioRequests.updateRecord(object, recordId, values, mode), RESPONSES.oneRecord).then(
      (r) => r.data,
    );
  }

  /** Deletes a record; false when Attio had no such record (already deleted). */
  async deleteRecord(object: string, recordId: string): Promise<boolean> {
    return this.deleted(attioRequests.deleteRecord(object, recordId));
  }

  async queryRecords(object: string, query: RecordQuery = {}): Promise<AttioRecord[]> {
    return this.call(attioRequests.queryRecords(object, query), RESPONSES.manyRecord).then((r) => r.data);
  }

  /** Every record matching `query`, page by page (limit/offset), fetched only as the caller iterates. */
  async *queryAllRecords(
    object: string,
    query: Omit<RecordQuery, 'limit' | 'offset'> = {},
    pageSize = DEFAULT_PAGE_SIZE,
  ): AsyncGenerator<AttioRecord> {
    yield* paginate(pageSize, (limit, offset) => this.queryRecords(object, { ...query, limit, offset }));
  }

  /** The list entries of one record, across every list (one read for all of a person's lists). */
  async listRecordEntries(object: string, recordId: string): Promise<AttioRecordEntry[]> {
    const entries: AttioRecordEntry[] = [];
    const page = (limit: number, offset: number) =>
      this.call(attioRequests.listRecordEntries(object, recordId, limit, offset), RESPONSES.manyRecordEntry).then(
        (r) => r.data,
      );
    for await (const entry of paginate(DEFAULT_PAGE_SIZE, page)) entries.push(entry);
    return entries;
  }

  // --- list entries -------------------------------------------------------------------------------------

  /** Adds an entry; Attio allows duplicates, so callers prefer `assertEntry`. */
  async createEntry(list: string, entry: EntryInput): Promise<AttioEntry> {
    return this.call(attioRequests.createEntry(list, entry), RESPONSES.oneEntry).then((r) => r.data);
  }

  /** Upsert by parent record: at most one entry per record (400 multiple_match_results if there are more). */
  async assertEntry(list: string, entry: EntryInput): Promise<AttioEntry> {
    return this.call(attioRequests.assertEntry(list, entry), RESPONSES.oneEntry).then((r) => r.data);
  }

  async deleteEntry(list: string, entryId: string): Promise<boolean> {
    return this.deleted(attioRequests.deleteEntry(list, entryId));
  }

  async queryEntries(list: string, query: RecordQuery = {}): Promise<AttioEntry[]> {
    return this.call(attioRequests.queryEntries(list, query), RESPONSES.manyEntry).then((r) => r.data);
  }

  async *queryAllEntries(
    list: string,
    query: Omit<RecordQuery, 'limit' | 'offset'> = {},
    pageSize = DEFAULT_PAGE_SIZE,
  ): AsyncGenerator<AttioEntry> {
    yield* paginate(pageSize, (limit, offset) => this.queryEntries(list, { ...query, limit, offset }));
  }

  // --- notes --------------------------------------------------------------------------------------------

  async createNote(note: NoteInput): Promise<AttioNote> {
    return this.call(attioRequests.createNote(note), RESPONSES.oneNote).then((r) => r.data);
  }

  async listNotes(
    parentObject: string,
    parentRecordId: string,
    limit = NOTES_PAGE_LIMIT,
    offset = 0,
  ): Promise<AttioNote[]> {
    return this.queryNotes({ parentObject, parentRecordId, limit, offset });
  }

  /** Notes of one parent record, or of the whole workspace when no parent is given. */
  async queryNotes(
    query: { parentObject?: string; parentRecordId?: string; limit?: number; offset?: number } = {},
  ): Promise<AttioNote[]> {
    return this.call(attioRequests.listNotes(query), RESPONSES.manyNote).then((r) => r.data);
  }

  async *listAllNotes(parentObject?: string, parentRecordId?: string): AsyncGenerator<AttioNote> {
    yield* paginate(NOTES_PAGE_LIMIT, (limit, offset) =>
      this.queryNotes({ parentObject, parentRecordId, limit, offset }),
    );
  }

  async deleteNote(noteId: string): Promise<boolean> {
    return this.deleted(attioRequests.deleteNote(noteId));
  }

  // --- tasks --------------------------------------------------------------------------------------------

  async createTask(task: TaskInput): Promise<AttioTask> {
    return this.call(attioRequests.createTask(task), RESPONSES.oneTask).then((r) => r.data);
  }

  async listTasks(query: TaskQuery = {}): Promise<AttioTask[]> {
    return this.call(attioRequests.listTasks(query), RESPONSES.manyTask).then((r) => r.data);
  }

  async *listAllTasks(
    query: Omit<TaskQuery, 'limit' | 'offset'> = {},
    pageSize = DEFAULT_PAGE_SIZE,
  ): AsyncGenerator<AttioTask> {
    yield* paginate(pageSize, (limit, offset) => this.listTasks({ ...query, limit, offset }));
  }

  async deleteTask(taskId: string): Promise<boolean> {
    return this.deleted(attioRequests.deleteTask(taskId));
  }

  // --- webhooks (attio-plg setup --webhook-url) --------------------------------------------------------

  async listWebhooks(limit = WEBHOOKS_PAGE_LIMIT, offset = 0): Promise<AttioWebhook[]> {
    return this.call(webhookRequests.listWebhooks(limit, offset), WEBHOOK_RESPONSES.manyWebhook).then((r) => r.data);
  }

  async *listAllWebhooks(): AsyncGenerator<AttioWebhook> {
    yield* paginate(WEBHOOKS_PAGE_LIMIT, (limit, offset) => this.listWebhooks(limit, offset));
  }

  async getWebhook(webhookId: string): Promise<AttioWebhook> {
    return this.call(webhookRequests.getWebhook(webhookId), WEBHOOK_RESPONSES.oneWebhook).then((r) => r.data);
  }

  /** Creates a webhook; the answer alone carries its signing `secret`, which must reach no log or output. */
  async createWebhook(webhook: WebhookInput): Promise<AttioCreatedWebhook> {
    return this.call(webhookRequests.createWebhook(webhook), WEBHOOK_RESPONSES.createdWebhook).then((r) => r.data);
  }

  /** Replaces the target URL and/or the subscriptions; the secret stays as it was. */
  async updateWebhook(webhookId: string, change: Partial<WebhookInput>): Promise<AttioWebhook> {
    return this.call(webhookRequests.updateWebhook(webhookId, change), WEBHOOK_RESPONSES.oneWebhook).then(
      (r) => r.data,
    );
  }

  async deleteWebhook(webhookId: string): Promise<boolean> {
    return this.deleted(webhookRequests.deleteWebhook(webhookId));
  }

  /** A task, e.g. after `task.updated`, which names the task only. */
  async getTask(taskId: string): Promise<AttioTask> {
    return this.call(webhookRequests.getTask(taskId), WEBHOOK_RESPONSES.oneTask).then((r) => r.data);
  }

  /**
   * One attribute's values on a record; with `showHistoric` the ended ones too, oldest first, each with its
   * `active_until` (e.g. a deal's previous stage after `record.updated` of `stage`).
   */
  async listRecordAttributeValues(
    object: string,
    recordId: string,
    attribute: string,
    options: { showHistoric?: boolean } = {},
  ): Promise<AttioValue[]> {
    return this.call(
      webhookRequests.listRecordAttributeValues(object, recordId, attribute, options.showHistoric ?? false),
      WEBHOOK_RESPONSES.manyValue,
    ).then((r) => r.data);
  }

  // --- plumbing -----------------------------------------------------------------------------------------

  /**
   * Sends a request built elsewhere (a write a workflow deferred) and returns Attio's `data`, unparsed: the
   * caller chose the request, and nothing but success or the classified error matters to it.
   */
  async send(request: AttioRequest): Promise<unknown> {
    return this.call(request, RESPONSES.anyData).then((r) => r.data);
  }

  /** A DELETE: true when Attio deleted it, false when it was already gone (404). */
  private async deleted(request: AttioRequest): Promise<boolean> {
    try {
      await this.call(request, RESPONSES.anyBody);
      return true;
    } catch (error) {
      if (error instanceof AttioError && error.status === 404) return false;
      throw error;
    }
  }

  private async call<S extends z.ZodType>(request: AttioRequest, schema: S): Promise<z.infer<S>> {
    this.requestCount++;
    const started = Date.now();
    let response: AttioResponse;
    try {
      response = await this.transport.send(request);
    } catch (error) {
      this.tell(request, error instanceof AttioError ? error.status : undefined, started);
      throw error;
    }
    this.tell(request, response.status, started);
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

  private tell(request: AttioRequest, status: number | undefined, started: number): void {
    for (const observer of this.observers)
      observer.sent(request, { ...(status === undefined ? {} : { status }), durationMs: Date.now() - started });
  }
}

async function* paginate<T>(
  pageSize: number,
  fetchPage: (limit: number, offset: number) => Promise<T[]>,
): AsyncGenerator<T> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(pageSize, offset);
    // Item by item rather than `yield* page`: TypeScript before 5.6 refuses to delegate to an array's iterator here.
    for (const item of page) yield item;
    if (page.length < pageSize) return;
  }
}
