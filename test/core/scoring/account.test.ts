import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseConfig, type PlgConfigInput } from '../../../src/core/config/index.js';
import {
  DAY_MS,
  DEFAULT_SCORING_MODEL,
  latestReport,
  scoreAccount,
  scoreUser,
  type AccountActivity,
  type AccountMember,
  type SignalReport,
} from '../../../src/core/scoring/index.js';

const NOW = '2024-11-30T00:00:00.000Z';
const daysBefore = (days: number): string => new Date(Date.parse(NOW) - days * DAY_MS).toISOString();
const settingsWith = (overrides: Omit<PlgConfigInput, 'apiKey'> = {}) => parseConfig({ apiKey: 'k', ...overrides }, {});
const defaults = settingsWith();

describe('scoreUser', () => {
  it('scores a fresh report as the PQL workflow does, and decays it by its age', () => {
    const report = {
      at: daysBefore(14),
      signals: { integrations_connected: 1, team_invites: 2, records_imported: 100 },
    };
    const atReport = scoreUser(report, defaults, report.at);
    const later = scoreUser(report, defaults, NOW);
    expect([atReport.score, atReport.tier, atReport.fresh.qualified]).toEqual([65, 'hot', true]);
    expect([later.score, later.tier, later.decay, later.fresh.score]).toEqual([32.5, 'warm', 0.5, 65]);
  });

  it('does not decay without a half-life', () => {
    const report = { at: daysBefore(300), signals: { integrations_connected: 1 } };
    expect(scoreUser(report, settingsWith({ decayHalfLifeDays: null }), NOW).score).toBe(25);
  });

  it('uses the configured user tiers', () => {
    const tiers = settingsWith({
      userTiers: [
        { name: 'A', min: 20 },
        { name: 'B', min: 0 },
      ],
    });
    expect(scoreUser({ at: NOW, signals: { integrations_connected: 1 } }, tiers, NOW).tier).toBe('A');
  });
});

