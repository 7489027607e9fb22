import type { Signals } from '../intents.js';
import type { AccountModel } from './account-model.js';
import { decayFactor, toEpochMs } from './decay.js';
import type { ScoringModel } from './model.js';
import { scoreSignals, type Score } from './score.js';
import { tierOf, type TierBand } from './tiers.js';

/**
 * A user's score at a moment: the latest report of their signals, scored by the model, times what the
 * report's age leaves of it (decay). A newer report replaces an older one whole — the signals are windows
 * (`logins_7d`) that each report restates — as the PQL workflow stores them.
 */

/** The scoring settings of the configuration (a PlgConfig has them all). */
export interface ScoringSettings {
  scoringModel: ScoringModel;
  pqlThreshold: number;
  decayHalfLifeDays: number | null;
  userTiers: readonly TierBand[];
  accountModel: AccountModel;
  accountThreshold: number;
  accountTiers: readonly TierBand[];
}

/** One report of a user's (or an account's) signals and when it happened. */
export interface SignalReport {
  /** ISO 8601 */
  at: string;
  signals: Signals;
}

export interface UserScore {
  /** The decayed score, rounded to one decimal: what the user counts for at `now`. */
  score: number;
  tier: string;
  /** The report scored as it was made (no decay): the PQL workflow's score, with its contributions. */
  fresh: Score;
  /** What is left of the report's weight at `now`, 0 to 1. */
  decay: number;
  reportedAt: string;
}

export function scoreUser(report: SignalReport, settings: ScoringSettings, now: string | number | Date): UserScore {
  const fresh = scoreSignals(report.signals, settings.scoringModel, settings.pqlThreshold);
  const decay = decayFactor(toEpochMs(report.at), toEpochMs(now), settings.decayHalfLifeDays);
  const score = roundScore(fresh.score * decay);
  return { score, tier: tierOf(score, settings.userTiers), fresh, decay, reportedAt: report.at };
}

/**
 * The report that stands: the latest; of two at the same moment, the higher-scoring, then the one whose
 * signals sort first — so the outcome never depends on the order reports arrive in.
 */
export function latestReport(reports: Iterable<SignalReport>, model: ScoringModel): SignalReport | undefined {
  let best: SignalReport | undefined;
  for (const report of reports) {
    if (best === undefined || compareReports(report, best, model) > 0) best = report;
  }
  return best;
}

function compareReports(a: SignalReport, b: SignalReport, model: ScoringModel): number {
  const byTime = toEpochMs(a.at) - toEpochMs(b.at);
  if (byTime !== 0) return byTime;
  const byScore = scoreSignals(a.signals, model).score - scoreSignals(b.signals, model).score;
  if (byScore !== 0) return byScore;
  const [textA, textB] = [canonical(a.signals), canonical(b.signals)];
  return textA < textB ? 1 : textA > textB ? -1 : 0;
}

function canonical(signals: Signals): string {
  return JSON.stringify(Object.entries(signals).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
}

/** Scores are shown and compared to one decimal, so that 59.96 is not "60" on screen yet unqualified. */
export function roundScore(score: number): number {
  return Math.round(score * 10) / 10;
}
