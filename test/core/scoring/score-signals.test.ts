import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL, scoreSignals, type ScoringModel } from '../../../src/core/scoring/index.js';

const allMet = {
  logins_7d: 5,
  features_activated: 3,
  team_invites: 2,
  integrations_connected: 1,
  records_imported: 100,
  active_days_14d: 7,
};

describe('scoreSignals with the default model (docs/configuration.md#scoring-model)', () => {
  it('scores every signal met exactly at its threshold as 100, hot and qualified', () => {
    const result = scoreSignals(allMet);
    expect({ score: result.score, tier: result.tier, qualified: result.qualified }).toEqual({
      score: 100,
      tier: 'hot',
      qualified: true,
    });
  });

  it('qualifies integration + team invites + records imported at 65', () => {
    const result = scoreSignals({ integrations_connected: 2, team_invites: 4, records_imported: 500, logins_7d: 1 });
    expect({ score: result.score, tier: result.tier, qualified: result.qualified }).toEqual({
      score: 65,
      tier: 'hot',
      qualified: true,
    });
  });

  it('explains every signal in model order, with the score', () => {
    const result = scoreSignals({ integrations_connected: 1, team_invites: 3, logins_7d: 2 });
    expect(result).toEqual({
      score: 45,
      tier: 'warm',
      qualified: false,
      contributions: [
        { key: 'logins_7d', label: 'Logins (7d)', value: 2, threshold: 5, weight: 10, met: false },
        {
          key: 'features_activated',
          label: 'Features activated',
          value: undefined,
          threshold: 3,
          weight: 15,
          met: false,
        },
        { key: 'team_invites', label: 'Team invites', value: 3, threshold: 2, weight: 20, met: true },
        {
          key: 'integrations_connected',
          label: 'Integration connected',
          value: 1,
          threshold: 1,
          weight: 25,
          met: true,
        },
        {
          key: 'records_imported',
          label: 'Records imported',
          value: undefined,
          threshold: 100,
          weight: 20,
          met: false,
        },
        { key: 'active_days_14d', label: 'Active days (14d)', value: undefined, threshold: 7, weight: 10, met: false },
      ],
      explanation:
        'Logins (7d) 2<5 +0, Features activated not reported (needs >=3) +0, Team invites 3>=2 +20, ' +
        'Integration connected 1>=1 +25, Records imported not reported (needs >=100) +0, ' +
        'Active days (14d) not reported (needs >=7) +0 — score 45/100',
    });
  });

  const tiers: Array<{ signals: Record<string, number>; score: number; tier: string }> = [
    { signals: {}, score: 0, tier: 'cold' },
    { signals: { integrations_connected: 1 }, score: 25, tier: 'cold' },
    { signals: { team_invites: 2, active_days_14d: 7 }, score: 30, tier: 'warm' },
    { signals: { integrations_connected: 1, team_invites: 2, logins_7d: 5 }, score: 55, tier: 'warm' },
    { signals: { integrations_connected: 1, team_invites: 2, features_activated: 3 }, score: 60, tier: 'hot' },
  ];
  for (const { signals, score, tier } of tiers) {
    it(`puts a score of ${score} in the ${tier} tier`, () => {
      const result = scoreSignals(signals);
      expect({ score: result.score, tier: result.tier }).toEqual({ score, tier });
    });
  }

  it('counts a value just below its threshold as not met', () => {
    expect(scoreSignals({ records_imported: 99.5, logins_7d: 4 }).score).toBe(0);
  });

  it('qualifies against the configured threshold, not the tier bound', () => {
    const signals = { integrations_connected: 1, team_invites: 2 };
    expect({
      at45: scoreSignals(signals, DEFAULT_SCORING_MODEL, 45).qualified,
      at60: scoreSignals(signals).qualified,
    }).toEqual({
      at45: true,
      at60: false,
    });
  });

  it('scores with a custom model', () => {
    const model: ScoringModel = {
      signals: [
        { key: 'seats', label: 'Seats', weight: 70, threshold: 0 },
        { key: 'api_calls', label: 'API calls', weight: 30, threshold: 1000 },
      ],
    };
    expect(scoreSignals({ seats: 0 }, model).explanation).toBe(
      'Seats 0>=0 +70, API calls not reported (needs >=1000) +0 — score 70/100',
    );
  });
});

describe('scoreSignals properties', () => {
  const keys = DEFAULT_SCORING_MODEL.signals.map((signal) => signal.key);
  const signalValue = fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true }));
  const signalsArb = fc.dictionary(fc.constantFrom(...keys), signalValue);

  it('always scores within 0..100', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const { score } = scoreSignals(signals);
        return score >= 0 && score <= 100;
      }),
    );
  });

  it('never lowers the score when any signal grows', () => {
    fc.assert(
      fc.property(
        signalsArb,
        fc.constantFrom(...keys),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (signals, key, increase) => {
          const grown = { ...signals, [key]: (signals[key] ?? 0) + increase };
          return scoreSignals(grown).score >= scoreSignals(signals).score;
        },
      ),
    );
  });

  it('explains a score whose +contributions sum to it, and whose contributions agree', () => {
    fc.assert(
      fc.property(signalsArb, (signals) => {
        const result = scoreSignals(signals);
        const fromExplanation = [...result.explanation.matchAll(/ \+(\d+)(?:,| —)/g)].reduce(
          (sum, m) => sum + Number(m[1]),
          0,
        );
        const fromContributions = result.contributions.reduce((sum, c) => sum + (c.met ? c.weight : 0), 0);
        expect({
          fromExplanation,
          fromContributions,
          trailer: result.explanation.endsWith(`score ${result.score}/100`),
        }).toEqual({
          fromExplanation: result.score,
          fromContributions: result.score,
          trailer: true,
        });
      }),
    );
  });
});
