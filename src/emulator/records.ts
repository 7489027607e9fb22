/** Record writes: create, assert, update; uniqueness, required values and two-way relationships. */
import { randomUUID } from 'node:crypto';
import { missingValue, multipleMatchResults, uniquenessConflict, validationType, valueNotFound } from './errors.js';
import type {
  AttributeDef,
  AttributeParent,
  EntryRow,
  ListDef,
  ObjectDef,
  RecordRow,
  StoredValue,
  ValueMap,
  Workspace,
} from './model.js';
import { addRecord, indexKey, removeEntry, removeNote, removeRecord, setTaskLinks, setValues } from './indexes.js';
import { entriesOfRecord, findAttribute, findList, findObject, rowsWithValue } from './store.js';
import { parseValues, renderValue, valueKey, type WriteContext } from './values.js';
import { emitEntryEvent, emitNoteEvent, emitRecordEvent, emitTaskEvent } from './webhooks/events.js';

/**
 * How provided values combine with stored ones: `create` a new row; `append` (PATCH) adds to multi-value
 * attributes; `overwrite` (PUT by id) replaces; `assert` replaces, except the matching attribute, which appends.
 */
export type WriteMode = 'create' | 'append' | 'overwrite' | 'assert';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads `{data: {<key>: {...}}}` from a request body. */
export function bodyData(body: unknown): Record<string, unknown> {
  if (!isObject(body) || !isObject(body.data)) throw validationType('Body must be a JSON object with a "data" object.');
  return body.data;
}

export function requireValuesObject(input: unknown, key: string): Record<string, unknown> {
  if (input === undefined) return {};
  if (!isObject(input)) throw validationType(`"${key}" must be an object keyed by attribute slug or ID.`);
  return input;
}

function combine(
  attr: AttributeDef,
  stored: StoredValue[],
  given: StoredValue[],
  mode: WriteMode,
  isMatching: boolean,
): StoredValue[] {
  // A value that is already stored keeps its history (active_from) rather than being re-created.
  const byKey = new Map(stored.map((v) => [valueKey(attr, v.fields), v]));
  const kept = given.map((v) => byKey.get(valueKey(attr, v.fields)) ?? v);
  const appends = attr.isMultiselect && (mode === 'append' || (mode === 'assert' && isMatching));
  if (!appends) return kept;
  const keys = new Set(stored.map((v) => valueKey(attr, v.fields)));
  return [...stored, ...kept.filter((v) => !keys.has(valueKey(attr, v.fields)))];
}

/** Parses and combines every provided attribute; throws before anything is written. */
export function resolveValues(
  ctx: WriteContext,
  parent: AttributeParent,
  current: ValueMap | undefined,
  input: Record<string, unknown>,
  mode: WriteMode,
  matchingAttribute?: AttributeDef,
): Map<AttributeDef, StoredValue[]> {
  const next = new Map<AttributeDef, StoredValue[]>();
  for (const [key, raw] of Object.entries(input)) {
    const attr = findAttribute(parent, key);
    if (!attr) throw valueNotFound(`Cannot find attribute with slug/ID "${key}" on ${parent.kind} "${parent.slug}".`);
    const given = parseValues(ctx, parent, attr, raw);
    next.set(attr, combine(attr, current?.[attr.slug] ?? [], given, mode, attr === matchingAttribute));
  }
  for (const attr of parent.attributes) {
    if (!attr.isRequired) continue;
    const values = next.get(attr) ?? (mode === 'create' ? [] : (current?.[attr.slug] ?? []));
    if (values.length === 0) {
      throw missingValue(`Required value for attribute with ID "${attr.id}" ("${attr.slug}") was not provided.`);
    }
  }
  return next;
}

/** Unique values may be held by one record of an object (or one entry of a list) at a time. */
export function checkUniqueness(
  ws: Workspace,
  owner: AttributeParent,
  rowId: string | undefined,
  next: Map<AttributeDef, StoredValue[]>,
): void {
  for (const [attr, values] of next) {
    if (!attr.isUnique || values.length === 0) continue;
    const clash = rowsWithValue(
      ws,
      owner,
      attr,
      values.map((v) => indexKey(attr, v.fields)),
    ).find((r) => r.id !== rowId);
    if (clash) {
      const what =
        owner.kind === 'object'
          ? `record "${clash.id}" of "${owner.slug}"`
          : `entry "${clash.id}" of list "${owner.slug}"`;
      throw uniquenessConflict(`The value for unique attribute "${attr.slug}" is already used by ${what}.`);
    }
  }
}

