import type { SampleUser } from './cast.js';
import type { Random } from './random.js';

/**
 * Bad input of every kind docs/guarantees.md#what-is-rejected lists, each built around a real user of the
 * stream so that only the one defect makes it invalid. `field` is the field the connector's error must name.
 */

export interface BadInputContext {
  user: SampleUser;
  messageId: string;
  timestamp: string;
  random: Random;
}

export interface BadInputKind {
  reason: string;
  field: string;
  /** Large payloads appear once per stream, not in every round, to keep the sample file small. */
  once?: boolean;
  build: (context: BadInputContext) => Record<string, unknown>;
}

/** Hostile input the connector must accept without harm (unknown keys are dropped, never merged). */
export interface HarmlessProbe {
  reason: string;
  build: (context: BadInputContext) => Record<string, unknown>;
}

const LIBRARY = { library: { name: 'analytics.js', version: '5.2.1' } };
const OVERSIZED_NAME = 'A'.repeat(100 * 1024);
const PROTO_TRAITS = '{"__proto__":{"isAdmin":true,"email":"attacker@example.com"}}';

function envelope({ user, messageId, timestamp }: BadInputContext, type: string): Record<string, unknown> {
  return { messageId, timestamp, type, userId: user.userId, context: { ...LIBRARY } };
}

function identify(context: BadInputContext, traits: Record<string, unknown>): Record<string, unknown> {
  return { ...envelope(context, 'identify'), traits };
}

function track(context: BadInputContext, event: string, properties: Record<string, unknown>): Record<string, unknown> {
  return {
    ...envelope(context, 'track'),
    context: { ...LIBRARY, traits: { email: context.user.email } },
    event,
    properties,
  };
}

function usage(context: BadInputContext, signals: Record<string, unknown>): Record<string, unknown> {
  return track(context, 'Usage Summary', { period: '7d', logins_7d: 4, features_activated: 2, ...signals });
}

