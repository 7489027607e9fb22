import { describe, expect, it } from 'vitest';
import { stableHash } from '../../../src/lib/stable-hash.js';
import { activationScore, chooseRep } from '../../../src/core/workflows/index.js';

const REPS = ['a@x.test', 'b@x.test', 'c@x.test'];

describe('rep assignment', () => {
  it('is a stable function of the account key', () => {
    expect(stableHash('acme.com')).toBe(stableHash('acme.com'));
    expect(chooseRep('acme.com', REPS)).toBe(chooseRep('ACME.com', REPS));
  });

  it('spreads accounts over every rep', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const rep = chooseRep(`company-${i}.com`, REPS)!;
      counts.set(rep, (counts.get(rep) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(REPS);
    for (const n of counts.values()) expect(n).toBeGreaterThan(60);
  });

  it('has no rep to choose when none are configured', () => {
    expect(chooseRep('acme.com', [])).toBeUndefined();
  });
});

describe('activation score', () => {
  const configured = new Set([
    'onboarding_completed',
    'first_integration',
    'data_imported',
    'team_invited',
    'feature_activated',
  ]);

  it('is the share of configured milestones completed, counting each once', () => {
    expect(activationScore(['first_integration', 'first_integration', 'data_imported'], configured)).toBe(0.4);
  });

  it('ignores milestones the configuration does not count', () => {
    expect(activationScore(['custom_thing'], configured)).toBe(0);
  });
});
