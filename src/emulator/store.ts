/** Lookups over a workspace, throwing Attio's errors when something is missing. */
import { notFound, valueNotFound } from './errors.js';
import type {
  AttributeDef,
  AttributeParent,
  EntryRow,
  ListDef,
  Member,
  ObjectDef,
  RecordRow,
  Workspace,
} from './model.js';

export function findObject(ws: Workspace, slugOrId: string): ObjectDef {
  const found = ws.objects.find((o) => o.slug === slugOrId || o.id === slugOrId);
  if (!found) throw notFound(`Object with slug/ID "${slugOrId}" not found.`);
  return found;
}

export function findList(ws: Workspace, slugOrId: string): ListDef {
  const found = ws.lists.find((l) => l.slug === slugOrId || l.id === slugOrId);
  if (!found) throw notFound(`List with slug/ID "${slugOrId}" not found.`);
  return found;
}

export function findParent(ws: Workspace, target: string, identifier: string): AttributeParent {
  if (target === 'objects') return findObject(ws, identifier);
  if (target === 'lists') return findList(ws, identifier);
  throw notFound(`Target "${target}" is not one of "objects" or "lists".`);
}

export function findAttribute(parent: AttributeParent, slugOrId: string): AttributeDef | undefined {
  return parent.attributes.find((a) => a.slug === slugOrId || a.id === slugOrId);
}

export function requireAttribute(parent: AttributeParent, slugOrId: string): AttributeDef {
  const found = findAttribute(parent, slugOrId);
  if (!found) throw notFound(`Attribute with slug/ID "${slugOrId}" not found.`);
  return found;
}

export function findRecord(ws: Workspace, object: ObjectDef, recordId: string): RecordRow | undefined {
  const row = ws.records.get(recordId);
  return row && row.object === object.slug ? row : undefined;
}

export function requireRecord(ws: Workspace, object: ObjectDef, recordId: string): RecordRow {
  const row = findRecord(ws, object, recordId);
  if (!row) throw notFound(`Record with ID "${recordId}" not found.`);
  return row;
}

export function recordsOf(ws: Workspace, object: ObjectDef): RecordRow[] {
  return [...(ws.indexes.recordsByObject.get(object.slug)?.values() ?? [])];
}

export function entriesOf(ws: Workspace, list: ListDef): EntryRow[] {
  return [...(ws.indexes.entriesByList.get(list.slug)?.values() ?? [])];
}

/** The entries whose parent is `recordId`, across lists, in creation order. */
export function entriesOfRecord(ws: Workspace, recordId: string): EntryRow[] {
  return ws.indexes.inCreationOrder(ws.indexes.entriesByParent.get(recordId)?.values() ?? []);
}

/** Records (of an object) or entries (of a list) holding a value with one of `keys` in indexed `attr`, in creation order. */
export function rowsWithValue(ws: Workspace, owner: ObjectDef, attr: AttributeDef, keys: Iterable<string>): RecordRow[];
export function rowsWithValue(ws: Workspace, owner: ListDef, attr: AttributeDef, keys: Iterable<string>): EntryRow[];
export function rowsWithValue(
  ws: Workspace,
  owner: AttributeParent,
  attr: AttributeDef,
  keys: Iterable<string>,
): (RecordRow | EntryRow)[];
export function rowsWithValue(
  ws: Workspace,
  owner: AttributeParent,
  attr: AttributeDef,
  keys: Iterable<string>,
): (RecordRow | EntryRow)[] {
  const rows = new Map<string, RecordRow | EntryRow>();
  const store: Map<string, RecordRow | EntryRow> = owner.kind === 'object' ? ws.records : ws.entries;
  for (const key of keys) {
    for (const id of ws.indexes.rowsWith(owner, attr, key)) {
      const row = store.get(id);
      if (row) rows.set(id, row);
    }
  }
  return ws.indexes.inCreationOrder(rows.values());
}

export function findMemberByEmail(ws: Workspace, email: string): Member | undefined {
  const wanted = email.trim().toLowerCase();
  return ws.members.find((m) => m.email === wanted);
}

export function requireMember(ws: Workspace, id: string): Member {
  const found = ws.members.find((m) => m.id === id);
  if (!found) throw notFound(`Workspace member with ID "${id}" not found.`);
  return found;
}

export function memberReference(ws: Workspace, input: { email?: string; id?: string }): Member {
  const found =
    input.email !== undefined ? findMemberByEmail(ws, input.email) : ws.members.find((m) => m.id === input.id);
  if (!found)
    throw valueNotFound(
      `Workspace member with ${input.email !== undefined ? `email "${input.email}"` : `ID "${input.id}"`} not found.`,
    );
  return found;
}

/** Attio renders timestamps with nanosecond precision: 2023-01-01T15:00:00.000000000Z. */
export function attioTimestamp(date: Date = new Date()): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}
