/**
 * What the connector stores of an account on its company record, as typed facts: the account score with its
 * tier, explanation and times, the fit attributes from group calls, and the group's own signals. Read from
 * the record Attio returns and compared with what a roll-up computes, so that only what differs is written.
 */
import type { AttioRecord } from '../attio/schemas.js';
import { readDate, readDomains, readNumber, readSelectTitles, readText, recordIdOf } from '../attio/values.js';
import type { Signals } from '../intents.js';
import { EMPLOYEE_RANGES, type CompanyFacts, type EmployeeRange, type SignalReport } from '../scoring/index.js';

/** The company attributes the account roll-up reads and writes (docs/scoring.md#in-the-crm). */
export const ACCOUNT_ATTRIBUTES = {
  score: 'account_score',
  tier: 'account_tier',
  explanation: 'account_explanation',
  scoredAt: 'account_scored_at',
  qualifiedAt: 'account_qualified_at',
  signals: 'account_signals',
  industry: 'account_industry',
  employeeRange: 'account_employee_range',
  country: 'account_country',
} as const;

/**
 * The least move of an account's score that is written, unless its tier or qualification changes too: decay
 * and each report move the score at nearly every event, and the people of one account report in different
 * batches, so a write for each move would cost more than the rest of the workflows together (BENCHMARKS.md).
 */
export const MIN_SCORE_MOVE = 10;

/** Written by the group and signup workflows; the roll-up reads them. */
const PLAN_ATTRIBUTE = 'plan_type';
const UPDATED_AT_ATTRIBUTE = 'account_updated_at';

export interface StoredAccount {
  companyId: string;
  name?: string;
  domain?: string;
  score?: number;
  tier?: string;
  explanation?: string;
  /** When the stored score was computed: the time of the event that changed it. */
  scoredAt?: string;
  /** The first moment the account qualified: the completion marker of the account's qualification. */
  qualifiedAt?: string;
  /** The group call's own signals, when one carried any. */
  report?: SignalReport;
  facts: CompanyFacts;
  /** When an event last changed the company's attributes; an older event only fills what is missing. */
  updatedAt?: string;
}

export function readStoredAccount(company: AttioRecord): StoredAccount {
  const a = ACCOUNT_ATTRIBUTES;
  const range = readSelectTitles(company, a.employeeRange)[0];
  const facts: CompanyFacts = {};
  const industry = readText(company, a.industry);
  const country = readText(company, a.country);
  const plan = readSelectTitles(company, PLAN_ATTRIBUTE)[0];
  if (range !== undefined && isEmployeeRange(range)) facts.employeeRange = range;
  if (industry !== undefined) facts.industry = industry;
  if (country !== undefined) facts.country = country;
  if (plan !== undefined) facts.plan = plan;
  const stored: StoredAccount = { companyId: recordIdOf(company), facts };
  const fill = <K extends keyof StoredAccount>(key: K, value: StoredAccount[K] | undefined) => {
    if (value !== undefined) stored[key] = value;
  };
  fill('name', readText(company, 'name'));
  fill('domain', readDomains(company)[0]);
  fill('score', readNumber(company, a.score));
  fill('tier', readSelectTitles(company, a.tier)[0]);
  fill('explanation', readText(company, a.explanation));
  fill('scoredAt', readDate(company, a.scoredAt));
  fill('qualifiedAt', readDate(company, a.qualifiedAt));
  fill('report', parseReport(readText(company, a.signals)));
  fill('updatedAt', readDate(company, UPDATED_AT_ATTRIBUTE));
  return stored;
}

function isEmployeeRange(value: string): value is EmployeeRange {
  return (EMPLOYEE_RANGES as readonly string[]).includes(value);
}

/** Signals as stored: JSON with the keys sorted, so the same signals are always the same text. */
export function signalsText(signals: Signals): string {
  return JSON.stringify(Object.fromEntries(Object.entries(signals).sort(([x], [y]) => (x < y ? -1 : 1))));
}

