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
export { DEFAULT_TIER_BANDS, bandsHighestFirst, tierBandsSchema, tierOf, type TierBand } from './tiers.js';
export { DAY_MS, decayFactor } from './decay.js';
export {
  EMPLOYEE_RANGES,
  FIT_FACTORS,
  employeeRangeOf,
  fitModelSchema,
  scoreFit,
  type CompanyFacts,
  type EmployeeRange,
  type FitFactorName,
  type FitFactorResult,
  type FitModel,
  type FitResult,
} from './fit.js';
export {
  DEFAULT_ACCOUNT_THRESHOLD,
  accountModelSchema,
  defaultAccountModel,
  type AccountModel,
  type AccountModelInput,
} from './account-model.js';
export {
  latestReport,
  roundScore,
  scoreUser,
  type ScoringSettings,
  type SignalReport,
  type UserScore,
} from './user.js';
export {
  scoreAccount,
  type AccountActivity,
  type AccountMember,
  type AccountScore,
  type SignalCoverage,
  type UserContribution,
} from './account.js';
