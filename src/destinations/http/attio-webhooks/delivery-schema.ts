/**
 * An Attio webhook delivery as the receiver reads it: `{webhook_id, events: [...]}` (one event today, more
 * later). Events name what changed and who changed it, never the new value. Event types the connector does
 * not act on are kept as `other` rather than refused: refusing would only make Attio retry them for days.
 */
import { z } from 'zod';

/** Who made the change: a workspace member (a rep), an API token (the connector or another integration), the system, ... */
export const attioActorSchema = z.object({ type: z.string(), id: z.string().nullable().optional() }).loose();
export type AttioActor = z.infer<typeof attioActorSchema>;

const id = z.string().min(1);

const RECORD_TYPES = ['record.created', 'record.updated', 'record.deleted'] as const;
const ENTRY_TYPES = ['list-entry.created', 'list-entry.updated', 'list-entry.deleted'] as const;
const NOTE_TYPES = ['note.created', 'note.updated', 'note-content.updated', 'note.deleted'] as const;
const TASK_TYPES = ['task.created', 'task.updated', 'task.deleted'] as const;
const KNOWN_TYPES: ReadonlySet<string> = new Set([
  ...RECORD_TYPES,
  'record.merged',
  ...ENTRY_TYPES,
  ...NOTE_TYPES,
  ...TASK_TYPES,
]);

export const attioRecordEventSchema = z.object({
  event_type: z.enum(RECORD_TYPES),
  // `attribute_id` on record.updated: the attribute that changed; read the record for its value.
  id: z.object({ workspace_id: id, object_id: id, record_id: id, attribute_id: id.optional() }).loose(),
  actor: attioActorSchema,
});

export const attioRecordMergedEventSchema = z.object({
  event_type: z.literal('record.merged'),
  // `record_id` remains; `duplicate_record_id` was merged into it and is gone.
  id: z.object({ workspace_id: id, object_id: id, record_id: id }).loose(),
  duplicate_object_id: id,
  duplicate_record_id: id,
  actor: attioActorSchema,
});

const entryEvent = z.object({
  event_type: z.enum(ENTRY_TYPES),
  id: z.object({ workspace_id: id, list_id: id, entry_id: id, attribute_id: id.optional() }).loose(),
  parent_object_id: id,
  parent_record_id: id,
  actor: attioActorSchema,
});

const noteEvent = z.object({
  event_type: z.enum(NOTE_TYPES),
  id: z.object({ workspace_id: id, note_id: id }).loose(),
  parent_object_id: id,
  parent_record_id: id,
  actor: attioActorSchema,
});

export const attioTaskEventSchema = z.object({
  event_type: z.enum(TASK_TYPES),
  // Only the task's id: read the task for what changed (e.g. is_completed).
  id: z.object({ workspace_id: id, task_id: id }).loose(),
  actor: attioActorSchema,
});

/** Any other event type (comments, lists, attributes, ...): passed on unread. */
const otherEvent = z
  .object({
    event_type: z
      .string()
      .refine((type) => !KNOWN_TYPES.has(type), { error: 'is a known event type of another shape' }),
  })
  .loose();

export const attioWebhookEventSchema = z.union([
  attioRecordEventSchema,
  attioRecordMergedEventSchema,
  entryEvent,
  noteEvent,
  attioTaskEventSchema,
  otherEvent,
]);
export type AttioWebhookEvent = z.infer<typeof attioWebhookEventSchema>;
export type AttioRecordEvent = z.infer<typeof attioRecordEventSchema>;
export type AttioRecordMergedEvent = z.infer<typeof attioRecordMergedEventSchema>;

export const attioWebhookDeliverySchema = z
  .object({ webhook_id: id, events: z.array(attioWebhookEventSchema).min(1) })
  .loose();
export type AttioWebhookDelivery = z.infer<typeof attioWebhookDeliverySchema>;
