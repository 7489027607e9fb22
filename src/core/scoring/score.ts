import type { Signals } from '../intents.js';
import { DEFAULT_PQL_THRESHOLD, DEFAULT_SCORING_MODEL, type ScoringModel } from './model.js';
import { DEFAULT_TIER_BANDS, tierOf, type TierBand } from './tiers.js';

/** The default tiers' names; a configuration may name its own (`userTiers`, `accountTiers`). */
export type Tier = 'cold' | 'warm' | 'hot';

export interface SignalContribution {
  key: string;
  label: string;
  /** The reported value, or undefined when the event did not carry this signal. */
  value: number | undefined;
  threshold: number;
  weight: number;
  met: boolean;
}

export interface Score {
  score: number;
  /** The band of `tiers` the score falls in (cold / warm / hot by default). */
  tier: string;
  qualified: boolean;
  /** One entry per model signal, in model order. */
  contributions: SignalContribution[];
  /** e.g. `Logins (7d) 2<5 +0, Integration connected 1>=1 +25 — score 25/100` */
  explanation: string;
}

/**
 * Scores usage signals against the model: the sum of the weights of the signals at or above their
 * threshold. A signal that was not reported counts as not met. The same function scores a person (identify
 * traits, `Usage Summary`) and an account (group traits); only the record the result is written to differs.
 */
export function scoreSignals(
  signals: Signals,
  model: ScoringModel = DEFAULT_SCORING_MODEL,
  pqlThreshold: number = DEFAULT_PQL_THRESHOLD,
  tiers: readonly TierBand[] = DEFAULT_TIER_BANDS,
): Score {
  const contributions = model.signals.map(({ key, label, weight, threshold }): SignalContribution => {
    const value = Object.prototype.hasOwnProperty.call(signals, key) ? signals[key] : undefined;
    return { key, label, value, threshold, weight, met: value !== undefined && value >= threshold };
  });
  const score = contributions.reduce((sum, c) => sum + (c.met ? c.weight : 0), 0);
  const total = model.signals.reduce((sum, signal) => sum + signal.weight, 0);
  const parts = contributions.map((c) => `${c.label} ${describeComparison(c)} +${c.met ? c.weight : 0}`);
  return {
    score,
    tier: tierOf(score, tiers),
    qualified: score >= pqlThreshold,
    contributions,
    explanation: `${parts.join(', ')} — score ${score}/${total}`,
  };
}

/** The default tier of a score: cold < 30 <= warm < 60 <= hot. */
export function tierFor(score: number): Tier {
  return tierOf(score, DEFAULT_TIER_BANDS) as Tier;
}

function describeComparison({ value, threshold, met }: SignalContribution): string {
  if (value === undefined) return `not reported (needs >=${threshold})`;
  return met ? `${value}>=${threshold}` : `${value}<${threshold}`;
}
