/**
 * Merging two records of one object, as a rep merges duplicates in Attio. The API version the emulator
 * follows has no merge endpoint, so ./routes/control.ts serves this under the emulator-only `/_emulator/`.
 *
 * `new-record` is how Attio merges today: a new record holds the values of both, the two originals are gone
 * (reading them is a 404), and two `record.merged` events name the new record in `id.record_id` and one
 * original each in `duplicate_record_id`. `into-primary` is how Attio merged before: the primary keeps its
 * id and absorbs the secondary, announced by one `record.merged`. Either way, where both records hold a value
 * the primary's wins, multi-value attributes keep the values of both, and every value keeps its history
 * (`active_from`, `created_by_actor`). References, list entries, notes and tasks follow the record that
 * remains; where both records were in one list, the primary's entry stays and the other is deleted.
 */
import { randomUUID } from 'node:crypto';
import { validationType } from './errors.js';
import { addRecord, removeRecord, setEntryParent, setNoteParent, setTaskLinks, setValues } from './indexes.js';
import type { AttributeDef, AttributeParent, EntryRow, ObjectDef, RecordRow, StoredValue } from './model.js';
import { deleteEntry } from './records.js';
import { entriesOfRecord, findList, rowsWithValue } from './store.js';
import { valueKey, type WriteContext } from './values.js';
import { emitRecordMerged } from './webhooks/events.js';

export const MERGE_MODES = ['new-record', 'into-primary'] as const;
export type MergeMode = (typeof MERGE_MODES)[number];

const pointsAt = (ids: ReadonlySet<string>, value: StoredValue): boolean =>
  ids.has(String(value.fields.target_record_id));

/** The primary's value where both have one; both sets for multi-value attributes; no link between the two. */
function mergedValues(
  object: ObjectDef,
  primary: RecordRow,
  secondary: RecordRow,
  originals: ReadonlySet<string>,
): Map<AttributeDef, StoredValue[]> {
  const merged = new Map<AttributeDef, StoredValue[]>();
  for (const attr of object.attributes) {
    const keep = (values: StoredValue[]) =>
      attr.type === 'record-reference' ? values.filter((v) => !pointsAt(originals, v)) : values;
    const first = keep(primary.values[attr.slug] ?? []);
    const second = keep(secondary.values[attr.slug] ?? []);
    if (!attr.isMultiselect) {
      merged.set(attr, first.length > 0 ? first : second);
      continue;
    }
    const seen = new Set(first.map((v) => valueKey(attr, v.fields)));
    merged.set(attr, [...first, ...second.filter((v) => !seen.has(valueKey(attr, v.fields)))]);
  }
  return merged;
}

/** Record-reference values pointing at `ids` by another record or an entry, found while `ids` are indexed. */
function referencesTo(
  ctx: WriteContext,
  ids: ReadonlySet<string>,
): { owner: AttributeParent; attr: AttributeDef; row: RecordRow | EntryRow }[] {
  const { ws } = ctx;
  return [...ws.objects, ...ws.lists].flatMap((owner) =>
    owner.attributes
      .filter((attr) => attr.type === 'record-reference')
      .flatMap((attr) =>
        rowsWithValue(ws, owner, attr, ids)
          .filter((row) => !ids.has(row.id))
          .map((row) => ({ owner, attr, row })),
      ),
  );
}

export function mergeRecords(
  ctx: WriteContext,
  object: ObjectDef,
  primary: RecordRow,
  secondary: RecordRow,
  mode: MergeMode,
): RecordRow {
  if (primary.id === secondary.id)
    throw validationType(
      'A record cannot be merged with itself: "primary_record_id" and "secondary_record_id" are the same.',
    );
  const { ws } = ctx;
  const originals = new Set([primary.id, secondary.id]);
  const values = mergedValues(object, primary, secondary, originals);
  const referrers = referencesTo(ctx, originals);
  const entries = [...entriesOfRecord(ws, primary.id), ...entriesOfRecord(ws, secondary.id)];
  const notes = [primary, secondary].flatMap((r) => [...(ws.indexes.notesByParent.get(r.id)?.values() ?? [])]);
  const tasks = new Set([primary, secondary].flatMap((r) => [...(ws.indexes.tasksByRecord.get(r.id)?.values() ?? [])]));

  const survivor: RecordRow =
    mode === 'into-primary'
      ? primary
      : { id: randomUUID(), object: object.slug, createdAt: primary.createdAt, values: {} };
  for (const row of [primary, secondary]) if (row !== survivor) removeRecord(ws, object, row);
  if (survivor !== primary) {
    addRecord(ws, survivor);
    if (primary.history) survivor.history = primary.history;
  }
  for (const [attr, merged] of values) setValues(ws, object, survivor, attr, merged);

  const onSurvivor = (value: StoredValue): StoredValue =>
    pointsAt(originals, value) ? { ...value, fields: { ...value.fields, target_record_id: survivor.id } } : value;
  for (const { owner, attr, row } of referrers) {
    const seen = new Set<string>();
    const repointed = (row.values[attr.slug] ?? []).map(onSurvivor).filter((v) => {
      const target = String(v.fields.target_record_id);
      return !seen.has(target) && (seen.add(target), true);
    });
    setValues(ws, owner, row, attr, repointed);
  }
  const listsHeld = new Set<string>();
  for (const entry of entries) {
    if (listsHeld.has(entry.list)) deleteEntry(ctx, findList(ws, entry.list), entry);
    else {
      listsHeld.add(entry.list);
      setEntryParent(ws, entry, survivor.id);
    }
  }
  for (const note of notes) setNoteParent(ws, note, survivor.id);
  for (const task of tasks) {
    const links = task.linkedRecords.map((l) => (originals.has(l.recordId) ? { ...l, recordId: survivor.id } : l));
    setTaskLinks(
      ws,
      task,
      links.filter((l, i) => links.findIndex((o) => o.recordId === l.recordId) === i),
    );
  }

  if (mode === 'into-primary') emitRecordMerged(ctx, object, survivor.id, secondary.id);
  else for (const original of [primary, secondary]) emitRecordMerged(ctx, object, survivor.id, original.id);
  return survivor;
}