describe('scoreAccount', () => {
  const ada: AccountMember = {
    user: 'ada@acme.com',
    name: 'Ada',
    report: { at: NOW, signals: { integrations_connected: 1, team_invites: 2, records_imported: 100 } },
    lastActiveAt: NOW,
  };
  const bob: AccountMember = {
    user: 'bob@acme.com',
    report: { at: daysBefore(14), signals: { logins_7d: 5, features_activated: 3 } },
    lastActiveAt: daysBefore(14),
  };
  const cy: AccountMember = { user: 'cy@acme.com', lastActiveAt: daysBefore(20) };

  it('rolls up the top users, the active seats and the breadth of signals, each explained', () => {
    const result = scoreAccount({ facts: {}, members: [cy, bob, ada] }, defaults, NOW);
    expect(result).toMatchObject({
      score: 49.4,
      tier: 'warm',
      qualified: false,
      topUsers: {
        weight: 50,
        points: 18.125,
        users: [
          {
            user: 'ada@acme.com',
            name: 'Ada',
            score: 65,
            rankWeight: 50,
            points: 16.25,
            signals: ['Team invites', 'Integration connected', 'Records imported'],
          },
          {
            user: 'bob@acme.com',
            score: 12.5,
            rankWeight: 30,
            points: 1.875,
            signals: ['Logins (7d)', 'Features activated'],
          },
        ],
      },
      activeSeats: { weight: 20, points: 8, active: 2, seats: 3, activeWithinDays: 14 },
      featureBreadth: { weight: 30, points: 23.25, share: 0.775 },
      fit: { points: 0, factors: [] },
    });
    expect(result.featureBreadth.signals.map((signal) => [signal.key, signal.credit, signal.metBy])).toEqual([
      ['logins_7d', 0.5, 'bob@acme.com'],
      ['features_activated', 0.5, 'bob@acme.com'],
      ['team_invites', 1, 'ada@acme.com'],
      ['integrations_connected', 1, 'ada@acme.com'],
      ['records_imported', 1, 'ada@acme.com'],
      ['active_days_14d', 0, undefined],
    ]);
    expect(result.explanation).toBe(
      'Top users +18.1 (Ada 65 ×50%, bob@acme.com 12.5 ×30%), active seats 2/3 in 14d +8, ' +
        'feature breadth 78% +23.3 (missing Active days (14d)) — score 49.4/100',
    );
  });

  it('adds fit points for allowed company attributes and names the factors', () => {
    const settings = settingsWith({
      accountModel: {
        featureBreadth: { weight: 15 },
        fit: { industry: { weight: 10, values: ['SaaS'] }, employeeRange: { weight: 5, values: ['51-250'] } },
      },
    });
    const result = scoreAccount({ facts: { industry: 'SaaS', plan: 'pro' }, members: [ada] }, settings, NOW);
    expect(result.fit.points).toBe(10);
    expect(result.explanation).toContain('fit +10 (Employees not reported +0, Industry SaaS +10)');
  });

  it('counts account-level signals from group traits toward feature breadth', () => {
    const account: AccountActivity = {
      facts: {},
      accountReport: { at: NOW, signals: { active_days_14d: 9 } },
      members: [ada],
    };
    const coverage = scoreAccount(account, defaults, NOW).featureBreadth.signals.find(
      (signal) => signal.key === 'active_days_14d',
    );
    expect(coverage).toEqual({ key: 'active_days_14d', label: 'Active days (14d)', credit: 1, metBy: 'account' });
  });

  it('qualifies a team of eight lightly active colleagues, where a lone champion does not', () => {
    const light = [
      'logins_7d',
      'features_activated',
      'team_invites',
      'integrations_connected',
      'records_imported',
      'active_days_14d',
      'logins_7d',
      'team_invites',
    ];
    const thresholds = Object.fromEntries(
      DEFAULT_SCORING_MODEL.signals.map((signal) => [signal.key, signal.threshold]),
    );
    const team = light.map(
      (key, index): AccountMember => ({
        user: `user${index}@team.io`,
        report: { at: daysBefore(2), signals: { [key]: thresholds[key]!, logins_7d: 5 } },
        lastActiveAt: daysBefore(1),
      }),
    );
    const champion: AccountMember = {
      user: 'champ@solo.io',
      report: { at: daysBefore(1), signals: { ...thresholds } },
      lastActiveAt: daysBefore(1),
    };
    const teamScore = scoreAccount({ facts: {}, members: team }, defaults, NOW);
    const soloScore = scoreAccount({ facts: {}, members: [champion] }, defaults, NOW);
    expect({ team: [teamScore.qualified, teamScore.tier], solo: [soloScore.qualified, soloScore.tier] }).toEqual({
      team: [true, 'hot'],
      solo: [false, 'warm'],
    });
  });

  it('lets a champion who went quiet months ago fade', () => {
    const quiet: AccountMember = {
      user: 'quiet@acme.com',
      report: { at: daysBefore(90), signals: { integrations_connected: 1, team_invites: 2, records_imported: 100 } },
      lastActiveAt: daysBefore(90),
    };
    const withDecay = scoreAccount({ facts: {}, members: [quiet] }, defaults, NOW);
    const withoutDecay = scoreAccount({ facts: {}, members: [quiet] }, settingsWith({ decayHalfLifeDays: null }), NOW);
    expect(withDecay.topUsers.users[0]?.score).toBe(0.8);
    expect(withoutDecay.topUsers.users[0]?.score).toBe(65);
    expect(withDecay.score).toBeLessThan(withoutDecay.score / 10);
  });

  it('scores an account with no users as 0 plus its fit', () => {
    const settings = settingsWith({
      accountModel: { featureBreadth: { weight: 20 }, fit: { plan: { weight: 10, values: ['pro'] } } },
    });
    expect(scoreAccount({ facts: { plan: 'Pro' }, members: [] }, settings, NOW)).toMatchObject({
      score: 10,
      tier: 'cold',
      qualified: false,
    });
  });
});

