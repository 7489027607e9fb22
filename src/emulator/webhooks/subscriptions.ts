/**
 * Webhook subscriptions as Attio's `/v2/webhooks` takes them: an `event_type` and a `filter` that is null or
 * one `$and` / `$or` list of `{field, operator: equals | not_equals, value}` conditions, `field` being a
 * dot path into the event payload (`id.object_id`, `actor.type`, `parent_object_id`, ...).
 */
import { z } from 'zod';
import { validationType } from '../errors.js';
import type { WebhookEvent } from './events.js';

/** Every event type the webhook API accepts (the emulator emits the record, entry, note and task ones). */
export const WEBHOOK_EVENT_TYPES = [
  'call-recording.created',
  'comment.created',
  'comment.resolved',
  'comment.unresolved',
  'comment.deleted',
  'list.created',
  'list.updated',
  'list.deleted',
  'list-attribute.created',
  'list-attribute.updated',
  'list-entry.created',
  'list-entry.updated',
  'list-entry.deleted',
  'object-attribute.created',
  'object-attribute.updated',
  'note.created',
  'note-content.updated',
  'note.updated',
  'note.deleted',
  'record.created',
  'record.merged',
  'record.updated',
  'record.deleted',
  'task.created',
  'task.updated',
  'task.deleted',
  'workspace-member.created',
] as const;

const condition = z.strictObject({
  field: z.string().min(1),
  operator: z.enum(['equals', 'not_equals']),
  value: z.string(),
});

const filterSchema = z.union([
  z.strictObject({ $and: z.array(condition) }),
  z.strictObject({ $or: z.array(condition) }),
  z.null(),
]);

export const subscriptionSchema = z.strictObject({
  event_type: z.enum(WEBHOOK_EVENT_TYPES),
  // Required, as in Attio's document: "no filter" is an explicit null.
  filter: filterSchema,
});

export type Subscription = z.infer<typeof subscriptionSchema>;
export type SubscriptionFilter = z.infer<typeof filterSchema>;

/** `data.subscriptions` of a create or update; a bad one is Attio's 400 validation_type naming the field. */
export function parseSubscriptions(raw: unknown): Subscription[] {
  const parsed = z.array(subscriptionSchema).safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = ['data', 'subscriptions', ...(issue?.path ?? [])].join('.');
  throw validationType(`Body payload validation error: "${where}": ${issue?.message ?? 'invalid'}.`);
}

/** The payload value at a dot path, as the string a filter compares with (absent: undefined). */
function fieldValue(event: WebhookEvent, path: string): string | undefined {
  let node: unknown = event;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined || node === null) return undefined;
  return typeof node === 'object' ? JSON.stringify(node) : String(node);
}

/** Whether a subscription wants an event: its type, then its filter (null always passes). */
export function subscriptionMatches(subscription: Subscription, event: WebhookEvent): boolean {
  if (subscription.event_type !== event.event_type) return false;
  const { filter } = subscription;
  if (filter === null) return true;
  const holds = (c: z.infer<typeof condition>) =>
    (fieldValue(event, c.field) === c.value) === (c.operator === 'equals');
  return '$and' in filter ? filter.$and.every(holds) : filter.$or.some(holds);
}
