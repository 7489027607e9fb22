import { describe, expect, it } from 'vitest';
import { parseConfig, type PlgConfigInput } from '../../../src/core/config/index.js';
import { compareModels } from '../../../src/cli/score/compare.js';
import { mapEvents } from '../../../src/cli/score/events.js';
import { runWhatIf, type WhatIf } from '../../../src/cli/score/what-if.js';

const configWith = (overrides: Omit<PlgConfigInput, 'apiKey'> = {}) =>
  parseConfig({ apiKey: 'offline', ...overrides }, {});
let sequence = 0;
const at = (day: number, hour = 12): string => new Date(Date.UTC(2024, 10, day, hour)).toISOString();
const usage = (email: string, day: number, signals: Record<string, number>, hour = 12) => ({
  type: 'track',
  event: 'Usage Summary',
  messageId: `m${++sequence}`,
  timestamp: at(day, hour),
  userId: email.split('@')[0],
  properties: { email, ...signals },
});
const identify = (email: string, day: number, traits: Record<string, unknown> = {}) => ({
  type: 'identify',
  messageId: `m${++sequence}`,
  timestamp: at(day),
  userId: email.split('@')[0],
  traits: { email, ...traits },
});
const group = (day: number, groupId: string, traits: Record<string, unknown>, userId?: string) => ({
  type: 'group',
  messageId: `m${++sequence}`,
  timestamp: at(day),
  groupId,
  ...(userId ? { userId } : {}),
  traits,
});

function whatIf(events: unknown[], overrides: Omit<PlgConfigInput, 'apiKey'> = {}, asOf = at(30, 23)): WhatIf {
  const config = configWith(overrides);
  const lines = events.map((event, index) => ({ line: index + 1, bytes: 1, event }));
  return runWhatIf(mapEvents(lines, config).intents, config, Date.parse(asOf));
}

const QUALIFYING = { integrations_connected: 1, team_invites: 2, records_imported: 100 };
const LIGHT = { logins_7d: 5, features_activated: 3, active_days_14d: 7 };