/** Signals stored by the connector, or undefined for anything else (a value a user typed into Attio). */
export function parseSignals(text: string | undefined): Signals | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
    const entries = Object.entries(parsed).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]),
    );
    return Object.fromEntries(entries);
  } catch {
    return undefined;
  }
}

/** The group's report as stored on the company: `{"at": ..., "signals": {...}}`. */
export function reportText(report: SignalReport): string {
  return JSON.stringify({ at: report.at, signals: JSON.parse(signalsText(report.signals)) as Signals });
}

function parseReport(text: string | undefined): SignalReport | undefined {
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as { at?: unknown; signals?: unknown };
    const signals = parseSignals(JSON.stringify(parsed.signals ?? null));
    if (typeof parsed.at !== 'string' || !Number.isFinite(Date.parse(parsed.at)) || signals === undefined)
      return undefined;
    return { at: parsed.at, signals };
  } catch {
    return undefined;
  }
}

/** What an account's company record should hold after a roll-up; each key is written only when it differs. */
export type AccountWrite = Partial<Omit<StoredAccount, 'companyId' | 'name' | 'domain'>>;

/**
 * The score's attribute values to write so the company holds `wanted`, given it holds `stored`: empty when
 * nothing worth a write changed. The facts and the group's signals are not among them: the group call writes
 * those with the company (./people.ts), and the roll-up only reads them.
 */
export function changedAccountValues(stored: StoredAccount, wanted: AccountWrite): Record<string, unknown[]> {
  const a = ACCOUNT_ATTRIBUTES;
  const out: Record<string, unknown[]> = {};
  const qualifying = wanted.qualifiedAt !== undefined && stored.qualifiedAt === undefined;
  const put = (slug: string, have: unknown, want: unknown) => {
    if (want !== undefined && have !== want) out[slug] = [want];
  };
  const moved =
    wanted.score !== undefined &&
    (stored.score === undefined || Math.abs(wanted.score - stored.score) >= MIN_SCORE_MOVE);
  put(a.tier, stored.tier, wanted.tier);
  if (moved || qualifying || out[a.tier] !== undefined) {
    put(a.score, stored.score, wanted.score);
    put(a.explanation, stored.explanation, wanted.explanation);
  }
  if (qualifying) out[a.qualifiedAt] = [wanted.qualifiedAt];
  // The time says when the values written were computed: it moves only with them.
  if (Object.keys(out).length > 0 && wanted.scoredAt !== undefined) out[a.scoredAt] = [wanted.scoredAt];
  return out;
}

/** What the company holds once `wanted` lands in full; a qualification, once set, stays. */
export function holding(stored: StoredAccount, wanted: AccountWrite): StoredAccount {
  const next: StoredAccount = { ...stored, facts: { ...stored.facts, ...wanted.facts } };
  for (const key of ['score', 'tier', 'explanation', 'scoredAt', 'report', 'updatedAt'] as const) {
    if (wanted[key] !== undefined) Object.assign(next, { [key]: wanted[key] });
  }
  next.qualifiedAt ??= wanted.qualifiedAt;
  if (next.qualifiedAt === undefined) delete next.qualifiedAt;
  return next;
}

/** What the company holds once a write of `written` (attribute values, from changedAccountValues) lands. */
export function holdingAfterWrite(
  stored: StoredAccount,
  wanted: AccountWrite,
  written: Record<string, unknown[]>,
): StoredAccount {
  const a = ACCOUNT_ATTRIBUTES;
  const slugOf = {
    score: a.score,
    tier: a.tier,
    explanation: a.explanation,
    scoredAt: a.scoredAt,
    qualifiedAt: a.qualifiedAt,
  } as const;
  const took: AccountWrite = {};
  for (const key of Object.keys(slugOf) as Array<keyof typeof slugOf>)
    if (written[slugOf[key]] !== undefined) Object.assign(took, { [key]: wanted[key] });
  return holding(stored, took);
}
