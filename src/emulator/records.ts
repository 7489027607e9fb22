/** Record writes: create, assert, update; uniqueness, required values and two-way relationships. */
import { randomUUID } from 'node:crypto';
import { missingValue, multipleMatchResults, uniquenessConflict, validationType, valueNotFound } from './errors.js';
import type { AttributeDef, AttributeParent, ObjectDef, RecordRow, StoredValue, ValueMap, Workspace } from './model.js';
import { findAttribute, findObject, recordsOf } from './store.js';
import { parseValues, renderValue, valueKey, type WriteContext } from './values.js';

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

function combine(attr: AttributeDef, stored: StoredValue[], given: StoredValue[], mode: WriteMode, isMatching: boolean): StoredValue[] {
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
    const values = next.get(attr) ?? (mode === 'create' ? [] : current?.[attr.slug] ?? []);
    if (values.length === 0) {
      throw missingValue(`Required value for attribute with ID "${attr.id}" ("${attr.slug}") was not provided.`);
    }
  }
  return next;
}

function checkUniqueness(ws: Workspace, object: ObjectDef, rowId: string | undefined, next: Map<AttributeDef, StoredValue[]>): void {
  for (const [attr, values] of next) {
    if (!attr.isUnique || values.length === 0) continue;
    const keys = new Set(values.map((v) => valueKey(attr, v.fields)));
    const clash = recordsOf(ws, object).find(
      (r) => r.id !== rowId && (r.values[attr.slug] ?? []).some((v) => keys.has(valueKey(attr, v.fields))),
    );
    if (clash) {
      throw uniquenessConflict(
        `The value for unique attribute "${attr.slug}" is already used by record "${clash.id}" of "${object.slug}".`,
      );
    }
  }
}

const targetIds = (values: StoredValue[]): Set<string> => new Set(values.map((v) => String(v.fields.target_record_id)));

function reference(ctx: WriteContext, row: RecordRow): StoredValue {
  return { activeFrom: ctx.now, createdBy: ctx.actor, fields: { target_object: row.object, target_record_id: row.id } };
}

/** Keeps the other side of a two-way relationship in step after `row.<attr>` changed from `before`. */
function syncInverse(ctx: WriteContext, attr: AttributeDef, row: RecordRow, before: StoredValue[]): void {
  if (!attr.inverse) return;
  const inverseObject = findObject(ctx.ws, attr.inverse.object);
  const inverse = findAttribute(inverseObject, attr.inverse.attribute);
  if (!inverse) return;
  const was = targetIds(before);
  const now = targetIds(row.values[attr.slug] ?? []);
  for (const id of was) {
    const target = ctx.ws.records.get(id);
    if (!now.has(id) && target) {
      target.values[inverse.slug] = (target.values[inverse.slug] ?? []).filter((v) => v.fields.target_record_id !== row.id);
    }
  }
  for (const id of now) {
    const target = ctx.ws.records.get(id);
    if (was.has(id) || !target) continue;
    const existing = target.values[inverse.slug] ?? [];
    if (existing.some((v) => v.fields.target_record_id === row.id)) continue;
    if (inverse.isMultiselect) {
      target.values[inverse.slug] = [...existing, reference(ctx, row)];
      continue;
    }
    // A single-value side moves: its previous counterpart lets go of the target.
    for (const id of targetIds(existing)) {
      const previous = ctx.ws.records.get(id);
      if (previous) {
        previous.values[attr.slug] = (previous.values[attr.slug] ?? []).filter((v) => v.fields.target_record_id !== target.id);
      }
    }
    target.values[inverse.slug] = [reference(ctx, row)];
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
    target.values[attr.slug] = values;
    if (attr.type === 'record-reference') syncInverse(ctx, attr, target, before);
  }
  return target;
}

function createRow(ctx: WriteContext, object: ObjectDef): RecordRow {
  const row: RecordRow = { id: randomUUID(), object: object.slug, createdAt: ctx.now, values: {} };
  const system = { activeFrom: ctx.now, createdBy: ctx.actor };
  row.values.created_at = [{ ...system, fields: { value: ctx.now } }];
  row.values.created_by = [{ ...system, fields: { referenced_actor_type: ctx.actor.type, referenced_actor_id: ctx.actor.id } }];
  ctx.ws.records.set(row.id, row);
  return row;
}

const withoutReferenceTo = (values: StoredValue[], id: string) => values.filter((v) => v.fields.target_record_id !== id);

/**
 * DELETE of a record. Attio documents only the record's own removal; the emulator also leaves no dangling
 * reference: record-reference values pointing at it (both sides of two-way relationships, and entry
 * values) go, its list entries and the notes on it go (they belong to it), and tasks merely stop linking it.
 */
export function deleteRecord(ws: Workspace, row: RecordRow): void {
  for (const other of ws.records.values()) {
    const object = findObject(ws, other.object);
    for (const attr of object.attributes) {
      if (attr.type === 'record-reference' && other.values[attr.slug]) other.values[attr.slug] = withoutReferenceTo(other.values[attr.slug] ?? [], row.id);
    }
  }
  for (const entry of [...ws.entries.values()]) {
    if (entry.parentRecordId === row.id) {
      ws.entries.delete(entry.id);
      continue;
    }
    for (const [slug, values] of Object.entries(entry.values)) entry.values[slug] = withoutReferenceTo(values, row.id);
  }
  for (const note of [...ws.notes.values()]) if (note.parentRecordId === row.id) ws.notes.delete(note.id);
  for (const task of ws.tasks.values()) task.linkedRecords = task.linkedRecords.filter((l) => l.recordId !== row.id);
  ws.records.delete(row.id);
}

/** PUT ?matching_attribute=: updates the one record holding a matching value, or creates one. */
export function assertRecord(ctx: WriteContext, object: ObjectDef, matching: string | undefined, input: Record<string, unknown>): RecordRow {
  if (!matching) throw validationType('The "matching_attribute" query parameter is required.');
  const attr = findAttribute(object, matching);
  if (!attr) throw valueNotFound(`No attribute was found for matching_attribute slug/ID "${matching}".`);
  if (!attr.isUnique) throw validationType(`Matching attribute "${attr.slug}" must be a unique attribute.`);
  const raw = input[attr.slug] ?? input[attr.id];
  const given = parseValues(ctx, object, attr, raw);
  if (given.length === 0) throw missingValue(`Values must include the matching attribute "${attr.slug}".`);
  const keys = new Set(given.map((v) => valueKey(attr, v.fields)));
  const matches = recordsOf(ctx.ws, object).filter((r) => (r.values[attr.slug] ?? []).some((v) => keys.has(valueKey(attr, v.fields))));
  if (matches.length > 1) throw multipleMatchResults(`Multiple records of "${object.slug}" match on "${attr.slug}".`);
  return writeRecord(ctx, object, matches[0], input, 'assert', attr);
}

export function renderValueMap(ws: Workspace, parent: AttributeParent, values: ValueMap): Record<string, unknown[]> {
  return Object.fromEntries(
    parent.attributes.map((attr) => [attr.slug, (values[attr.slug] ?? []).map((v) => renderValue(ws, parent, attr, v))]),
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
