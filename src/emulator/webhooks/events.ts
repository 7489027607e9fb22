/**
 * The webhook events the emulator emits, in the payload shapes of Attio's webhook reference. An event names
 * what changed and who changed it, never the new value: `record.updated` carries the attribute's id, and a
 * receiver reads the record to learn the value.
 */
import type { Actor, EntryRow, ListDef, NoteRow, ObjectDef, TaskRow } from '../model.js';
import type { WriteContext } from '../values.js';

export type RecordEventType = 'record.created' | 'record.updated' | 'record.deleted';
export type EntryEventType = 'list-entry.created' | 'list-entry.updated' | 'list-entry.deleted';
export type NoteEventType = 'note.created' | 'note.updated' | 'note.deleted';
export type TaskEventType = 'task.created' | 'task.updated' | 'task.deleted';

export interface WebhookEvent {
  event_type: RecordEventType | 'record.merged' | EntryEventType | NoteEventType | TaskEventType;
  id: Record<string, string>;
  actor: Actor;
  [field: string]: unknown;
}

function emit(ctx: WriteContext, event: WebhookEvent): void {
  ctx.events?.push(event);
}

/** record.created / updated (with the changed attribute) / deleted. */
export function emitRecordEvent(
  ctx: WriteContext,
  type: RecordEventType,
  object: ObjectDef,
  recordId: string,
  attributeId?: string,
): void {
  const id: Record<string, string> = { workspace_id: ctx.ws.id, object_id: object.id, record_id: recordId };
  if (attributeId !== undefined) id.attribute_id = attributeId;
  emit(ctx, { event_type: type, id, actor: ctx.actor });
}

/** record.merged: `id.record_id` is the record that remains, `duplicate_record_id` one that was merged into it. */
export function emitRecordMerged(ctx: WriteContext, object: ObjectDef, survivorId: string, duplicateId: string): void {
  emit(ctx, {
    event_type: 'record.merged',
    id: { workspace_id: ctx.ws.id, object_id: object.id, record_id: survivorId },
    duplicate_object_id: object.id,
    duplicate_record_id: duplicateId,
    actor: ctx.actor,
  });
}

export function emitEntryEvent(
  ctx: WriteContext,
  type: EntryEventType,
  list: ListDef,
  entry: EntryRow,
  attributeId?: string,
): void {
  const id: Record<string, string> = { workspace_id: ctx.ws.id, list_id: list.id, entry_id: entry.id };
  if (attributeId !== undefined) id.attribute_id = attributeId;
  emit(ctx, {
    event_type: type,
    id,
    parent_object_id: objectId(ctx, entry.parentObject),
    parent_record_id: entry.parentRecordId,
    actor: ctx.actor,
  });
}

export function emitNoteEvent(ctx: WriteContext, type: NoteEventType, note: NoteRow): void {
  emit(ctx, {
    event_type: type,
    id: { workspace_id: ctx.ws.id, note_id: note.id },
    parent_object_id: objectId(ctx, note.parentObject),
    parent_record_id: note.parentRecordId,
    actor: ctx.actor,
  });
}

export function emitTaskEvent(ctx: WriteContext, type: TaskEventType, task: TaskRow): void {
  emit(ctx, { event_type: type, id: { workspace_id: ctx.ws.id, task_id: task.id }, actor: ctx.actor });
}

const objectId = (ctx: WriteContext, slug: string): string => ctx.ws.objects.find((o) => o.slug === slug)?.id ?? slug;