export const BAD_INPUT_KINDS: readonly BadInputKind[] = [
  {
    reason: 'signup without any email',
    field: 'traits.email',
    build: (c) => ({ ...envelope(c, 'track'), event: 'Signed Up', properties: { plan: 'free', source: 'organic' } }),
  },
  {
    reason: 'malformed email',
    field: 'traits.email',
    build: (c) => identify(c, { email: `${c.user.firstName}.at.example` }),
  },
  {
    reason: 'email with two @',
    field: 'traits.email',
    build: (c) => identify(c, { email: `${c.user.firstName}@@example.com` }),
  },
  {
    reason: 'email as an object',
    field: 'traits.email',
    build: (c) => identify(c, { email: { address: c.user.email } }),
  },
  {
    reason: 'email as an array',
    field: 'context.traits.email',
    build: (c) => ({
      ...envelope(c, 'track'),
      context: { ...LIBRARY, traits: { email: [c.user.email, 'other@example.com'] } },
      event: 'Signed Up',
      properties: { plan: 'free' },
    }),
  },
  { reason: 'filter operator as email', field: 'traits.email', build: (c) => identify(c, { email: { $ne: null } }) },
  {
    reason: 'filter operator as userId',
    field: 'userId',
    build: (c) => ({ ...track(c, 'Data Imported', { records: 10 }), userId: { $or: [{ user_id: { $ne: '' } }] } }),
  },
  {
    reason: 'filter operator as groupId',
    field: 'groupId',
    build: (c) => ({ ...envelope(c, 'group'), groupId: { $ne: '' }, traits: { name: 'Anything' } }),
  },
  { reason: 'signal as a word', field: 'properties.logins_7d', build: (c) => usage(c, { logins_7d: 'five' }) },
  { reason: 'negative signal', field: 'properties.records_imported', build: (c) => usage(c, { records_imported: -3 }) },
  // JSON cannot carry NaN or Infinity; senders that try produce these strings.
  {
    reason: 'NaN signal',
    field: 'properties.features_activated',
    build: (c) => usage(c, { features_activated: 'NaN' }),
  },
  { reason: 'Infinity signal', field: 'properties.team_invites', build: (c) => usage(c, { team_invites: 'Infinity' }) },
  {
    reason: 'signal as an array',
    field: 'properties.active_days_14d',
    build: (c) => usage(c, { active_days_14d: [7] }),
  },
  {
    reason: 'usage summary without signals',
    field: 'properties',
    build: (c) => track(c, 'Usage Summary', { period: '7d' }),
  },
  {
    reason: 'negative signal in identify traits',
    field: 'traits.integrations_connected',
    build: (c) => identify(c, { email: c.user.email, integrations_connected: -1 }),
  },
  {
    reason: 'timestamp as a word',
    field: 'timestamp',
    build: (c) => ({ ...identify(c, { email: c.user.email }), timestamp: 'yesterday' }),
  },
  {
    reason: 'impossible timestamp',
    field: 'timestamp',
    build: (c) => ({ ...track(c, 'Onboarding Completed', {}), timestamp: '2024-13-45T10:00:00.000Z' }),
  },
  {
    reason: 'missing timestamp',
    field: 'timestamp',
    build: (c) => {
      const { timestamp: _omitted, ...message } = track(c, 'Feature Activated', { feature: 'alerts' });
      return message;
    },
  },
  {
    reason: 'invalid createdAt trait',
    field: 'traits.createdAt',
    build: (c) => identify(c, { email: c.user.email, createdAt: 'last tuesday' }),
  },
  {
    reason: 'unknown message type',
    field: 'type',
    build: (c) => ({ ...track(c, 'Order Completed', { total: 49 }), type: 'purchase' }),
  },
  {
    reason: 'missing message type',
    field: 'type',
    build: (c) => {
      const { type: _omitted, ...message } = identify(c, { email: c.user.email });
      return message;
    },
  },
  {
    reason: 'missing messageId',
    field: 'messageId',
    build: (c) => {
      const { messageId: _omitted, ...message } = track(c, 'Integration Connected', { integration: 'Slack' });
      return message;
    },
  },
  {
    reason: 'track without event name',
    field: 'event',
    build: (c) => {
      const { event: _omitted, ...message } = track(c, 'Onboarding Completed', {});
      return message;
    },
  },
  { reason: 'event name as a number', field: 'event', build: (c) => ({ ...track(c, 'x', {}), event: 42 }) },
  {
    reason: 'handoff value as a word',
    field: 'properties.value',
    build: (c) => track(c, 'Sales Handoff Requested', { value: 'lots', plan: 'enterprise', reason: 'Wants SSO' }),
  },
  {
    reason: 'Milestone Reached without milestone',
    field: 'properties.milestone',
    build: (c) => track(c, 'Milestone Reached', {}),
  },
  {
    reason: 'milestone key that is not a key',
    field: 'properties.milestone',
    build: (c) => track(c, 'Milestone Reached', { milestone: 'First Dashboard!' }),
  },
  {
    reason: 'group without groupId',
    field: 'groupId',
    build: (c) => ({
      ...envelope(c, 'group'),
      traits: { name: 'Orphan Workspace', website: 'https://orphan.example' },
    }),
  },
  {
    reason: 'website that is not a domain',
    field: 'traits.company.website',
    build: (c) => identify(c, { email: c.user.email, company: { name: 'Nowhere', website: 'not a website' } }),
  },
  {
    reason: '100 KB name',
    field: 'traits.name',
    once: true,
    build: (c) => identify(c, { email: c.user.email, name: OVERSIZED_NAME }),
  },
  {
    reason: 'control characters in userId',
    field: 'userId',
    build: (c) => ({ ...identify(c, { email: c.user.email }), userId: `${c.user.userId}\u0000\u001b[2J` }),
  },
  {
    reason: 'control characters in title',
    field: 'traits.title',
    build: (c) => identify(c, { email: c.user.email, title: 'CTO\u0007\u0008' }),
  },
  {
    reason: 'traits as a string',
    field: 'traits',
    build: (c) => ({ ...envelope(c, 'identify'), traits: c.user.email }),
  },
  {
    reason: 'properties as an array',
    field: 'properties',
    build: (c) => ({ ...track(c, 'Data Imported', {}), properties: [1, 2, 3] }),
  },
  {
    reason: 'no userId and no email',
    field: 'userId',
    build: (c) => {
      const { userId: _omitted, ...message } = envelope(c, 'track');
      return { ...message, anonymousId: `anon_${c.random.hex(12)}`, event: 'Onboarding Completed', properties: {} };
    },
  },
];

export const HARMLESS_PROBES: readonly HarmlessProbe[] = [
  {
    reason: '__proto__ key in traits',
    // Only JSON.parse makes `__proto__` an own key, as it is when a payload arrives.
    build: (c) => identify(c, { email: c.user.email, ...(JSON.parse(PROTO_TRAITS) as Record<string, unknown>) }),
  },
  {
    reason: 'constructor key in traits',
    build: (c) => identify(c, { email: c.user.email, constructor: { prototype: { polluted: true } } }),
  },
];
