import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/core/config/index.js';
import { InvalidEventError } from '../../src/core/errors.js';
import type { GroupIntent } from '../../src/core/intents.js';
import { mapEvent } from '../../src/mapping/index.js';

const config = parseConfig({ apiKey: 'test-key' }, {});
const timestamp = '2024-05-01T09:30:00.000Z';

const track = (event: string, extra: Record<string, unknown> = {}) => ({
  type: 'track',
  event,
  messageId: 'msg-1',
  timestamp,
  userId: 'u-1',
  ...extra,
});

describe('identify', () => {
  it('upserts the person with the profile the traits carry', () => {
    const intents = mapEvent(
      {
        type: 'identify',
        messageId: 'msg-1',
        timestamp,
        userId: 'u-1',
        traits: {
          email: ' Ada@Acme.COM ',
          name: 'Ada Lovelace',
          title: 'CTO',
          plan: 'pro',
          createdAt: '2024-04-30T23:00:00Z',
          company: { name: 'Acme', website: 'https://www.acme.com/about', id: 'ws-9' },
          favouriteColour: 'blue',
        },
      },
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'identify',
        messageId: 'msg-1',
        timestamp,
        person: { email: 'ada@acme.com', userId: 'u-1' },
        profile: {
          name: { firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace' },
          jobTitle: 'CTO',
          plan: 'pro',
          signupDate: '2024-04-30',
          companyName: 'Acme',
          companyDomain: 'acme.com',
          workspaceId: 'ws-9',
        },
      },
    ]);
  });

  it('also scores the person when the traits carry scoring signals', () => {
    const intents = mapEvent(
      { type: 'identify', messageId: 'msg-1', timestamp, userId: 'u-1', traits: { logins_7d: 6, team_invites: 0 } },
      config,
    );
    expect(intents).toEqual([
      { kind: 'identify', messageId: 'msg-1', timestamp, person: { userId: 'u-1' }, profile: {} },
      {
        kind: 'pql',
        messageId: 'msg-1',
        timestamp,
        person: { userId: 'u-1' },
        signals: { logins_7d: 6, team_invites: 0 },
      },
    ]);
  });

  it('reads traits from context.traits, letting the message traits win', () => {
    const [identify] = mapEvent(
      {
        type: 'identify',
        messageId: 'msg-1',
        timestamp,
        traits: { firstName: 'Ada', email: null },
        context: { traits: { firstName: 'Augusta', lastName: 'King', email: 'ada@acme.com' }, groupId: 'ws-1' },
      },
      config,
    );
    expect(identify).toEqual({
      kind: 'identify',
      messageId: 'msg-1',
      timestamp,
      person: { email: 'ada@acme.com' },
      profile: { name: { firstName: 'Ada', lastName: 'King', fullName: 'Ada King' }, workspaceId: 'ws-1' },
    });
  });

  it('accepts snake_case name traits, numeric ids, epoch-millisecond timestamps and an upper-case type', () => {
    const [identify] = mapEvent(
      {
        type: 'IDENTIFY',
        messageId: 42,
        originalTimestamp: 1714555800000,
        userId: 7,
        traits: { first_name: 'Grace', last_name: 'Hopper' },
      },
      config,
    );
    expect(identify).toEqual({
      kind: 'identify',
      messageId: '42',
      timestamp,
      person: { userId: '7' },
      profile: { name: { firstName: 'Grace', lastName: 'Hopper', fullName: 'Grace Hopper' } },
    });
  });
});

