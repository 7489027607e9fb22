import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/index.js';
import { InvalidEventError } from '../../src/core/errors.js';
import { mapEvent } from '../../src/mapping/index.js';

const config = parseConfig({ apiKey: 'test-key' }, {});
const base = { messageId: 'msg-1', timestamp: '2024-05-01T09:30:00Z', userId: 'u-1' };
const identify = (extra: Record<string, unknown>) => ({ type: 'identify', ...base, ...extra });
const track = (event: string, extra: Record<string, unknown> = {}) => ({ type: 'track', event, ...base, ...extra });

function rejection(raw: unknown): { field: string; reason: string } {
  try {
    mapEvent(raw, config);
  } catch (error) {
    if (error instanceof InvalidEventError) return { field: error.field, reason: error.reason };
    throw error;
  }
  throw new Error('expected an InvalidEventError');
}

describe('mapEvent rejects invalid events, naming the field and the reason', () => {
  const cases: Array<{ name: string; raw: unknown; field: string; reason: string }> = [
    {
      name: 'a message that is not an object',
      raw: '{"type":"track"}',
      field: 'message',
      reason: 'must be a JSON object',
    },
    { name: 'an array', raw: [base], field: 'message', reason: 'must be a JSON object' },
    {
      name: 'a missing type',
      raw: { ...base },
      field: 'type',
      reason: 'is required (must be one of: identify, track, group)',
    },
    {
      name: 'an unsupported type',
      raw: { type: 'page', ...base },
      field: 'type',
      reason: 'must be one of: identify, track, group',
    },
    { name: 'a missing messageId', raw: identify({ messageId: undefined }), field: 'messageId', reason: 'is required' },
    {
      name: 'an overlong messageId',
      raw: identify({ messageId: 'm'.repeat(201) }),
      field: 'messageId',
      reason: 'must be at most 200 characters',
    },
    {
      name: 'an operator object for the userId',
      raw: identify({ userId: { $ne: null } }),
      field: 'userId',
      reason: 'must be a string or number, got an object',
    },
    {
      name: 'an array for the userId',
      raw: identify({ userId: ['u-1'] }),
      field: 'userId',
      reason: 'must be a string or number, got an array',
    },
    {
      name: 'a control character in the userId',
      raw: identify({ userId: 'u\u0000-1' }),
      field: 'userId',
      reason: 'must not contain control characters',
    },
    {
      name: 'an operator object for the email',
      raw: identify({ traits: { email: { $or: [{}] } } }),
      field: 'traits.email',
      reason: 'must be a string, got an object',
    },
    {
      name: 'a malformed email',
      raw: identify({ traits: { email: 'ada@' } }),
      field: 'traits.email',
      reason: 'must be a valid email address',
    },
    {
      name: 'an email over 254 characters',
      raw: identify({
        traits: {
          email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(10)}.com`,
        },
      }),
      field: 'traits.email',
      reason: 'must be a valid email address',
    },
    {
      name: 'a malformed email in context.traits',
      raw: identify({ context: { traits: { email: 'not-an-email' } } }),
      field: 'context.traits.email',
      reason: 'must be a valid email address',
    },
    {
      name: 'traits that are not an object',
      raw: identify({ traits: 'ada' }),
      field: 'traits',
      reason: 'must be an object, got a string',
    },
    {
      name: 'an overlong name',
      raw: identify({ traits: { name: 'x'.repeat(201) } }),
      field: 'traits.name',
      reason: 'must be at most 200 characters',
    },
    {
      name: 'a control character in a name',
      raw: identify({ traits: { lastName: 'Love\u001blace' } }),
      field: 'traits.lastName',
      reason: 'must not contain control characters',
    },
    {
      name: 'an invalid timestamp',
      raw: identify({ timestamp: 'yesterday' }),
      field: 'timestamp',
      reason: 'must be an ISO 8601 date-time or epoch milliseconds',
    },
    {
      name: 'an impossible date in originalTimestamp',
      raw: identify({ timestamp: undefined, originalTimestamp: '2024-02-30T00:00:00Z' }),
      field: 'originalTimestamp',
      reason: 'is not a real date and time',
    },
    {
      name: 'an impossible date in the form SDKs send (toISOString)',
      raw: identify({ timestamp: '2026-02-30T00:00:00.000Z' }),
      field: 'timestamp',
      reason: 'is not a real date and time',
    },
    {
      name: 'a leap second in the form SDKs send',
      raw: identify({ timestamp: '2026-12-31T23:59:60.000Z' }),
      field: 'timestamp',
      reason: 'is not a real date and time',
    },
    {
      name: 'no timestamp at all',
      raw: identify({ timestamp: undefined }),
      field: 'timestamp',
      reason: 'is required (or one of originalTimestamp, receivedAt, sentAt)',
    },
    {
      name: 'a negative epoch',
      raw: identify({ timestamp: -5 }),
      field: 'timestamp',
      reason: 'must be epoch milliseconds (>= 0)',
    },
    {
      name: 'an identify with neither email nor userId',
      raw: identify({ userId: undefined, anonymousId: 'anon-1' }),
      field: 'userId',
      reason: 'is required when no email is given (traits.email, context.traits.email or properties.email)',
    },
    {
      name: 'a signal given as text',
      raw: identify({ traits: { logins_7d: '5' } }),
      field: 'traits.logins_7d',
      reason: 'must be a number, got a string',
    },
    {
      name: 'a negative signal',
      raw: track('Usage Summary', { properties: { team_invites: -1 } }),
      field: 'properties.team_invites',
      reason: 'must be >= 0',
    },
    {
      name: 'a NaN signal',
      raw: track('Usage Summary', { properties: { logins_7d: Number.NaN } }),
      field: 'properties.logins_7d',
      reason: 'must be a finite number',
    },
    {
      name: 'an infinite signal in context.traits',
      raw: identify({ context: { traits: { records_imported: Number.POSITIVE_INFINITY } } }),
      field: 'context.traits.records_imported',
      reason: 'must be a finite number',
    },
    {
      name: 'a usage summary without any model signal',
      raw: track('Usage Summary', { properties: { page_views: 3 } }),
      field: 'properties',
      reason:
        'must carry at least one scoring signal (logins_7d, features_activated, team_invites, integrations_connected, records_imported, active_days_14d)',
    },
    { name: 'a track without an event name', raw: { type: 'track', ...base }, field: 'event', reason: 'is required' },
    {
      name: 'a signup without an email',
      raw: track('Signed Up', { traits: { name: 'Ada' } }),
      field: 'traits.email',
      reason: 'is required for a signup (traits.email, context.traits.email or properties.email)',
    },
    {
      name: 'a signup with a website that is not a domain',
      raw: track('Signed Up', { traits: { email: 'ada@acme.com', company: { website: 'http://localhost:3000' } } }),
      field: 'traits.company.website',
      reason: 'must be a website or domain name such as acme.com',
    },
    {
      name: 'a Milestone Reached without properties.milestone',
      raw: track('Milestone Reached'),
      field: 'properties.milestone',
      reason: 'is required for "Milestone Reached"',
    },
    {
      name: 'a milestone key that is not a slug',
      raw: track('Milestone Reached', { properties: { milestone: 'Report Shared!' } }),
      field: 'properties.milestone',
      reason: 'must be a key of a-z, 0-9 and _ (1 to 64 characters), e.g. first_integration',
    },
    {
      name: 'a handoff value given as text',
      raw: track('Demo Requested', { properties: { value: '12000' } }),
      field: 'properties.value',
      reason: 'must be a number, got a string',
    },
    {
      name: 'a negative handoff value',
      raw: track('Demo Requested', { properties: { value: -1 } }),
      field: 'properties.value',
      reason: 'must be >= 0',
    },
    {
      name: 'a handoff reason over 2000 characters',
      raw: track('Upgrade Requested', { properties: { reason: 'r'.repeat(2001) } }),
      field: 'properties.reason',
      reason: 'must be at most 2000 characters',
    },
    { name: 'a group without groupId', raw: { type: 'group', ...base }, field: 'groupId', reason: 'is required' },
    {
      name: 'a group with an IP address for a website',
      raw: { type: 'group', ...base, groupId: 'ws-1', traits: { website: 'http://10.1.2.3' } },
      field: 'traits.website',
      reason: 'must be a website or domain name such as acme.com',
    },
  ];

  for (const { name, raw, field, reason } of cases) {
    it(`rejects ${name}`, () => {
      expect(rejection(raw)).toEqual({ field, reason });
    });
  }
});

describe('mapEvent is safe with hostile keys', () => {
  it('does not let __proto__ or constructor keys reach an intent or Object.prototype', () => {
    const raw = JSON.parse(
      '{"type":"identify","messageId":"m","timestamp":"2024-05-01T09:30:00Z","userId":"u",' +
        '"traits":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"logins_7d":3}}',
    ) as unknown;
    const intents = mapEvent(raw, config);
    expect({ intents, polluted: ({} as Record<string, unknown>)['polluted'] }).toEqual({
      intents: [
        {
          kind: 'identify',
          messageId: 'm',
          timestamp: '2024-05-01T09:30:00.000Z',
          person: { userId: 'u' },
          profile: {},
        },
        {
          kind: 'pql',
          messageId: 'm',
          timestamp: '2024-05-01T09:30:00.000Z',
          person: { userId: 'u' },
          signals: { logins_7d: 3 },
        },
      ],
      polluted: undefined,
    });
  });
});

describe('mapEvent ignores fields it does not use', () => {
  it('accepts odd values in fields a route does not read', () => {
    const intents = mapEvent(
      track('Invite Sent', { traits: { title: { odd: true }, logins_7d: 'many' }, sentAt: 'garbage' }),
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'milestone',
        messageId: 'msg-1',
        timestamp: '2024-05-01T09:30:00.000Z',
        person: { userId: 'u-1' },
        milestone: 'team_invited',
      },
    ]);
  });
});
