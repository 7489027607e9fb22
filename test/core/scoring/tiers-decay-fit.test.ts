import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DEFAULT_TIER_BANDS,
  EMPLOYEE_RANGES,
  decayFactor,
  employeeRangeOf,
  scoreFit,
  tierFor,
  tierOf,
  type FitModel,
} from '../../../src/core/scoring/index.js';

describe('tiers', () => {
  const bands = [
    { name: 'cold', min: 0 },
    { name: 'on fire', min: 85 },
    { name: 'warm', min: 40 },
  ];

  it.each([
    [0, 'cold'],
    [39.9, 'cold'],
    [40, 'warm'],
    [84.9, 'warm'],
    [85, 'on fire'],
    [100, 'on fire'],
  ])('puts %s in the band that starts at or below it, whatever the bands’ order: %s', (score, tier) => {
    expect(tierOf(score, bands)).toBe(tier);
  });

  it('keeps today’s bands by default: cold < 30 <= warm < 60 <= hot', () => {
    expect([0, 29, 30, 59, 60, 100].map((score) => tierOf(score))).toEqual([
      'cold',
      'cold',
      'warm',
      'warm',
      'hot',
      'hot',
    ]);
    expect([0, 29, 30, 59, 60, 100].map(tierFor)).toEqual(['cold', 'cold', 'warm', 'warm', 'hot', 'hot']);
    expect(DEFAULT_TIER_BANDS.map((band) => band.name)).toEqual(['hot', 'warm', 'cold']);
  });
});

describe('decay', () => {
  const start = Date.parse('2024-11-01T00:00:00Z');

  it('leaves a fresh report whole and halves it at the half-life', () => {
    expect([0, 14, 28, 42].map((days) => decayFactor(start, start + days * DAY_MS, 14))).toEqual([1, 0.5, 0.25, 0.125]);
  });

  it('never decays without a half-life (null), however old the report', () => {
    expect(decayFactor(start, start + 400 * DAY_MS, null)).toBe(1);
  });

  it('counts a report dated after `now` as fresh', () => {
    expect(decayFactor(start + DAY_MS, start, 7)).toBe(1);
  });

  it('halves at every half-life, for any half-life and age (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 365, noNaN: true }),
        fc.double({ min: 0, max: 1000, noNaN: true }),
        (halfLife, ageDays) => {
          const now = start + ageDays * DAY_MS;
          const later = now + halfLife * DAY_MS;
          expect(decayFactor(start, later, halfLife)).toBeCloseTo(decayFactor(start, now, halfLife) / 2, 9);
        },
      ),
    );
  });

  it('never grows as a report ages (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 365, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (halfLife, a, b) => {
          const [younger, older] = a <= b ? [a, b] : [b, a];
          return (
            decayFactor(start, start + older * DAY_MS, halfLife) <=
            decayFactor(start, start + younger * DAY_MS, halfLife)
          );
        },
      ),
    );
  });
});

describe('fit', () => {
  it.each([
    [0, '1-10'],
    [10, '1-10'],
    [11, '11-50'],
    [250, '51-250'],
    [251, '251-1K'],
    [999, '251-1K'],
    [1000, '1K-5K'],
    [99_999, '50K-100K'],
    [2_000_000, '100K+'],
  ])('puts a head count of %s in Attio’s %s band', (count, band) => {
    expect(employeeRangeOf(count)).toBe(band);
  });

  it('starts each band at its floor, in ascending order', () => {
    expect([1, 11, 51, 251, 1000, 5000, 10_000, 50_000, 100_000].map(employeeRangeOf)).toEqual([...EMPLOYEE_RANGES]);
  });

  const model: FitModel = {
    employeeRange: { weight: 10, values: ['11-50', '51-250'] },
    industry: { weight: 8, values: ['SaaS', 'Fintech'] },
    country: { weight: 0, values: [] },
    plan: { weight: 4, values: ['pro'] },
  };

  it('earns each factor’s weight for an allowed value, compared case-insensitively, and names a missing one', () => {
    expect(scoreFit({ employeeRange: '51-250', industry: ' saas ', plan: 'starter' }, model)).toEqual({
      points: 18,
      factors: [
        { factor: 'employeeRange', label: 'Employees', value: '51-250', weight: 10, met: true, points: 10 },
        { factor: 'industry', label: 'Industry', value: ' saas ', weight: 8, met: true, points: 8 },
        { factor: 'plan', label: 'Plan', value: 'starter', weight: 4, met: false, points: 0 },
      ],
    });
    expect(scoreFit({}, model).factors.map((factor) => [factor.factor, factor.value, factor.points])).toEqual([
      ['employeeRange', undefined, 0],
      ['industry', undefined, 0],
      ['plan', undefined, 0],
    ]);
  });

  it('has no factors, and adds nothing, without a fit model', () => {
    expect(scoreFit({ industry: 'SaaS' }, {})).toEqual({ points: 0, factors: [] });
  });
});
