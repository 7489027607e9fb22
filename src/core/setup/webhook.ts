/**
 * The Attio webhook the connector's receiver needs (docs/close-the-loop.md): which events, filtered to what
 * becomes a product event, delivered to the operator's URL. Like the rest of setup: read the workspace, plan
 * (pure), apply. The webhook at that URL is the connector's: setup creates it once, and afterwards only
 * brings its subscriptions back to exactly these, so running setup again never makes a second one.
 */
import type { AttioClient } from '../attio/client.js';
import type { AttioWebhook, WebhookCondition, WebhookFilter, WebhookSubscription } from '../attio/webhook-requests.js';

/** Objects whose merges the connector follows (users and workspaces only where they are enabled). */
const MERGED_OBJECTS = ['people', 'companies', 'deals', 'users', 'workspaces'] as const;

/** The workspace ids a subscription filters on, read by `readWebhookWorkspace`. */
export interface WebhookWorkspace {
  /** Object id by api slug. */
  objects: Readonly<Record<string, string>>;
  /** The attribute id of deals' `stage`, when deals have one. */
  dealStageAttribute?: string;
  /** Every webhook of the workspace. */
  webhooks: readonly AttioWebhook[];
}

export interface NeededSubscription {
  /** What the receiver does with these events, for people reading the plan. */
  purpose: string;
  subscription: WebhookSubscription;
}

export interface WebhookPlan {
  targetUrl: string;
  /** `manual`: the workspace lacks what the subscriptions filter on (`problem`, `fix`). */
  state: 'exists' | 'create' | 'update' | 'manual';
  needed: NeededSubscription[];
  /** The webhook at `targetUrl`, when there is one. */
  webhookId?: string;
  problem?: string;
  fix?: string;
  /** What works but deserves a look: more webhooks at the same URL, a webhook Attio stopped delivering to. */
  notes: string[];
}

export type WebhookApplyResult =
  | {
      outcome: 'created';
      webhookId: string;
      /** Attio answers it once; it belongs in a secret store, nowhere else. */ secret: string;
    }
  | { outcome: 'updated' | 'unchanged'; webhookId: string }
  | { outcome: 'failed'; reason: string };

const condition = (field: string, value: string): WebhookCondition => ({ field, operator: 'equals', value });

/** The subscriptions for a workspace's ids, or why they cannot be made. */
export function neededSubscriptions(
  workspace: Omit<WebhookWorkspace, 'webhooks'>,
): NeededSubscription[] | { problem: string; fix: string } {
  const deals = workspace.objects.deals;
  if (deals === undefined || workspace.dealStageAttribute === undefined) {
    return {
      problem:
        deals === undefined
          ? 'the deals object is not enabled, so there are no deal stage changes to subscribe to'
          : 'deals have no stage attribute to subscribe to',
      fix: 'enable Deals in Attio (Workspace settings → Objects) and run setup without --webhook-url first',
    };
  }
  const merged = MERGED_OBJECTS.filter((slug) => workspace.objects[slug] !== undefined);
  return [
    {
      purpose: 'deal stage changes (record.updated of deals.stage)',
      subscription: {
        event_type: 'record.updated',
        filter: {
          $and: [condition('id.object_id', deals), condition('id.attribute_id', workspace.dealStageAttribute)],
        },
      },
    },
    // A task event names only the task; the receiver reads it to see whether a follow-up was completed.
    { purpose: 'task changes (task.updated)', subscription: { event_type: 'task.updated', filter: null } },
    {
      purpose: `merges of ${merged.join(', ')} (record.merged)`,
      subscription: {
        event_type: 'record.merged',
        filter: { $or: merged.map((slug) => condition('id.object_id', workspace.objects[slug] ?? '')) },
      },
    },
  ];
}

/** Reads what the plan needs: object ids, deals' stage attribute, every webhook. */
export async function readWebhookWorkspace(client: AttioClient): Promise<WebhookWorkspace> {
  const objects = Object.fromEntries(
    (await client.listObjects()).flatMap((o) => (o.api_slug ? [[o.api_slug, o.id.object_id] as const] : [])),
  );
  const stage =
    objects.deals === undefined
      ? undefined
      : (await client.listAttributes('objects', 'deals')).find((a) => a.api_slug === 'stage' && a.type === 'status');
  const webhooks: AttioWebhook[] = [];
  for await (const webhook of client.listAllWebhooks()) webhooks.push(webhook);
  return { objects, ...(stage ? { dealStageAttribute: stage.id.attribute_id } : {}), webhooks };
}

export function planWebhook(targetUrl: string, workspace: WebhookWorkspace): WebhookPlan {
  const needed = neededSubscriptions(workspace);
  if (!Array.isArray(needed)) return { targetUrl, state: 'manual', needed: [], notes: [], ...needed };
  const atUrl = workspace.webhooks.filter((w) => sameUrl(w.target_url, targetUrl));
  const [ours, ...others] = atUrl;
  const notes = others.map(
    (w) =>
      `webhook ${w.id.webhook_id} also delivers to ${targetUrl}: the receiver gets its events too; delete it in Attio if it is a leftover`,
  );
  if (ours && ours.status !== 'active')
    notes.push(
      `Attio marks webhook ${ours.id.webhook_id} "${ours.status}" (deliveries kept failing); it ${ours.status === 'inactive' ? 'receives nothing until it is recreated' : 'still receives events'}`,
    );
  if (!ours) return { targetUrl, state: 'create', needed, notes };
  const same = canonical(ours.subscriptions).join('\n') === canonical(needed.map((n) => n.subscription)).join('\n');
  return { targetUrl, state: same ? 'exists' : 'update', needed, webhookId: ours.id.webhook_id, notes };
}

/** Creates the webhook or brings its subscriptions back to the plan's; nothing when it already matches. */
export async function applyWebhook(client: AttioClient, plan: WebhookPlan): Promise<WebhookApplyResult> {
  const subscriptions = plan.needed.map((n) => n.subscription);
  try {
    switch (plan.state) {
      case 'manual':
        return { outcome: 'failed', reason: plan.problem ?? 'the workspace lacks what the subscriptions need' };
      case 'exists':
        return { outcome: 'unchanged', webhookId: plan.webhookId ?? '' };
      case 'update':
        return {
          outcome: 'updated',
          webhookId: (await client.updateWebhook(plan.webhookId ?? '', { subscriptions })).id.webhook_id,
        };
      case 'create': {
        const created = await client.createWebhook({ targetUrl: plan.targetUrl, subscriptions });
        return { outcome: 'created', webhookId: created.id.webhook_id, secret: created.secret };
      }
    }
  } catch (error) {
    return { outcome: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}

/** Subscriptions compared as sets: order of subscriptions and of conditions does not matter. */
function canonical(subscriptions: readonly WebhookSubscription[]): string[] {
  const filter = (f: WebhookFilter): unknown => {
    if (f === null) return null;
    const sorted = (conditions: WebhookCondition[]) =>
      conditions.map((c) => JSON.stringify([c.field, c.operator, c.value])).sort();
    return '$and' in f ? { $and: sorted(f.$and) } : { $or: sorted(f.$or) };
  };
  return subscriptions.map((s) => JSON.stringify([s.event_type, filter(s.filter)])).sort();
}
