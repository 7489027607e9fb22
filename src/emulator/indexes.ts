/**
 * The workspace's indexes and the one write path that keeps them right. Every change to a record, entry,
 * note or task goes through these functions, so lookups by object, list, parent record, linked record,
 * unique value or referenced record cost the same however large the workspace grows.
 */
import type {
  AttributeDef,
  AttributeParent,
  EntryRow,
  NoteRow,
  RecordRow,
  StoredValue,
  TaskRow,
  Workspace,
} from './model.js';
import { valueKey } from './values.js';

type Row = RecordRow | EntryRow;

/** Unique attributes are indexed by value, record references by the record they point at. */
export const isIndexed = (attr: AttributeDef): boolean => attr.isUnique || attr.type === 'record-reference';

export function indexKey(attr: AttributeDef, fields: Record<string, unknown>): string {
  return attr.type === 'record-reference' ? String(fields.target_record_id) : valueKey(attr, fields);
}

const ownerKey = (owner: AttributeParent): string => `${owner.kind}:${owner.slug}`;

function bucket<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let found = map.get(key);
  if (!found) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

export class WorkspaceIndexes {
  /** Creation order of every row, so index hits come back in the order a scan would give. */
  readonly order = new Map<string, number>();
  private next = 0;
  readonly recordsByObject = new Map<string, Map<string, RecordRow>>();
  readonly entriesByList = new Map<string, Map<string, EntryRow>>();
  readonly entriesByParent = new Map<string, Map<string, EntryRow>>();
  readonly notesByParent = new Map<string, Map<string, NoteRow>>();
  readonly tasksByRecord = new Map<string, Map<string, TaskRow>>();
  /** `<owner>|<attribute id>` -> index key -> ids of the rows holding such a value. */
  private readonly values = new Map<string, Map<string, Set<string>>>();

  stamp(id: string): void {
    this.order.set(id, this.next++);
  }

  rowsWith(owner: AttributeParent, attr: AttributeDef, key: string): ReadonlySet<string> {
    return this.values.get(`${ownerKey(owner)}|${attr.id}`)?.get(key) ?? new Set();
  }

  index(owner: AttributeParent, attr: AttributeDef, rowId: string, values: StoredValue[], add: boolean): void {
    if (!isIndexed(attr) || values.length === 0) return;
    const name = `${ownerKey(owner)}|${attr.id}`;
    let byKey = this.values.get(name);
    if (!byKey) this.values.set(name, (byKey = new Map()));
    for (const v of values) {
      const key = indexKey(attr, v.fields);
      let ids = byKey.get(key);
      if (add) {
        if (!ids) byKey.set(key, (ids = new Set()));
        ids.add(rowId);
      } else if (ids) {
        ids.delete(rowId);
        if (ids.size === 0) byKey.delete(key);
      }
    }
  }

  inCreationOrder<T extends { id: string }>(rows: Iterable<T>): T[] {
    return [...rows].sort((a, b) => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
  }
}

/** The one way a row's values change: the old values leave the indexes, the new ones enter. */
export function setValues(
  ws: Workspace,
  owner: AttributeParent,
  row: Row,
  attr: AttributeDef,
  values: StoredValue[],
): void {
  ws.indexes.index(owner, attr, row.id, row.values[attr.slug] ?? [], false);
  row.values[attr.slug] = values;
  ws.indexes.index(owner, attr, row.id, values, true);
}

function unindexAll(ws: Workspace, owner: AttributeParent, row: Row): void {
  for (const attr of owner.attributes) ws.indexes.index(owner, attr, row.id, row.values[attr.slug] ?? [], false);
}

export function addRecord(ws: Workspace, row: RecordRow): void {
  ws.records.set(row.id, row);
  bucket(ws.indexes.recordsByObject, row.object).set(row.id, row);
  ws.indexes.stamp(row.id);
}

export function removeRecord(ws: Workspace, owner: AttributeParent, row: RecordRow): void {
  unindexAll(ws, owner, row);
  ws.records.delete(row.id);
  ws.indexes.recordsByObject.get(row.object)?.delete(row.id);
  ws.indexes.order.delete(row.id);
}

export function addEntry(ws: Workspace, entry: EntryRow): void {
  ws.entries.set(entry.id, entry);
  bucket(ws.indexes.entriesByList, entry.list).set(entry.id, entry);
  bucket(ws.indexes.entriesByParent, entry.parentRecordId).set(entry.id, entry);
  ws.indexes.stamp(entry.id);
}

export function removeEntry(ws: Workspace, owner: AttributeParent, entry: EntryRow): void {
  unindexAll(ws, owner, entry);
  ws.entries.delete(entry.id);
  ws.indexes.entriesByList.get(entry.list)?.delete(entry.id);
  ws.indexes.entriesByParent.get(entry.parentRecordId)?.delete(entry.id);
  ws.indexes.order.delete(entry.id);
}

/** A merge moves an entry to the record that remains. */
export function setEntryParent(ws: Workspace, entry: EntryRow, parentRecordId: string): void {
  ws.indexes.entriesByParent.get(entry.parentRecordId)?.delete(entry.id);
  entry.parentRecordId = parentRecordId;
  bucket(ws.indexes.entriesByParent, parentRecordId).set(entry.id, entry);
}

export function addNote(ws: Workspace, note: NoteRow): void {
  ws.notes.set(note.id, note);
  bucket(ws.indexes.notesByParent, note.parentRecordId).set(note.id, note);
}

/** A merge moves a note to the record that remains. */
export function setNoteParent(ws: Workspace, note: NoteRow, parentRecordId: string): void {
  ws.indexes.notesByParent.get(note.parentRecordId)?.delete(note.id);
  note.parentRecordId = parentRecordId;
  bucket(ws.indexes.notesByParent, parentRecordId).set(note.id, note);
}

export function removeNote(ws: Workspace, note: NoteRow): void {
  ws.notes.delete(note.id);
  ws.indexes.notesByParent.get(note.parentRecordId)?.delete(note.id);
}

export function addTask(ws: Workspace, task: TaskRow): void {
  ws.tasks.set(task.id, task);
  ws.indexes.stamp(task.id);
  for (const link of task.linkedRecords) bucket(ws.indexes.tasksByRecord, link.recordId).set(task.id, task);
}

export function setTaskLinks(ws: Workspace, task: TaskRow, links: TaskRow['linkedRecords']): void {
  for (const link of task.linkedRecords) ws.indexes.tasksByRecord.get(link.recordId)?.delete(task.id);
  task.linkedRecords = links;
  for (const link of links) bucket(ws.indexes.tasksByRecord, link.recordId).set(task.id, task);
}

export function removeTask(ws: Workspace, task: TaskRow): void {
  setTaskLinks(ws, task, []);
  ws.tasks.delete(task.id);
  ws.indexes.order.delete(task.id);
}
