/** The webhook plan (pure): what the receiver subscribes to, and create / update / leave alone. */
import { describe, expect, it } from 'vitest';
import type { AttioWebhook, WebhookSubscription } from '../../../src/core/attio/index.js';
import { neededSubscriptions, planWebhook, type WebhookWorkspace } from '../../../src/core/setup/index.js';

const URL_ = 'https://plg.example.com/attio/webhooks';
const objects = { people: 'o-people', companies: 'o-companies', deals: 'o-deals' };
const base: WebhookWorkspace = { objects, dealStageAttribute: 'a-stage', webhooks: [] };

const NEEDED: WebhookSubscription[] = [
  {
    event_type: 'record.updated',
    filter: {
      $and: [
        { field: 'id.object_id', operator: 'equals', value: 'o-deals' },
        { field: 'id.attribute_id', operator: 'equals', value: 'a-stage' },
      ],
    },
  },
  { event_type: 'task.updated', filter: null },
  {
    event_type: 'record.merged',
    filter: {
      $or: ['o-people', 'o-companies', 'o-deals'].map((value) => ({
        field: 'id.object_id',
        operator: 'equals' as const,
        value,
      })),
    },
  },
];

const webhook = (
  id: string,
  targetUrl: string,
  subscriptions: WebhookSubscription[],
  status = 'active',
): AttioWebhook => ({
  id: { workspace_id: 'w', webhook_id: id },
  target_url: targetUrl,
  subscriptions,
  status,
  created_at: '2024-01-01T00:00:00.000000000Z',
});

describe('the subscriptions the receiver needs', () => {
  it('deal stage changes, task changes, and merges of people, companies and deals', () => {
    const needed = neededSubscriptions(base);
    expect(Array.isArray(needed) && needed.map((n) => n.subscription)).toEqual(NEEDED);
    expect(Array.isArray(needed) && needed.map((n) => n.purpose)).toEqual([
      'deal stage changes (record.updated of deals.stage)',
      'task changes (task.updated)',
      'merges of people, companies, deals (record.merged)',
    ]);
  });

  it('merges of users and workspaces too where those objects are enabled', () => {
    const needed = neededSubscriptions({
      ...base,
      objects: { ...objects, users: 'o-users', workspaces: 'o-workspaces' },
    });
    const merged = Array.isArray(needed) ? needed[2]?.subscription.filter : undefined;
    expect(merged).toEqual({
      $or: ['o-people', 'o-companies', 'o-deals', 'o-users', 'o-workspaces'].map((value) => ({
        field: 'id.object_id',
        operator: 'equals',
        value,
      })),
    });
  });

  it('without deals or their stage there is nothing to plan, and the plan says what to do', () => {
    const plan = planWebhook(URL_, { ...base, objects: { people: 'o-people' } });
    expect(plan).toMatchObject({
      state: 'manual',
      needed: [],
      problem: expect.stringMatching(/deals object is not enabled/),
      fix: expect.stringMatching(/enable Deals/),
    });
    expect(planWebhook(URL_, { objects, webhooks: [] }).problem).toMatch(/deals have no stage attribute/);
  });
});

describe('the webhook plan', () => {
  it('creates a webhook when none delivers to the URL (others are not ours)', () => {
    const plan = planWebhook(URL_, {
      ...base,
      webhooks: [webhook('other', 'https://zapier.example.com/hook', NEEDED)],
    });
    expect(plan).toMatchObject({ state: 'create', targetUrl: URL_, notes: [] });
    expect(plan.webhookId).toBeUndefined();
  });

  it('leaves alone a webhook at the URL with the same subscriptions in another order', () => {
    const reordered = [...NEEDED]
      .reverse()
      .map((s) => (s.filter && '$or' in s.filter ? { ...s, filter: { $or: [...s.filter.$or].reverse() } } : s));
    expect(planWebhook(`${URL_}`, { ...base, webhooks: [webhook('ours', URL_, reordered)] })).toMatchObject({
      state: 'exists',
      webhookId: 'ours',
    });
  });

  it('updates a webhook at the URL whose subscriptions differ', () => {
    const plan = planWebhook(URL_, { ...base, webhooks: [webhook('ours', URL_, NEEDED.slice(0, 1))] });
    expect(plan).toMatchObject({ state: 'update', webhookId: 'ours' });
    expect(plan.needed.map((n) => n.subscription)).toEqual(NEEDED);
  });

  it('notes a second webhook at the URL and one Attio stopped delivering to', () => {
    const plan = planWebhook(URL_, {
      ...base,
      webhooks: [webhook('ours', URL_, NEEDED, 'degraded'), webhook('twin', URL_, NEEDED)],
    });
    expect(plan.state).toBe('exists');
    expect(plan.notes).toEqual([
      `webhook twin also delivers to ${URL_}: the receiver gets its events too; delete it in Attio if it is a leftover`,
      'Attio marks webhook ours "degraded" (deliveries kept failing); it still receives events',
    ]);
  });
});
