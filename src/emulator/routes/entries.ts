/** List entries: create (duplicates allowed), assert by parent record, query, get, delete; a record's entries. */
import { randomUUID } from 'node:crypto';
import { multipleMatchResults, notFound, validationType, valueNotFound } from '../errors.js';
import { FilterCompiler, compileSorts, type FilterSubject } from '../filters.js';
import type { EntryRow, ListDef, Workspace } from '../model.js';
import { addEntry } from '../indexes.js';
import { candidateEntries } from '../query-plan.js';
import {
  bodyData,
  changeValues,
  checkUniqueness,
  deleteEntry,
  renderValueMap,
  requireValuesObject,
  resolveValues,
  type WriteMode,
} from '../records.js';
import { deleted, ok, pagination, page, type HandlerContext, type Route } from '../router.js';
import { entriesOfRecord, findList, findObject, requireRecord } from '../store.js';
import type { WriteContext } from '../values.js';
import { emitEntryEvent } from '../webhooks/events.js';

function renderEntry(ws: Workspace, list: ListDef, entry: EntryRow): unknown {
  return {
    id: { workspace_id: ws.id, list_id: list.id, entry_id: entry.id },
    parent_record_id: entry.parentRecordId,
    parent_object: entry.parentObject,
    created_at: entry.createdAt,
    entry_values: renderValueMap(ws, list, entry.values),
  };
}

interface EntryInput {
  parentObject: string;
  parentRecordId: string;
  values: Record<string, unknown>;
}

function readEntryInput(ws: Workspace, list: ListDef, body: unknown): EntryInput {
  const data = bodyData(body);
  if (typeof data.parent_object !== 'string' || typeof data.parent_record_id !== 'string') {
    throw validationType('"parent_object" and "parent_record_id" are required strings.');
  }
  const object = findObject(ws, data.parent_object);
  if (object.slug !== list.parentObject) {
    throw validationType(`List "${list.slug}" holds records of "${list.parentObject}", not "${object.slug}".`);
  }
  const parent = ws.records.get(data.parent_record_id);
  if (!parent || parent.object !== object.slug) {
    throw valueNotFound(`Parent record with slug/ID "${data.parent_record_id}" not found.`);
  }
  return {
    parentObject: object.slug,
    parentRecordId: parent.id,
    values: requireValuesObject(data.entry_values, 'entry_values'),
  };
}

function writeEntry(
  ctx: WriteContext,
  list: ListDef,
  entry: EntryRow | undefined,
  input: EntryInput,
  mode: WriteMode,
): EntryRow {
  const next = resolveValues(ctx, list, entry?.values, input.values, entry ? mode : 'create');
  checkUniqueness(ctx.ws, list, entry?.id, next);
  let target = entry;
  if (!target) {
    target = {
      id: randomUUID(),
      list: list.slug,
      parentObject: input.parentObject,
      parentRecordId: input.parentRecordId,
      createdAt: ctx.now,
      values: {},
    };
    addEntry(ctx.ws, target);
    emitEntryEvent(ctx, 'list-entry.created', list, target);
  }
  for (const [attr, values] of next) changeValues(ctx, list, target, attr, values, entry !== undefined);
  return target;
}

function requireEntry(ws: Workspace, list: ListDef, id: string | undefined): EntryRow {
  const entry = ws.entries.get(id ?? '');
  if (!entry || entry.list !== list.slug) throw notFound(`Entry with ID "${id}" not found.`);
  return entry;
}

const listOf = ({ ws, params }: HandlerContext) => findList(ws, params.list ?? '');
const subject = (e: EntryRow): FilterSubject => ({
  values: e.values,
  builtins: {
    entry_id: e.id,
    parent_record_id: e.parentRecordId,
    record_id: e.parentRecordId,
    parent_object: e.parentObject,
  },
});

export const entryRoutes: Route[] = [
  {
    method: 'POST',
    path: '/v2/lists/:list/entries/query',
    handler: (ctx) => {
      const list = listOf(ctx);
      const query = (ctx.body ?? {}) as Record<string, unknown>;
      if (typeof query !== 'object' || Array.isArray(query)) throw validationType('Body must be a JSON object.');
      const predicate = new FilterCompiler(ctx.ws, list, [
        'entry_id',
        'parent_record_id',
        'record_id',
        'parent_object',
      ]).compile(query.filter);
      const order = compileSorts(list, query.sorts);
      const matched = candidateEntries(ctx.ws, list, query.filter)
        .filter((e) => predicate(subject(e)))
        .sort((a, b) => order(subject(a), subject(b)));
      return ok(page(matched, pagination(query, { limit: 500 })).map((e) => renderEntry(ctx.ws, list, e)));
    },
  },
  {
    method: 'POST',
    path: '/v2/lists/:list/entries',
    handler: (ctx) => {
      const list = listOf(ctx);
      const input = readEntryInput(ctx.ws, list, ctx.body);
      return ok(renderEntry(ctx.ws, list, writeEntry(ctx.write, list, undefined, input, 'create')));
    },
  },
  {
    method: 'PUT',
    path: '/v2/lists/:list/entries',
    handler: (ctx) => {
      const list = listOf(ctx);
      const input = readEntryInput(ctx.ws, list, ctx.body);
      const existing = entriesOfRecord(ctx.ws, input.parentRecordId).filter((e) => e.list === list.slug);
      if (existing.length > 1) {
        throw multipleMatchResults(
          'Multiple entries were found for the given parent record. Please remove duplicates or use the update or create entry endpoints instead.',
        );
      }
      return ok(renderEntry(ctx.ws, list, writeEntry(ctx.write, list, existing[0], input, 'overwrite')));
    },
  },
  {
    method: 'GET',
    path: '/v2/lists/:list/entries/:entry_id',
    handler: (ctx) => {
      const list = listOf(ctx);
      return ok(renderEntry(ctx.ws, list, requireEntry(ctx.ws, list, ctx.params.entry_id)));
    },
  },
  {
    method: 'DELETE',
    path: '/v2/lists/:list/entries/:entry_id',
    handler: (ctx) => {
      const list = listOf(ctx);
      deleteEntry(ctx.write, list, requireEntry(ctx.ws, list, ctx.params.entry_id));
      return deleted();
    },
  },
  {
    method: 'GET',
    path: '/v2/objects/:object/records/:record_id/entries',
    handler: (ctx) => {
      const record = requireRecord(ctx.ws, findObject(ctx.ws, ctx.params.object ?? ''), ctx.params.record_id ?? '');
      const entries = entriesOfRecord(ctx.ws, record.id);
      return ok(
        page(entries, pagination(ctx.query, { limit: 100, max: 1000 })).map((e) => ({
          list_id: findList(ctx.ws, e.list).id,
          list_api_slug: e.list,
          entry_id: e.id,
          created_at: e.createdAt,
        })),
      );
    },
  },
];
