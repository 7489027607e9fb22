import type { Signals } from '../intents.js';
import { DEFAULT_PQL_THRESHOLD, DEFAULT_SCORING_MODEL, TIER_BOUNDS, type ScoringModel } from './model.js';

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
  tier: Tier;
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
    tier: tierFor(score),
    qualified: score >= pqlThreshold,
    contributions,
    explanation: `${parts.join(', ')} — score ${score}/${total}`,
  };
}

export function tierFor(score: number): Tier {
  if (score >= TIER_BOUNDS.hot) return 'hot';
  if (score >= TIER_BOUNDS.warm) return 'warm';
  return 'cold';
}

function describeComparison({ value, threshold, met }: SignalContribution): string {
  if (value === undefined) return `not reported (needs >=${threshold})`;
  return met ? `${value}>=${threshold}` : `${value}<${threshold}`;
}