describe('track signup events', () => {
  it('maps "Signed Up" to a signup with the whole profile', () => {
    const intents = mapEvent(
      track('Signed Up', {
        traits: {
          email: 'ada@acme.com',
          name: 'Ada Lovelace',
          title: 'CTO',
          company: { name: 'Acme', domain: 'Acme.com' },
        },
        properties: { plan: 'trial', source: 'webinar' },
      }),
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'signup',
        messageId: 'msg-1',
        timestamp,
        person: { email: 'ada@acme.com', userId: 'u-1' },
        profile: {
          name: { firstName: 'Ada', lastName: 'Lovelace', fullName: 'Ada Lovelace' },
          jobTitle: 'CTO',
          plan: 'trial',
          signupDate: '2024-05-01',
          signupSource: 'webinar',
          companyName: 'Acme',
          companyDomain: 'acme.com',
        },
      },
    ]);
  });

  it('maps "Trial Started" with the email in properties, the campaign source and the default plan fields', () => {
    const intents = mapEvent(
      track('Trial Started', {
        userId: undefined,
        properties: { email: 'bob@gmail.com', company_name: 'Bob Co' },
        context: { campaign: { source: 'newsletter' }, traits: { plan: 'free' } },
      }),
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'signup',
        messageId: 'msg-1',
        timestamp,
        person: { email: 'bob@gmail.com' },
        profile: { plan: 'free', signupDate: '2024-05-01', signupSource: 'newsletter', companyName: 'Bob Co' },
      },
    ]);
  });

  it('falls back to the configured signup source and prefers traits.createdAt for the signup date', () => {
    const [signup] = mapEvent(
      track('Signed Up', { traits: { email: 'ada@acme.com', createdAt: '2024-03-02T10:00:00Z' } }),
      config,
    );
    expect(signup).toEqual({
      kind: 'signup',
      messageId: 'msg-1',
      timestamp,
      person: { email: 'ada@acme.com', userId: 'u-1' },
      profile: { signupDate: '2024-03-02', signupSource: 'product' },
    });
  });
});

describe('track milestone events', () => {
  const defaults: Array<[string, string]> = [
    ['Onboarding Completed', 'onboarding_completed'],
    ['Integration Connected', 'first_integration'],
    ['Data Imported', 'data_imported'],
    ['Invite Sent', 'team_invited'],
    ['Feature Activated', 'feature_activated'],
  ];
  for (const [event, milestone] of defaults) {
    it(`maps "${event}" to the ${milestone} milestone`, () => {
      expect(mapEvent(track(event), config)).toEqual([
        { kind: 'milestone', messageId: 'msg-1', timestamp, person: { userId: 'u-1' }, milestone },
      ]);
    });
  }

  it('maps "Milestone Reached" to the milestone named in properties.milestone', () => {
    expect(
      mapEvent(
        track('Milestone Reached', { properties: { milestone: 'report_shared', email: 'ada@acme.com' } }),
        config,
      ),
    ).toEqual([
      {
        kind: 'milestone',
        messageId: 'msg-1',
        timestamp,
        person: { email: 'ada@acme.com', userId: 'u-1' },
        milestone: 'report_shared',
      },
    ]);
  });
});

describe('track usage and handoff events', () => {
  it('maps "Usage Summary" to a PQL update with only the model signals', () => {
    const intents = mapEvent(
      track('Usage Summary', {
        properties: { logins_7d: 12, records_imported: 250, page_views: 99, integrations_connected: 0 },
      }),
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'pql',
        messageId: 'msg-1',
        timestamp,
        person: { userId: 'u-1' },
        signals: { logins_7d: 12, records_imported: 250, integrations_connected: 0 },
      },
    ]);
  });

  for (const event of ['Sales Handoff Requested', 'Upgrade Requested', 'Demo Requested']) {
    it(`maps "${event}" to a handoff`, () => {
      const intents = mapEvent(
        track(event, {
          context: { traits: { email: 'ada@acme.com' } },
          properties: { value: 12000, plan: 'enterprise', reason: 'SSO\r\nneeded' },
        }),
        config,
      );
      expect(intents).toEqual([
        {
          kind: 'handoff',
          messageId: 'msg-1',
          timestamp,
          person: { email: 'ada@acme.com', userId: 'u-1' },
          eventName: event,
          value: 12000,
          plan: 'enterprise',
          reason: 'SSO\r\nneeded',
        },
      ]);
    });
  }

  it('ignores a track event the tracking plan does not route', () => {
    expect(mapEvent(track('Button Clicked', { properties: { logins_7d: -1 } }), config)).toEqual([]);
  });

  it('does not route an event named like an Object prototype key', () => {
    expect(mapEvent(track('constructor'), config)).toEqual([]);
  });

  it('routes by the configured tracking plan', () => {
    const custom = parseConfig(
      { apiKey: 'k', milestoneEvents: { 'Report Shared': 'report_shared' }, usageEvents: ['Daily Usage'] },
      {},
    );
    expect({
      reportShared: mapEvent(track('Report Shared'), custom),
      onboardingNoLongerMapped: mapEvent(track('Onboarding Completed'), custom),
      usage: mapEvent(track('Daily Usage', { properties: { team_invites: 3 } }), custom),
    }).toEqual({
      reportShared: [
        { kind: 'milestone', messageId: 'msg-1', timestamp, person: { userId: 'u-1' }, milestone: 'report_shared' },
      ],
      onboardingNoLongerMapped: [],
      usage: [{ kind: 'pql', messageId: 'msg-1', timestamp, person: { userId: 'u-1' }, signals: { team_invites: 3 } }],
    });
  });
});