describe('account scoring laws (properties)', () => {
  const keys = DEFAULT_SCORING_MODEL.signals.map((signal) => signal.key);
  const signalsArb = fc.dictionary(fc.constantFrom(...keys), fc.integer({ min: 0, max: 200 }));
  const reportArb = fc.record({ at: fc.integer({ min: 0, max: 60 }).map(daysBefore), signals: signalsArb });
  const memberArb = (user: string): fc.Arbitrary<AccountMember> =>
    fc
      .record({
        report: fc.option(reportArb, { nil: undefined }),
        lastActive: fc.option(fc.integer({ min: 0, max: 40 }), { nil: undefined }),
      })
      .map(({ report, lastActive }) => ({
        user,
        ...(report === undefined ? {} : { report }),
        ...(lastActive === undefined ? {} : { lastActiveAt: daysBefore(lastActive) }),
      }));
  const accountArb: fc.Arbitrary<AccountActivity> = fc
    .uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { minLength: 0, maxLength: 8 })
    .chain((users) => fc.tuple(...users.map((user) => memberArb(`${user}@acme.com`))))
    .chain((members) =>
      fc
        .record({
          facts: fc.record(
            { industry: fc.constantFrom('SaaS', 'Media'), plan: fc.constantFrom('pro', 'free') },
            { requiredKeys: [] },
          ),
          accountReport: fc.option(reportArb, { nil: undefined }),
        })
        .map(({ facts, accountReport }) => ({
          facts,
          members,
          ...(accountReport === undefined ? {} : { accountReport }),
        })),
    );
  const settingsArb = fc.constantFrom(
    defaults,
    settingsWith({ decayHalfLifeDays: null }),
    settingsWith({
      decayHalfLifeDays: 3,
      accountModel: {
        topUsers: { weight: 30, rankWeights: [10, 20, 70] },
        activeSeats: { weight: 20, minSeats: 1 },
        featureBreadth: { weight: 30 },
        fit: { industry: { weight: 15, values: ['saas'] }, plan: { weight: 5, values: ['pro'] } },
      },
    }),
  );

  it('never lowers an account’s score when one of its users’ signals grows', () => {
    fc.assert(
      fc.property(
        accountArb,
        settingsArb,
        fc.nat(),
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 500 }),
        (account, settings, pick, key, increase) => {
          const withReports = account.members.filter((member) => member.report !== undefined);
          fc.pre(withReports.length > 0);
          const target = withReports[pick % withReports.length]!;
          const grown = account.members.map((member) =>
            member === target && member.report
              ? {
                  ...member,
                  report: {
                    ...member.report,
                    signals: { ...member.report.signals, [key]: (member.report.signals[key] ?? 0) + increase },
                  },
                }
              : member,
          );
          expect(scoreAccount({ ...account, members: grown }, settings, NOW).score).toBeGreaterThanOrEqual(
            scoreAccount(account, settings, NOW).score,
          );
        },
      ),
    );
  });

  it('never lowers an account’s score when its own group signals grow', () => {
    fc.assert(
      fc.property(
        accountArb,
        settingsArb,
        reportArb,
        fc.constantFrom(...keys),
        fc.integer({ min: 1, max: 500 }),
        (account, settings, fallback, key, increase) => {
          const report = account.accountReport ?? fallback;
          const grown = {
            ...account,
            accountReport: { ...report, signals: { ...report.signals, [key]: (report.signals[key] ?? 0) + increase } },
          };
          expect(scoreAccount(grown, settings, NOW).score).toBeGreaterThanOrEqual(
            scoreAccount({ ...account, accountReport: report }, settings, NOW).score,
          );
        },
      ),
    );
  });

  it('gives the same result whatever the order of the account’s users', () => {
    fc.assert(
      fc.property(
        accountArb.chain((account) =>
          fc.tuple(
            fc.constant(account),
            fc.shuffledSubarray([...account.members], { minLength: account.members.length }),
          ),
        ),
        settingsArb,
        ([account, shuffled], settings) => {
          expect(scoreAccount({ ...account, members: shuffled }, settings, NOW)).toEqual(
            scoreAccount(account, settings, NOW),
          );
        },
      ),
    );
  });

  it('keeps every account score within 0..100', () => {
    fc.assert(
      fc.property(accountArb, settingsArb, (account, settings) => {
        const { score } = scoreAccount(account, settings, NOW);
        return score >= 0 && score <= 100;
      }),
    );
  });

  it('picks the same standing report whatever order the reports arrive in', () => {
    const reports = fc.array(fc.record({ at: fc.integer({ min: 0, max: 5 }).map(daysBefore), signals: signalsArb }), {
      minLength: 1,
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        reports.chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length }))),
        ([inOrder, shuffled]: [SignalReport[], SignalReport[]]) => {
          expect(latestReport(shuffled, DEFAULT_SCORING_MODEL)).toEqual(latestReport(inOrder, DEFAULT_SCORING_MODEL));
        },
      ),
    );
  });

  it('halves a user’s score at the half-life', () => {
    fc.assert(
      fc.property(signalsArb, fc.integer({ min: 1, max: 60 }), (signals, halfLife) => {
        const settings = settingsWith({ decayHalfLifeDays: halfLife });
        const report = { at: daysBefore(halfLife), signals };
        expect(scoreUser(report, settings, NOW).score).toBe(scoreUser(report, settings, report.at).score / 2);
      }),
    );
  });
});
