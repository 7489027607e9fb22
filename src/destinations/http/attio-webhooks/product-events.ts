/**
 * What a product event is, as the sinks send it: a Segment-spec `track` call with the person's and
 * account's ids as the product knows them (`userId`, `groupId`) and the Attio record ids in its properties.
 * Stored in the outbox as JSON and read back through this schema. The message id is derived from the Attio
 * delivery's Idempotency-Key, so an event worked out twice is the same message, which Segment, RudderStack
 * and the product webhook's receiver can each drop.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const PRODUCT_EVENT_NAMES = [
  'Deal Stage Changed',
  'Deal Won',
  'Deal Lost',
  'Sales Task Completed',
  'Attio Records Merged',
] as const;
export type ProductEventName = (typeof PRODUCT_EVENT_NAMES)[number];

const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const productEventSchema = z.object({
  type: z.literal('track'),
  messageId: z.string().min(1),
  event: z.enum(PRODUCT_EVENT_NAMES),
  /** The product's user id (the Attio `users` record's `user_id`), when the person has one. */
  userId: z.string().min(1).optional(),
  /** `attio:<object>:<record id>` when no user id is known: Segment and RudderStack need one of the two. */
  anonymousId: z.string().min(1).optional(),
  /** The product's account id (the Attio `workspaces` record's `workspace_id`), when known. */
  groupId: z.string().min(1).optional(),
  timestamp: z.string(),
  properties: z.record(z.string(), propertyValue),
});
export type ProductEvent = z.infer<typeof productEventSchema>;
export type ProductEventProperties = ProductEvent['properties'];

/** Stable per (Attio delivery, event in it, product event): a retry of the same work makes the same id. */
export function productMessageId(idempotencyKey: string, eventIndex: number, name: ProductEventName): string {
  const digest = createHash('sha256').update(`${idempotencyKey}\n${eventIndex}\n${name}`).digest('hex');
  return `attio-plg-${digest.slice(0, 32)}`;
}
