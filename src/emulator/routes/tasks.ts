/** Tasks: create (every field required), list by linked record / completion / assignee, get, PATCH. */
import { randomUUID } from 'node:crypto';
import { newAttribute } from '../attributes.js';
import { notFound, validationType } from '../errors.js';
import type { AttributeDef, AttributeType, TaskRow, Workspace } from '../model.js';
import { addTask, removeTask, setTaskLinks } from '../indexes.js';
import { bodyData } from '../records.js';
import { deleted, ok, pagination, page, type Route } from '../router.js';
import { attioTimestamp, findMemberByEmail, findObject } from '../store.js';
import { parseValues, type WriteContext } from '../values.js';
import { emitTaskEvent } from '../webhooks/events.js';

const MAX_CONTENT = 2000;
const REQUIRED = ['content', 'format', 'deadline_at', 'is_completed', 'linked_records', 'assignees'] as const;
const PATCHABLE = new Set(['deadline_at', 'is_completed', 'linked_records', 'assignees']);

/** Tasks reference records and members the way attribute values do; a synthetic attribute reuses that parsing. */
function pseudoAttribute(ws: Workspace, slug: string, type: AttributeType): AttributeDef {
  return newAttribute({ slug, type, multi: true, targets: ws.objects.map((o) => o.slug) }, ws.createdAt);
}

function parseReferences(
  ctx: WriteContext,
  slug: string,
  type: AttributeType,
  raw: unknown,
): Record<string, unknown>[] {
  if (!Array.isArray(raw)) throw validationType(`"${slug}" must be an array.`);
  const pseudoParent = {
    kind: 'object' as const,
    id: slug,
    slug: 'tasks',
    singularNoun: '',
    pluralNoun: '',
    createdAt: '',
    attributes: [],
  };
  return parseValues(ctx, pseudoParent, pseudoAttribute(ctx.ws, slug, type), raw).map((v) => v.fields);
}

function parseDeadline(raw: unknown): string | null {
  if (raw === null) return null;
  const ms = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(ms))
    throw validationType(`"deadline_at" must be an ISO 8601 timestamp or null, received ${JSON.stringify(raw)}.`);
  return attioTimestamp(new Date(ms));
}

function applyTaskFields(ctx: WriteContext, task: TaskRow, data: Record<string, unknown>): void {
  if ('deadline_at' in data) task.deadlineAt = parseDeadline(data.deadline_at);
  if ('is_completed' in data) {
    if (typeof data.is_completed !== 'boolean') throw validationType('"is_completed" must be a boolean.');
    task.isCompleted = data.is_completed;
  }
  if ('linked_records' in data) {
    task.linkedRecords = parseReferences(ctx, 'linked_records', 'record-reference', data.linked_records).map((f) => ({
      object: String(f.target_object),
      recordId: String(f.target_record_id),
    }));
  }
  if ('assignees' in data) {
    task.assigneeIds = parseReferences(ctx, 'assignees', 'actor-reference', data.assignees).map((f) =>
      String(f.referenced_actor_id),
    );
  }
}

function renderTask(ws: Workspace, task: TaskRow): unknown {
  return {
    id: { workspace_id: ws.id, task_id: task.id },
    content_plaintext: task.contentPlaintext,
    deadline_at: task.deadlineAt,
    is_completed: task.isCompleted,
    linked_records: task.linkedRecords.map((l) => ({
      target_object_id: ws.objects.find((o) => o.slug === l.object)?.id ?? l.object,
      target_record_id: l.recordId,
    })),
    assignees: task.assigneeIds.map((id) => ({ referenced_actor_type: 'workspace-member', referenced_actor_id: id })),
    created_by_actor: task.createdBy,
    created_at: task.createdAt,
  };
}

function requireTask(ws: Workspace, id: string | undefined): TaskRow {
  const task = ws.tasks.get(id ?? '');
  if (!task) throw notFound(`Could not find Task with ID "${id}".`);
  return task;
}

export const taskRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v2/tasks',
    handler: ({ ws, body, write }) => {
      const data = bodyData(body);
      const missing = REQUIRED.filter((key) => !(key in data));
      if (missing.length > 0) throw validationType(`Task is missing required fields: ${missing.join(', ')}.`);
      if (typeof data.content !== 'string') throw validationType('"content" must be a string.');
      if (data.content.length > MAX_CONTENT)
        throw validationType(`"content" must be at most ${MAX_CONTENT} characters.`);
      if (data.format !== 'plaintext') throw validationType('"format" must be "plaintext".');
      const task: TaskRow = {
        id: randomUUID(),
        contentPlaintext: data.content,
        deadlineAt: null,
        isCompleted: false,
        linkedRecords: [],
        assigneeIds: [],
        createdBy: write.actor,
        createdAt: write.now,
      };
      applyTaskFields(write, task, data);
      addTask(ws, task);
      emitTaskEvent(write, 'task.created', task);
      return ok(renderTask(ws, task));
    },
  },
  {
    method: 'GET',
    path: '/v2/tasks',
    handler: ({ ws, query }) => {
      const object = query.linked_object !== undefined ? findObject(ws, query.linked_object) : undefined;
      if (query.is_completed !== undefined && query.is_completed !== 'true' && query.is_completed !== 'false') {
        throw validationType('"is_completed" must be true or false.');
      }
      const assignee = query.assignee ? (findMemberByEmail(ws, query.assignee)?.id ?? query.assignee) : undefined;
      const pool = query.linked_record_id
        ? ws.indexes.inCreationOrder(ws.indexes.tasksByRecord.get(query.linked_record_id)?.values() ?? [])
        : ws.tasks.values();
      const tasks = [...pool]
        .filter(
          (t) =>
            t.linkedRecords.some(
              (l) =>
                (!object || l.object === object.slug) &&
                (!query.linked_record_id || l.recordId === query.linked_record_id),
            ) ||
            (!object && !query.linked_record_id),
        )
        .filter(
          (t) =>
            (query.is_completed === undefined || String(t.isCompleted) === query.is_completed) &&
            (!assignee || t.assigneeIds.includes(assignee)),
        );
      if (query.sort === 'created_at:desc') tasks.reverse();
      return ok(page(tasks, pagination(query, { limit: 500 })).map((t) => renderTask(ws, t)));
    },
  },
  {
    method: 'GET',
    path: '/v2/tasks/:task_id',
    handler: ({ ws, params }) => ok(renderTask(ws, requireTask(ws, params.task_id))),
  },
  {
    method: 'PATCH',
    path: '/v2/tasks/:task_id',
    handler: ({ ws, params, body, write }) => {
      const task = requireTask(ws, params.task_id);
      const data = bodyData(body);
      const unknown = Object.keys(data).filter((k) => !PATCHABLE.has(k));
      if (unknown.length > 0) throw validationType(`Tasks cannot update: ${unknown.join(', ')}.`);
      const before = JSON.stringify(renderTask(ws, task));
      const draft = { ...task };
      applyTaskFields(write, draft, data);
      const links = draft.linkedRecords;
      Object.assign(task, { ...draft, linkedRecords: task.linkedRecords });
      setTaskLinks(ws, task, links);
      const after = renderTask(ws, task);
      if (JSON.stringify(after) !== before) emitTaskEvent(write, 'task.updated', task);
      return ok(after);
    },
  },
  {
    method: 'DELETE',
    path: '/v2/tasks/:task_id',
    handler: ({ ws, params, write }) => {
      const task = requireTask(ws, params.task_id);
      removeTask(ws, task);
      emitTaskEvent(write, 'task.deleted', task);
      return deleted();
    },
  },
];
