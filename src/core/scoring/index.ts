export {
  DEFAULT_PQL_THRESHOLD,
  DEFAULT_SCORING_MODEL,
  MAX_SCORE,
  TIER_BOUNDS,
  scoringModelSchema,
  type ScoringModel,
  type SignalDefinition,
} from './model.js';
export { scoreSignals, tierFor, type Score, type SignalContribution, type Tier } from './score.js';
