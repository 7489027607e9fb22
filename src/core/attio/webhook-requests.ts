/**
 * Attio's `/v2/webhooks` endpoints as request data, and their answers. A subscription is an `event_type`
 * and a `filter` (null, or one `$and` / `$or` list of `equals` / `not_equals` conditions on a dot path of the
 * event payload). Only the create's answer carries the signing secret: callers keep it out of every output.
 */
import { z } from 'zod';
import { attioValueSchema, dataOf, taskSchema } from './schemas.js';
import type { AttioRequest } from './transport.js';

const conditionSchema = z.object({ field: z.string(), operator: z.enum(['equals', 'not_equals']), value: z.string() });

export const webhookFilterSchema = z.union([
  z.object({ $and: z.array(conditionSchema) }),
  z.object({ $or: z.array(conditionSchema) }),
  z.null(),
]);
export type WebhookFilter = z.infer<typeof webhookFilterSchema>;
export type WebhookCondition = z.infer<typeof conditionSchema>;

export const webhookSubscriptionSchema = z.object({ event_type: z.string(), filter: webhookFilterSchema });
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

export const webhookSchema = z.object({
  id: z.object({ workspace_id: z.string(), webhook_id: z.string() }),
  target_url: z.string(),
  subscriptions: z.array(webhookSubscriptionSchema),
  /** Active and degraded webhooks receive events; inactive ones do not. */
  status: z.string(),
  created_at: z.string(),
});
export type AttioWebhook = z.infer<typeof webhookSchema>;

/** The create's answer: the webhook and the secret Attio signs its deliveries with. */
export const createdWebhookSchema = webhookSchema.extend({ secret: z.string().min(1) });
export type AttioCreatedWebhook = z.infer<typeof createdWebhookSchema>;

export interface WebhookInput {
  targetUrl: string;
  subscriptions: WebhookSubscription[];
}

/** Attio lists between 10 and 100 webhooks a page. */
export const WEBHOOKS_PAGE_LIMIT = 100;

const seg = encodeURIComponent;

export const webhookRequests = {
  listWebhooks: (limit: number, offset: number): AttioRequest => ({
    method: 'GET',
    path: '/v2/webhooks',
    query: { limit, offset },
    read: true,
    idempotent: true,
  }),
  getWebhook: (webhookId: string): AttioRequest => ({
    method: 'GET',
    path: `/v2/webhooks/${seg(webhookId)}`,
    read: true,
    idempotent: true,
  }),
  // Not resent after an unknown outcome: a second create makes a second webhook; setup lists before it creates.
  createWebhook: (webhook: WebhookInput): AttioRequest => ({
    method: 'POST',
    path: '/v2/webhooks',
    body: { data: { target_url: webhook.targetUrl, subscriptions: webhook.subscriptions } },
    read: false,
    idempotent: false,
  }),
  updateWebhook: (webhookId: string, change: Partial<WebhookInput>): AttioRequest => ({
    method: 'PATCH',
    path: `/v2/webhooks/${seg(webhookId)}`,
    body: {
      data: {
        ...(change.targetUrl === undefined ? {} : { target_url: change.targetUrl }),
        ...(change.subscriptions === undefined ? {} : { subscriptions: change.subscriptions }),
      },
    },
    read: false,
    idempotent: true,
  }),
  deleteWebhook: (webhookId: string): AttioRequest => ({
    method: 'DELETE',
    path: `/v2/webhooks/${seg(webhookId)}`,
    read: false,
    idempotent: true,
  }),
  // What a receiver of the webhooks reads: an event names a task or an attribute, never the new state.
  getTask: (taskId: string): AttioRequest => ({
    method: 'GET',
    path: `/v2/tasks/${seg(taskId)}`,
    read: true,
    idempotent: true,
  }),
  listRecordAttributeValues: (
    object: string,
    recordId: string,
    attribute: string,
    showHistoric: boolean,
  ): AttioRequest => ({
    method: 'GET',
    path: `/v2/objects/${seg(object)}/records/${seg(recordId)}/attributes/${seg(attribute)}/values`,
    query: { show_historic: showHistoric },
    read: true,
    idempotent: true,
  }),
};

export const WEBHOOK_RESPONSES = {
  oneWebhook: dataOf(webhookSchema),
  manyWebhook: dataOf(webhookSchema.array()),
  createdWebhook: dataOf(createdWebhookSchema),
  oneTask: dataOf(taskSchema),
  manyValue: dataOf(attioValueSchema.array()),
};