/** A stored value that did not change is the same object (see combine), so identity tells a change. */
const sameValues = (a: StoredValue[], b: StoredValue[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Sets one attribute of a record (or list entry); a real change is announced as `record.updated` (or
 * `list-entry.updated`) naming the attribute, as Attio's webhooks do. A new row's values are not announced:
 * its `created` event covers them.
 */
export function changeValues(
  ctx: WriteContext,
  owner: AttributeParent,
  row: RecordRow | EntryRow,
  attr: AttributeDef,
  values: StoredValue[],
  announce = true,
): void {
  const before = row.values[attr.slug] ?? [];
  setValues(ctx.ws, owner, row, attr, values);
  // History is kept for status attributes only (deal stages: where a deal came from), so it stays small.
  const ended = attr.type === 'status' ? before.filter((v) => !values.includes(v)) : [];
  if (ended.length > 0) {
    row.history ??= {};
    row.history[attr.slug] = [...(row.history[attr.slug] ?? []), ...ended.map((v) => ({ ...v, activeUntil: ctx.now }))];
  }
  if (!announce || sameValues(before, values)) return;
  if (owner.kind === 'object') emitRecordEvent(ctx, 'record.updated', owner, row.id, attr.id);
  else if ('list' in row) emitEntryEvent(ctx, 'list-entry.updated', owner, row, attr.id);
}

const targetIds = (values: StoredValue[]): Set<string> => new Set(values.map((v) => String(v.fields.target_record_id)));

function reference(ctx: WriteContext, row: RecordRow): StoredValue {
  return { activeFrom: ctx.now, createdBy: ctx.actor, fields: { target_object: row.object, target_record_id: row.id } };
}

const withoutReferenceTo = (values: StoredValue[], id: string) =>
  values.filter((v) => v.fields.target_record_id !== id);

/** Keeps the other side of a two-way relationship in step after `row.<attr>` (on `object`) changed from `before`. */
function syncInverse(
  ctx: WriteContext,
  object: ObjectDef,
  attr: AttributeDef,
  row: RecordRow,
  before: StoredValue[],
): void {
  if (!attr.inverse) return;
  const { ws } = ctx;
  const inverseObject = findObject(ws, attr.inverse.object);
  const inverse = findAttribute(inverseObject, attr.inverse.attribute);
  if (!inverse) return;
  const was = targetIds(before);
  const now = targetIds(row.values[attr.slug] ?? []);
  for (const id of was) {
    const target = ws.records.get(id);
    if (!now.has(id) && target)
      changeValues(ctx, inverseObject, target, inverse, withoutReferenceTo(target.values[inverse.slug] ?? [], row.id));
  }
  for (const id of now) {
    const target = ws.records.get(id);
    if (was.has(id) || !target) continue;
    const existing = target.values[inverse.slug] ?? [];
    if (existing.some((v) => v.fields.target_record_id === row.id)) continue;
    if (inverse.isMultiselect) {
      changeValues(ctx, inverseObject, target, inverse, [...existing, reference(ctx, row)]);
      continue;
    }
    // A single-value side moves: its previous counterpart lets go of the target.
    for (const id of targetIds(existing)) {
      const previous = ws.records.get(id);
      if (previous)
        changeValues(ctx, object, previous, attr, withoutReferenceTo(previous.values[attr.slug] ?? [], target.id));
    }
    changeValues(ctx, inverseObject, target, inverse, [reference(ctx, row)]);
  }
}

/** Validates everything, then writes: a new record when `row` is undefined, else an update of `row`. */
export function writeRecord(
  ctx: WriteContext,
  object: ObjectDef,
  row: RecordRow | undefined,
  input: Record<string, unknown>,
  mode: WriteMode,
  matchingAttribute?: AttributeDef,
): RecordRow {
  const next = resolveValues(ctx, object, row?.values, input, row ? mode : 'create', matchingAttribute);
  checkUniqueness(ctx.ws, object, row?.id, next);
  const target = row ?? createRow(ctx, object);
  for (const [attr, values] of next) {
    const before = target.values[attr.slug] ?? [];
    changeValues(ctx, object, target, attr, values, row !== undefined);
    if (attr.type === 'record-reference') syncInverse(ctx, object, attr, target, before);
  }
  return target;
}

function createRow(ctx: WriteContext, object: ObjectDef): RecordRow {
  const row: RecordRow = { id: randomUUID(), object: object.slug, createdAt: ctx.now, values: {} };
  const system = { activeFrom: ctx.now, createdBy: ctx.actor };
  row.values.created_at = [{ ...system, fields: { value: ctx.now } }];
  row.values.created_by = [
    { ...system, fields: { referenced_actor_type: ctx.actor.type, referenced_actor_id: ctx.actor.id } },
  ];
  addRecord(ctx.ws, row);
  emitRecordEvent(ctx, 'record.created', object, row.id);
  return row;
}

/**
 * DELETE of a record. Attio documents only the record's own removal; the emulator also leaves no dangling
 * reference: record-reference values pointing at it (both sides of two-way relationships, and entry
 * values) go, its list entries and the notes on it go (they belong to it), and tasks merely stop linking it.
 */
export function deleteRecord(ctx: WriteContext, object: ObjectDef, row: RecordRow): void {
  const { ws } = ctx;
  emitRecordEvent(ctx, 'record.deleted', object, row.id);
  for (const owner of [...ws.objects, ...ws.lists]) {
    for (const attr of owner.attributes) {
      if (attr.type !== 'record-reference') continue;
      for (const other of rowsWithValue(ws, owner, attr, [row.id])) {
        if (other.id === row.id) continue;
        changeValues(ctx, owner, other, attr, withoutReferenceTo(other.values[attr.slug] ?? [], row.id));
      }
    }
  }
  for (const entry of entriesOfRecord(ws, row.id)) deleteEntry(ctx, findList(ws, entry.list), entry);
  for (const note of [...(ws.indexes.notesByParent.get(row.id)?.values() ?? [])]) {
    removeNote(ws, note);
    emitNoteEvent(ctx, 'note.deleted', note);
  }
  for (const task of [...(ws.indexes.tasksByRecord.get(row.id)?.values() ?? [])]) {
    setTaskLinks(
      ws,
      task,
      task.linkedRecords.filter((l) => l.recordId !== row.id),
    );
    emitTaskEvent(ctx, 'task.updated', task);
  }
  removeRecord(ws, object, row);
}

export function deleteEntry(ctx: WriteContext, list: ListDef, entry: EntryRow): void {
  removeEntry(ctx.ws, list, entry);
  emitEntryEvent(ctx, 'list-entry.deleted', list, entry);
}

/** PUT ?matching_attribute=: updates the one record holding a matching value, or creates one. */
export function assertRecord(
  ctx: WriteContext,
  object: ObjectDef,
  matching: string | undefined,
  input: Record<string, unknown>,
): RecordRow {
  if (!matching) throw validationType('The "matching_attribute" query parameter is required.');
  const attr = findAttribute(object, matching);
  if (!attr) throw valueNotFound(`No attribute was found for matching_attribute slug/ID "${matching}".`);
  if (!attr.isUnique) throw validationType(`Matching attribute "${attr.slug}" must be a unique attribute.`);
  const raw = input[attr.slug] ?? input[attr.id];
  const given = parseValues(ctx, object, attr, raw);
  if (given.length === 0) throw missingValue(`Values must include the matching attribute "${attr.slug}".`);
  const matches = rowsWithValue(
    ctx.ws,
    object,
    attr,
    given.map((v) => indexKey(attr, v.fields)),
  );
  if (matches.length > 1) throw multipleMatchResults(`Multiple records of "${object.slug}" match on "${attr.slug}".`);
  return writeRecord(ctx, object, matches[0], input, 'assert', attr);
}

export function renderValueMap(ws: Workspace, parent: AttributeParent, values: ValueMap): Record<string, unknown[]> {
  return Object.fromEntries(
    parent.attributes.map((attr) => [
      attr.slug,
      (values[attr.slug] ?? []).map((v) => renderValue(ws, parent, attr, v)),
    ]),
  );
}

export function renderRecord(ws: Workspace, object: ObjectDef, row: RecordRow): unknown {
  return {
    id: { workspace_id: ws.id, object_id: object.id, record_id: row.id },
    created_at: row.createdAt,
    web_url: `https://app.attio.com/${ws.slug}/${object.slug}/${row.id}`,
    values: renderValueMap(ws, object, row.values),
  };
}