describe('the what-if replay', () => {
  it('qualifies a user at their first report that reaches the threshold, and their account’s deal with them by default', () => {
    const run = whatIf([
      identify('ada@acme.com', 1, { name: 'Ada Lovelace' }),
      usage('ada@acme.com', 3, LIGHT),
      usage('ada@acme.com', 8, QUALIFYING),
    ]);
    expect(run.users).toEqual([
      expect.objectContaining({
        key: 'ada@acme.com',
        name: 'Ada Lovelace',
        account: 'acme.com',
        qualification: expect.objectContaining({ at: at(8), score: 65, tier: 'hot' }),
      }),
    ]);
    expect(run.accounts.map((a) => [a.key, a.firstUserQualifiedAt, a.dealAt])).toEqual([['acme.com', at(8), at(8)]]);
  });

  it('qualifies an account of lightly active users that no user of it would, and opens its deal on account qualification', () => {
    const light: Array<Record<string, number>> = [
      { logins_7d: 5, features_activated: 3 },
      { team_invites: 2 },
      { integrations_connected: 1 },
      { records_imported: 100 },
      { active_days_14d: 7 },
    ];
    const events = [
      group(1, 'ws_team', { name: 'Team Co', website: 'team.io', industry: 'SaaS' }),
      ...light.map((signals, index) => usage(`u${index}@team.io`, 2, signals, 12 + index)),
    ];
    const byUser = whatIf(events);
    const byAccount = whatIf(events, { dealTrigger: 'account' });
    expect(byUser.users.filter((user) => user.qualification).length).toBe(0);
    expect(byUser.accounts[0]).toMatchObject({
      key: 'team.io',
      name: 'Team Co',
      members: 5,
      facts: { industry: 'SaaS' },
    });
    // The fifth colleague's report completes the team's breadth and seats.
    expect([byUser.accounts[0]?.qualification?.at, byUser.accounts[0]?.dealAt]).toEqual([at(2, 16), undefined]);
    expect(byAccount.accounts[0]?.dealAt).toBe(at(2, 16));
  });

  it('finds a userId-only user by the email another event carried, and puts them in their group’s company over their email domain', () => {
    const run = whatIf([
      identify('noah@jasper-data.io', 1),
      group(1, 'ws_jasper', { name: 'Jasper Data', website: 'jasperdata.co' }, 'noah'),
      {
        type: 'track',
        event: 'Usage Summary',
        messageId: 'x1',
        timestamp: at(2),
        userId: 'noah',
        properties: QUALIFYING,
      },
    ]);
    expect(run.users.map((user) => [user.key, user.account, user.qualification?.at])).toEqual([
      ['noah@jasper-data.io', 'jasperdata.co', at(2)],
    ]);
    expect(run.accounts.map((account) => [account.key, account.members])).toEqual([['jasperdata.co', 1]]);
  });

  it('gives a free-mail user no company', () => {
    const run = whatIf([usage('ada@gmail.com', 2, QUALIFYING)]);
    expect([run.users[0]?.account, run.accounts]).toEqual([undefined, []]);
  });

  it('leaves out events after the as-of moment, and decays what stands at that moment', () => {
    const events = [usage('ada@acme.com', 2, QUALIFYING), usage('bob@acme.com', 20, QUALIFYING)];
    const early = whatIf(events, {}, at(16));
    expect({ later: early.later, users: early.users.map((user) => [user.key, user.score]) }).toEqual({
      later: 1,
      users: [['ada@acme.com', 32.5]],
    });
  });

  it('counts a redelivered event once and a bad one as rejected', () => {
    const event = usage('ada@acme.com', 2, QUALIFYING);
    const config = configWith();
    const lines = [
      event,
      event,
      { ...usage('bob@acme.com', 3, {}), properties: { email: 'bob@acme.com', logins_7d: -1 } },
      { type: 'track', event: 'Page Viewed', messageId: 'pv', timestamp: at(3), userId: 'u' },
    ].map((e, i) => ({ line: i + 1, bytes: 1, event: e }));
    expect(mapEvents([...lines, { line: 9, bytes: 1, error: 'line 9 is not valid JSON' }], config).counts).toEqual({
      read: 5,
      used: 1,
      duplicates: 1,
      ignored: 1,
      rejected: 2,
      rejectedByReason: { 'properties.logins_7d: must be >= 0': 1, 'not valid JSON': 1 },
    });
  });
});

describe('comparing two models', () => {
  it('lists the accounts newly qualified, no longer qualified and qualified earlier under the second', () => {
    const users = (domain: string, count: number, day: number, signals: Record<string, number>) =>
      Array.from({ length: count }, (_, index) => usage(`u${index}@${domain}`, day + index, signals));
    const events = [
      group(1, 'ws_fit', { name: 'Fit Co', website: 'fit.co', industry: 'SaaS' }),
      ...users('fit.co', 5, 2, LIGHT),
      group(1, 'ws_media', { name: 'Media Co', website: 'media.io', industry: 'Media' }),
      ...users('media.io', 3, 2, QUALIFYING).map((event) => ({ ...event, timestamp: at(2) })),
      group(1, 'ws_saas', { name: 'Saas Co', website: 'saas.io', industry: 'SaaS' }),
      ...users('saas.io', 2, 2, QUALIFYING).map((event) => ({ ...event, timestamp: at(2) })),
      usage('late@saas.io', 4, QUALIFYING),
    ];
    const a = whatIf(events);
    const b = whatIf(events, {
      accountModel: { topUsers: { weight: 30 }, fit: { industry: { weight: 20, values: ['saas'] } } },
    });
    const { accounts } = compareModels(a, b);
    expect({
      newly: accounts.newly.map((c) => [c.key, c.a, c.b]),
      noLonger: accounts.noLonger.map((c) => [c.key, c.a, c.b]),
      earlier: accounts.earlier.map((c) => [c.key, c.a, c.b]),
      later: accounts.later,
      counts: [accounts.qualifiedA, accounts.qualifiedB, accounts.unchanged],
    }).toEqual({
      newly: [['fit.co', undefined, at(6)]],
      noLonger: [['media.io', at(2), undefined]],
      earlier: [['saas.io', at(4), at(2)]],
      later: [],
      counts: [2, 2, 0],
    });
  });
});
