/**
 * Webhooks: list, create (the answer carries the signing secret, as only the create's does), get, update
 * (target URL and/or subscriptions), delete. Attio takes https target URLs only; the emulator also takes
 * http on a loopback address, so that a test or the demo can receive on 127.0.0.1 without certificates.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { notFound, validationType } from '../errors.js';
import type { WebhookRow, Workspace } from '../model.js';
import { bodyData } from '../records.js';
import { deleted, ok, page, pagination, type Route } from '../router.js';
import { parseSubscriptions } from '../webhooks/subscriptions.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLoopback(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127\.\d+\.\d+\.\d+$/.test(url.hostname);
}

function parseTargetUrl(raw: unknown): string {
  if (typeof raw !== 'string')
    throw validationType('Body payload validation error: "data.target_url" must be a string.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationType(
      `Body payload validation error: "data.target_url" must be a URL, received ${JSON.stringify(raw)}.`,
    );
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url))) return raw;
  throw validationType(
    `Body payload validation error: "data.target_url" must be an https URL (the emulator also takes http on a loopback address), received ${JSON.stringify(raw)}.`,
  );
}

function renderWebhook(ws: Workspace, webhook: WebhookRow): Record<string, unknown> {
  return {
    target_url: webhook.targetUrl,
    subscriptions: webhook.subscriptions,
    id: { workspace_id: ws.id, webhook_id: webhook.id },
    status: webhook.status,
    created_at: webhook.createdAt,
  };
}

function requireWebhook(ws: Workspace, id: string | undefined): WebhookRow {
  const webhook = ws.webhooks.get(id ?? '');
  if (!webhook) throw notFound(`Webhook with ID "${id}" was not found.`);
  return webhook;
}

function requireFields(data: Record<string, unknown>, required: string[]): void {
  const allowed = ['target_url', 'subscriptions'];
  const missing = required.filter((key) => !(key in data));
  if (missing.length > 0)
    throw validationType(
      `Body payload validation error: missing required field(s) ${missing.map((k) => `"data.${k}"`).join(', ')}.`,
    );
  const unknown = Object.keys(data).filter((key) => !allowed.includes(key));
  if (unknown.length > 0)
    throw validationType(
      `Body payload validation error: unrecognised field(s) ${unknown.map((k) => `"data.${k}"`).join(', ')}.`,
    );
}

export const webhookRoutes: Route[] = [
  {
    method: 'GET',
    path: '/v2/webhooks',
    handler: ({ ws, query }) =>
      ok(page([...ws.webhooks.values()], pagination(query, { limit: 10, max: 100 })).map((w) => renderWebhook(ws, w))),
  },
  {
    method: 'POST',
    path: '/v2/webhooks',
    handler: ({ ws, body, write }) => {
      const data = bodyData(body);
      requireFields(data, ['target_url', 'subscriptions']);
      const webhook: WebhookRow = {
        id: randomUUID(),
        targetUrl: parseTargetUrl(data.target_url),
        subscriptions: parseSubscriptions(data.subscriptions),
        status: 'active',
        secret: randomBytes(32).toString('hex'),
        createdAt: write.now,
      };
      ws.webhooks.set(webhook.id, webhook);
      return ok({ ...renderWebhook(ws, webhook), secret: webhook.secret });
    },
  },
  {
    method: 'GET',
    path: '/v2/webhooks/:webhook_id',
    handler: ({ ws, params }) => ok(renderWebhook(ws, requireWebhook(ws, params.webhook_id))),
  },
  {
    method: 'PATCH',
    path: '/v2/webhooks/:webhook_id',
    handler: ({ ws, params, body }) => {
      const webhook = requireWebhook(ws, params.webhook_id);
      const data = bodyData(body);
      requireFields(data, []);
      // Both are checked before either changes.
      const targetUrl = 'target_url' in data ? parseTargetUrl(data.target_url) : webhook.targetUrl;
      const subscriptions = 'subscriptions' in data ? parseSubscriptions(data.subscriptions) : webhook.subscriptions;
      Object.assign(webhook, { targetUrl, subscriptions });
      return ok(renderWebhook(ws, webhook));
    },
  },
  {
    method: 'DELETE',
    path: '/v2/webhooks/:webhook_id',
    handler: ({ ws, params }) => {
      ws.webhooks.delete(requireWebhook(ws, params.webhook_id).id);
      return deleted();
    },
  },
];
