import { describe, expect, it } from 'vitest';
import {
  changedAccountValues,
  holdingAfterWrite,
  parseSignals,
  signalsText,
  type StoredAccount,
} from '../../../src/core/workflows/account-facts.js';

const stored: StoredAccount = {
  companyId: 'c1',
  score: 52.3,
  tier: 'warm',
  explanation: 'old',
  scoredAt: '2024-11-10T10:00:00.000Z',
  facts: { industry: 'SaaS' },
  updatedAt: '2024-11-01T00:00:00.000Z',
};

describe('what a roll-up writes on the company', () => {
  it('nothing when score, tier and facts are what the company holds', () => {
    expect(
      changedAccountValues(stored, {
        score: 52.3,
        tier: 'warm',
        explanation: 'old',
        scoredAt: '2024-11-11T10:00:00.000Z',
        facts: { industry: 'SaaS' },
        updatedAt: '2024-11-11T10:00:00.000Z',
      }),
    ).toEqual({});
  });

  it('a move under ten points in the same tier is not written; ten points, a tier or a qualification is, with its time', () => {
    const at = '2024-11-11T10:00:00.000Z';
    expect(changedAccountValues(stored, { score: 42.4, tier: 'warm', explanation: 'new', scoredAt: at })).toEqual({});
    expect(changedAccountValues(stored, { score: 42.3, tier: 'warm', explanation: 'new', scoredAt: at })).toEqual({
      account_score: [42.3],
      account_explanation: ['new'],
      account_scored_at: [at],
    });
    expect(changedAccountValues({ ...stored, score: 59.6 }, { score: 60.1, tier: 'hot', scoredAt: at })).toEqual({
      account_score: [60.1],
      account_tier: ['hot'],
      account_scored_at: [at],
    });
    expect(
      changedAccountValues({ ...stored, score: 59.9, tier: 'hot' }, { score: 60, tier: 'hot', qualifiedAt: at }),
    ).toEqual({ account_score: [60], account_qualified_at: [at] });
    // The first qualification is kept: a later one never moves it.
    expect(changedAccountValues({ ...stored, qualifiedAt: '2024-11-02T00:00:00.000Z' }, { qualifiedAt: at })).toEqual(
      {},
    );
  });

  it('an account falls back to the lowest tier like any other change', () => {
    const at = '2024-11-11T10:00:00.000Z';
    expect(changedAccountValues(stored, { score: 25, tier: 'cold', scoredAt: at })).toMatchObject({
      account_score: [25],
      account_tier: ['cold'],
    });
  });

  it('facts and group signals are not the roll-up’s to write: the group call writes them with the company', () => {
    const at = '2024-11-12T10:00:00.000Z';
    expect(
      changedAccountValues(stored, {
        facts: { industry: 'SaaS', employeeRange: '51-250' },
        report: { at, signals: { team_invites: 3, logins_7d: 9 } },
        updatedAt: at,
      }),
    ).toEqual({});
  });

  it('what the company holds after a write: only what the write carried', () => {
    const at = '2024-11-12T10:00:00.000Z';
    const wanted = { score: 44, tier: 'warm', explanation: 'new', scoredAt: at };
    const after = holdingAfterWrite(stored, wanted, changedAccountValues(stored, wanted));
    expect(after).toMatchObject({ score: 52.3, explanation: 'old', scoredAt: stored.scoredAt });
    const moved = { score: 70, tier: 'hot', explanation: 'new', scoredAt: at, qualifiedAt: at };
    expect(holdingAfterWrite(stored, moved, changedAccountValues(stored, moved))).toMatchObject(moved);
  });

  it('signals are stored as canonical JSON and read back; anything else stored there is ignored', () => {
    const text = signalsText({ team_invites: 3, logins_7d: 9 });
    expect(text).toBe('{"logins_7d":9,"team_invites":3}');
    expect(parseSignals(text)).toEqual({ logins_7d: 9, team_invites: 3 });
    expect(parseSignals('typed by a rep')).toBeUndefined();
    expect(parseSignals('[1,2]')).toBeUndefined();
    expect(parseSignals('{"logins_7d":"many","team_invites":2}')).toEqual({ team_invites: 2 });
  });
});
