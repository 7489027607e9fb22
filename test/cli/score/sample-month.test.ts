/**
 * The what-if run on the sample month (examples/plg-events.jsonl), checked against what the generator
 * knows of its cast: who crosses the PQL threshold and when, and which company each user belongs to.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareModels, type ModelComparison } from '../../../src/cli/score/compare.js';
import { readEventFile } from '../../../src/cli/score/events.js';
import {
  latestEventMs,
  loadScoringModel,
  mapForModel,
  scoreModel,
  type ScoredModel,
} from '../../../src/cli/score/run.js';
import { createCast, type Cast } from '../../../src/sample/cast.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/plg-events.jsonl', import.meta.url));
const SECOND_MODEL = fileURLToPath(new URL('../../../examples/account-model.json', import.meta.url));
const START = Date.parse('2024-11-01T00:00:00.000Z');

let cast: Cast;
let a: ScoredModel;
let b: ScoredModel;
let comparison: ModelComparison;

beforeAll(async () => {
  // The sample's defaults (src/sample/generate.ts): seed 42, 60 companies, 30 days from 1 November 2024.
  cast = createCast({
    seed: 42,
    companies: 60,
    usersPerCompany: 4.85,
    personalEmailRate: 0.08,
    window: { startMs: START, endMs: START + 30 * 86_400_000 },
  });
  const lines = await readEventFile(SAMPLE);
  const [modelA, modelB] = [
    await loadScoringModel(undefined, '--config'),
    await loadScoringModel(SECOND_MODEL, '--compare'),
  ];
  const [mappedA, mappedB] = [mapForModel(lines, modelA), mapForModel(lines, modelB)];
  const asOf = latestEventMs(mappedA, mappedB) ?? START;
  a = scoreModel(modelA, mappedA, asOf);
  b = scoreModel(modelB, mappedB, asOf);
  comparison = compareModels(a.whatIf, b.whatIf);
});

describe('score on the sample month with the default model', () => {
  it('qualifies exactly the users the generator made qualify, at their qualifying summary', () => {
    // Two of the cast share an address (guido@acmedata.com): one person to the CRM, qualified by the first.
    const expected = new Map<string, number>();
    for (const user of cast.users) {
      if (user.qualifyingSummary === undefined) continue;
      const at = user.summaryAts[user.qualifyingSummary] ?? Number.NaN;
      expected.set(user.email, Math.min(at, expected.get(user.email) ?? Infinity));
    }
    const found = new Map(
      a.whatIf.users.flatMap((user) =>
        user.qualification ? [[user.key, Date.parse(user.qualification.at)] as const] : [],
      ),
    );
    expect([...found.keys()].sort()).toEqual([...expected.keys()].sort());
    // The generator's moments carry fractions of a millisecond; the events' timestamps round them.
    expect([...found].filter(([email, at]) => Math.abs(at - (expected.get(email) ?? 0)) > 1)).toEqual([]);
    expect(found.size).toBe(88);
  });

  it('puts every company user in their company and no free-mail user in any', () => {
    const companyOf = new Map(cast.users.map((user) => [user.email, user.company?.domain]));
    const placed = a.whatIf.users.map((user) => [user.key, user.account]);
    expect(placed).toEqual(a.whatIf.users.map((user) => [user.key, companyOf.get(user.key)]));
    expect(a.whatIf.accounts.map((account) => account.key).sort()).toEqual(
      cast.companies.map((company) => company.domain).sort(),
    );
  });

  it('opens an account’s deal when its first user qualifies (today’s rule), whatever the account score says', () => {
    const withQualifier = new Set(
      cast.users
        .filter((user) => user.qualifyingSummary !== undefined && user.company)
        .map((user) => user.company?.domain),
    );
    expect(
      a.whatIf.accounts
        .filter((account) => account.dealAt !== undefined)
        .map((account) => account.key)
        .sort(),
    ).toEqual([...withQualifier].sort());
    expect(a.whatIf.accounts.every((account) => account.dealAt === account.firstUserQualifiedAt)).toBe(true);
  });

  it('qualifies accounts by their roll-up, each explained by its top users and signals', () => {
    const qualified = a.whatIf.accounts.filter((account) => account.qualification !== undefined);
    expect(qualified.length).toBeGreaterThan(5);
    for (const account of qualified) {
      expect(account.qualification?.score).toBeGreaterThanOrEqual(60);
      expect(account.qualification?.explanation).toMatch(
        /^Top users \+[\d.]+ \(.+\), active seats \d+\/\d+ in 14d \+[\d.]+, feature breadth \d+% \+[\d.]+.* — score [\d.]+\/100$/,
      );
    }
  });
});

describe('score --compare examples/account-model.json on the sample month', () => {
  it('opens deals on account qualification under B, and counts each change once', () => {
    expect(
      b.whatIf.accounts
        .filter((account) => account.dealAt !== undefined)
        .map((account) => [account.key, account.dealAt]),
    ).toEqual(
      b.whatIf.accounts
        .filter((account) => account.qualification !== undefined)
        .map((account) => [account.key, account.qualification?.at]),
    );
    for (const c of [comparison.users, comparison.accounts, comparison.deals]) {
      expect(c.newly.length + c.unchanged + c.earlier.length + c.later.length).toBe(c.qualifiedB);
      expect(c.noLonger.length + c.unchanged + c.earlier.length + c.later.length).toBe(c.qualifiedA);
    }
  });

  it('changes accounts only, never a user’s qualification (the user model is the same)', () => {
    expect([
      comparison.users.newly,
      comparison.users.noLonger,
      comparison.users.earlier,
      comparison.users.later,
    ]).toEqual([[], [], [], []]);
    expect(
      comparison.accounts.newly.length +
        comparison.accounts.noLonger.length +
        comparison.accounts.earlier.length +
        comparison.accounts.later.length,
    ).toBeGreaterThan(0);
  });

  it('earns fit points for the industries and plans B names, and none under A', () => {
    const fitPoints = (model: ScoredModel) => model.whatIf.accounts.map((account) => account.current.fit.points);
    expect(fitPoints(a).every((points) => points === 0)).toBe(true);
    const industryOf = new Map(cast.companies.map((company) => [company.domain, company.industry]));
    for (const account of b.whatIf.accounts) {
      const industry = account.current.fit.factors.find((factor) => factor.factor === 'industry');
      expect([industry?.value, industry?.met]).toEqual([
        industryOf.get(account.key),
        ['SaaS', 'Fintech'].includes(industryOf.get(account.key) ?? ''),
      ]);
    }
  });
});