describe('group', () => {
  it('upserts the company with its normalised domain and account signals', () => {
    const intents = mapEvent(
      {
        type: 'group',
        messageId: 'msg-1',
        timestamp,
        groupId: 'ws-1',
        userId: 'u-1',
        traits: {
          name: 'Acme',
          website: 'https://www.Acme.com/pricing',
          plan: 'team',
          active_days_14d: 9,
          email: 'billing@acme.com',
        },
        context: { traits: { email: 'ada@acme.com' } },
      },
      config,
    );
    expect(intents).toEqual([
      {
        kind: 'group',
        messageId: 'msg-1',
        timestamp,
        groupId: 'ws-1',
        person: { email: 'ada@acme.com', userId: 'u-1' },
        company: { name: 'Acme', domain: 'acme.com', plan: 'team' },
        signals: { active_days_14d: 9 },
      },
    ]);
  });

  it('carries the company’s fit: industry, head count as Attio’s employee range, and country', () => {
    const group = (traits: Record<string, unknown>) =>
      mapEvent(
        { type: 'group', messageId: 'msg-1', timestamp, groupId: 'ws-1', traits: { domain: 'acme.io', ...traits } },
        config,
      )[0];
    expect(group({ industry: 'SaaS', employees: 4500, address: { country: 'DE', city: 'Berlin' } })).toMatchObject({
      company: { domain: 'acme.io', industry: 'SaaS', employeeRange: '1K-5K', country: 'DE' },
    });
    expect(
      ['51-200', '1,200', '10000+', '11-50', '5k', 0].map(
        (employees) => (group({ employees }) as GroupIntent).company.employeeRange,
      ),
    ).toEqual(['51-250', '1K-5K', '10K-50K', '11-50', '5K-10K', '1-10']);
    expect(group({ country: 'United States' })).toMatchObject({ company: { country: 'United States' } });
  });

  it('rejects an employees trait that is no head count, naming it', () => {
    const event = {
      type: 'group',
      messageId: 'msg-1',
      timestamp,
      groupId: 'ws-1',
      traits: { domain: 'acme.io', employees: 'lots' },
    };
    expect(() => mapEvent(event, config)).toThrow(
      new InvalidEventError('traits.employees', 'must be a head count or a range such as 51-250'),
    );
  });

  it('needs no person: a group call from a server names only the account', () => {
    expect(
      mapEvent(
        { type: 'group', messageId: 'msg-1', receivedAt: timestamp, groupId: 'ws-1', traits: { domain: 'acme.io' } },
        config,
      ),
    ).toEqual([
      { kind: 'group', messageId: 'msg-1', timestamp, groupId: 'ws-1', company: { domain: 'acme.io' }, signals: {} },
    ]);
  });
});
