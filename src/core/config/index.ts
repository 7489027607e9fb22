export { API_URL_ENV, CONFIG_DEFAULTS } from './defaults.js';
export { ownershipFromLists, ownershipLists, type OwnershipLists } from './ownership-lists.js';
export { parseConfig } from './parse.js';
export {
  DEAL_TRIGGERS,
  TIER_CHANGE_TASKS,
  MILESTONE_KEY,
  PERSONAL_DOMAIN_POLICIES,
  PRODUCT_OBJECTS_MODES,
  plgConfigSchema,
  type PlgConfig,
  type PlgConfigInput,
} from './schema.js';
export { DEFAULT_SCORING_MODEL } from '../scoring/model.js';
