/**
 * The configuration a marketer sets per action: lists, stages, threshold, scoring model, reps, task due
 * time, free-mail policy, product objects and strict mode, each an action field with the core's default
 * (so the mapping screen shows what applies) and, where the workspace decides the valid values, a dropdown.
 * One table: the field, the configuration key it sets, and the reshaping between the two. parseConfig stays
 * the one judge of a valid value; an error it raises is reported under the action field's name.
 */
import type { InputField } from '@segment/actions-core';
import { CONFIG_DEFAULTS, DEFAULT_SCORING_MODEL, type PlgConfig } from '../../core/config/index.js';
import {
  accountModelFromFlat,
  flatAccountModel,
  rankWeightsOf,
  type FlatFitFactor,
} from '../../core/config/flat-account-model.js';
import { FIT_FACTORS } from '../../core/scoring/index.js';

/** The workspace data a field's dropdown lists. */
export type Dropdown = 'lists' | 'dealStages' | 'members';

type ConfigKey =
  | 'trialList'
  | 'pqlList'
  | 'pqlStage'
  | 'handoffStage'
  | 'pqlThreshold'
  | 'scoringModel'
  | 'salesReps'
  | 'taskDueHours'
  | 'personalDomains'
  | 'extraPersonalDomains'
  | 'productObjects'
  | 'strict'
  | 'accountScoring'
  | 'dealTrigger'
  | 'accountThreshold'
  | 'decayHalfLifeDays'
  | 'accountModel'
  | 'userTiers'
  | 'accountTiers'
  | 'tierChangeTasks';

interface ConfigField {
  key: ConfigKey;
  field: InputField;
  dropdown?: Dropdown;
  /** The configuration path prefix an error names, when it is not the key (`scoringModel.signals[2]`). */
  blamePrefix?: string;
  /** Errors are blamed on it only under `blamePrefix` (a field that sets part of another's key). */
  blameOnly?: boolean;
  /** The payload value as configuration input; undefined leaves the core's default. */
  toConfig(value: unknown, payload: Readonly<Record<string, unknown>>): unknown;
  /** The field value a configuration amounts to (for hosts that keep a core configuration, such as the CLI). */
  fromConfig(config: PlgConfig): unknown;
}

const text = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const same = (value: unknown): unknown => value;

/** A list of strings; an item may itself hold several, separated by commas or spaces. */
function items(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return items([value]);
  const out = value.flatMap((item) =>
    typeof item === 'string' ? item.split(/[,\s]+/).filter((part) => part !== '') : [item],
  );
  return out.length === 0 ? undefined : out;
}

const FIT_FACTOR_LABELS = {
  employeeRange: 'Employee Range',
  industry: 'Industry',
  country: 'Country',
  plan: 'Plan',
} as const;

const TIER_FIELD_PROPERTIES: InputField['properties'] = {
  name: {
    label: 'Tier',
    description: 'The tier’s name, as Attio shows it (e.g. hot).',
    type: 'string',
    required: true,
  },
  min: {
    label: 'From Score',
    description: 'The lowest score (0 to 100) in this tier; one tier starts at 0.',
    type: 'number',
    required: true,
  },
};

const tiersFrom = (bands: readonly { name: string; min: number }[]) => bands.map((band) => ({ ...band }));
const list = (value: unknown): unknown => (Array.isArray(value) && value.length === 0 ? undefined : value);

/** The account score (PQA) settings: docs/scoring.md. Defaults keep today’s rule (a user’s qualification opens the deal). */
function ACCOUNT_CONFIG_FIELDS() {
  return {
    account_scoring: {
      key: 'accountScoring',
      field: {
        label: 'Score Accounts',
        description:
          'Also score each account (company) from all of its users, its fit and decay, and write the score, tier and explanation on the company. Always on when deals open on account qualification.',
        type: 'boolean',
        default: CONFIG_DEFAULTS.accountScoring,
      },
      toConfig: same,
      fromConfig: (config) => config.accountScoring,
    },
    deal_trigger: {
      key: 'dealTrigger',
      field: {
        label: 'Deal Trigger',
        description:
          'Which qualification opens an account’s one PQL deal: a user’s (the default), the account’s, or whichever comes first.',
        type: 'string',
        choices: [
          { value: 'user', label: 'A User Qualifying' },
          { value: 'account', label: 'The Account Qualifying' },
          { value: 'both', label: 'Whichever Comes First' },
        ],
        default: CONFIG_DEFAULTS.dealTrigger,
      },
      toConfig: text,
      fromConfig: (config) => config.dealTrigger,
    },
    account_threshold: {
      key: 'accountThreshold',
      field: {
        label: 'Account Threshold',
        description: 'The account score (0 to 100) at which an account becomes product-qualified.',
        type: 'number',
        maximum: 100,
        default: CONFIG_DEFAULTS.accountThreshold,
      },
      toConfig: same,
      fromConfig: (config) => config.accountThreshold,
    },
    decay_half_life_days: {
      key: 'decayHalfLifeDays',
      field: {
        label: 'Decay Half-Life (Days)',
        description: 'A user’s signals count half after this many days, a quarter after twice as many. 0: no decay.',
        type: 'number',
        default: CONFIG_DEFAULTS.decayHalfLifeDays ?? 0,
      },
      toConfig: (value) => (value === 0 ? null : value),
      fromConfig: (config) => config.decayHalfLifeDays ?? 0,
    },
    account_model: {
      key: 'accountModel',
      field: {
        label: 'Account Model',
        description:
          'The points of each part of the account score; with the fit factors’ weights they add up to 100. Empty: the default model.',
        type: 'object',
        additionalProperties: false,
        properties: {
          top_users_weight: {
            label: 'Top Users',
            description: 'Points for the most engaged users’ scores.',
            type: 'integer',
          },
          rank_weights: {
            label: 'Rank Weights',
            description: 'Percent of the top-users points each rank carries, best first, e.g. 50, 30, 20.',
            type: 'string',
          },
          active_seats_weight: {
            label: 'Active Seats',
            description: 'Points for the share of users active recently.',
            type: 'integer',
          },
          active_within_days: { label: 'Active Within (Days)', description: 'What counts as recent.', type: 'number' },
          min_seats: {
            label: 'Minimum Seats',
            description: 'A smaller team counts as this many seats.',
            type: 'integer',
          },
          feature_breadth_weight: {
            label: 'Feature Breadth',
            description: 'Points for the signals met across the team.',
            type: 'integer',
          },
        },
        default: defaultFlatModel(),
      },
      blamePrefix: 'accountModel',
      toConfig: (value, payload) => accountModelFromFlat(flatModelOf(value, payload['fit_factors'])),
      fromConfig: (config) => {
        const flat = flatAccountModel(config.accountModel);
        return {
          top_users_weight: flat.topUsersWeight,
          rank_weights: flat.rankWeights.join(', '),
          active_seats_weight: flat.activeSeatsWeight,
          active_within_days: flat.activeWithinDays,
          min_seats: flat.minSeats,
          feature_breadth_weight: flat.featureBreadthWeight,
        };
      },
    },
    fit_factors: {
      key: 'accountModel',
      field: {
        label: 'Fit Factors',
        description:
          'Company attributes that add points when they match your ideal customer (from group traits). Their weights count in the account model’s 100.',
        type: 'object',
        multiple: true,
        defaultObjectUI: 'arrayeditor',
        additionalProperties: false,
        properties: {
          factor: {
            label: 'Factor',
            description: 'The company attribute.',
            type: 'string',
            required: true,
            choices: FIT_FACTORS.map((factor) => ({ value: factor, label: FIT_FACTOR_LABELS[factor] })),
          },
          weight: { label: 'Weight', description: 'Points when the value matches.', type: 'integer', required: true },
          values: {
            label: 'Values',
            description: 'The values that earn the points, separated by commas (e.g. SaaS, Fintech).',
            type: 'string',
            required: true,
          },
        },
      },
      blamePrefix: 'accountModel.fit',
      blameOnly: true,
      // Read by account_model, which makes the one accountModel of both.
      toConfig: () => undefined,
      fromConfig: (config) => flatAccountModel(config.accountModel).fit,
    },
    user_tiers: {
      key: 'userTiers',
      field: {
        label: 'User Tiers',
        description: 'Named bands of the user score, as the PQL tier options in Attio.',
        type: 'object',
        multiple: true,
        defaultObjectUI: 'arrayeditor',
        additionalProperties: false,
        properties: TIER_FIELD_PROPERTIES,
        default: tiersFrom(CONFIG_DEFAULTS.userTiers),
      },
      toConfig: list,
      fromConfig: (config) => tiersFrom(config.userTiers),
    },
    account_tiers: {
      key: 'accountTiers',
      field: {
        label: 'Account Tiers',
        description: 'Named bands of the account score, as the account tier options in Attio.',
        type: 'object',
        multiple: true,
        defaultObjectUI: 'arrayeditor',
        additionalProperties: false,
        properties: TIER_FIELD_PROPERTIES,
        default: tiersFrom(CONFIG_DEFAULTS.accountTiers),
      },
      toConfig: list,
      fromConfig: (config) => tiersFrom(config.accountTiers),
    },
    tier_change_tasks: {
      key: 'tierChangeTasks',
      field: {
        label: 'Tier Change Tasks',
        description: 'Whose move from one tier to another raises a task for the owner.',
        type: 'string',
        choices: [
          { value: 'off', label: 'Nobody’s' },
          { value: 'users', label: 'Users’' },
          { value: 'accounts', label: 'Accounts’' },
          { value: 'both', label: 'Users’ and Accounts’' },
        ],
        default: CONFIG_DEFAULTS.tierChangeTasks,
      },
      toConfig: text,
      fromConfig: (config) => config.tierChangeTasks,
    },
  } satisfies Record<string, ConfigField>;
}

function defaultFlatModel() {
  const flat = flatAccountModel(CONFIG_DEFAULTS.accountModel);
  return {
    top_users_weight: flat.topUsersWeight,
    rank_weights: flat.rankWeights.join(', '),
    active_seats_weight: flat.activeSeatsWeight,
    active_within_days: flat.activeWithinDays,
    min_seats: flat.minSeats,
    feature_breadth_weight: flat.featureBreadthWeight,
  };
}

/** The account model field's object (and, through the payload, the fit rows) as flat fields. */
function flatModelOf(value: unknown, fit: unknown): Parameters<typeof accountModelFromFlat>[0] {
  const model = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const number = (key: string) => (typeof model[key] === 'number' ? (model[key] as number) : undefined);
  const ranks = rankWeightsOf(model['rank_weights']);
  return {
    topUsersWeight: number('top_users_weight'),
    rankWeights: Array.isArray(ranks) ? (ranks as number[]) : undefined,
    activeSeatsWeight: number('active_seats_weight'),
    activeWithinDays: number('active_within_days'),
    minSeats: number('min_seats'),
    featureBreadthWeight: number('feature_breadth_weight'),
    fit: Array.isArray(fit) && fit.length > 0 ? (fit as FlatFitFactor[]) : undefined,
  };
}

export const CONFIG_FIELDS = {
  trial_list: {
    key: 'trialList',
    dropdown: 'lists',
    field: {
      label: 'Trial List',
      description: 'The Attio list that signups are added to.',
      type: 'string',
      dynamic: true,
      default: CONFIG_DEFAULTS.trialList,
    },
    toConfig: text,
    fromConfig: (config) => config.trialList,
  },
  pql_list: {
    key: 'pqlList',
    dropdown: 'lists',
    field: {
      label: 'PQL List',
      description: 'The Attio list that product-qualified leads are added to when they first qualify.',
      type: 'string',
      dynamic: true,
      default: CONFIG_DEFAULTS.pqlList,
    },
    toConfig: text,
    fromConfig: (config) => config.pqlList,
  },
  pql_stage: {
    key: 'pqlStage',
    dropdown: 'dealStages',
    field: {
      label: 'PQL Deal Stage',
      description: 'The stage of the deal opened when an account’s first person qualifies.',
      type: 'string',
      dynamic: true,
      default: CONFIG_DEFAULTS.pqlStage,
    },
    toConfig: text,
    fromConfig: (config) => config.pqlStage,
  },
  handoff_stage: {
    key: 'handoffStage',
    dropdown: 'dealStages',
    field: {
      label: 'Handoff Deal Stage',
      description: 'The stage of the deal opened when a user asks for sales.',
      type: 'string',
      dynamic: true,
      default: CONFIG_DEFAULTS.handoffStage,
    },
    toConfig: text,
    fromConfig: (config) => config.handoffStage,
  },
  pql_threshold: {
    key: 'pqlThreshold',
    field: {
      label: 'PQL Threshold',
      description: 'The score (0 to 100) at which a person becomes a product-qualified lead.',
      type: 'number',
      maximum: 100,
      default: CONFIG_DEFAULTS.pqlThreshold,
    },
    toConfig: same,
    fromConfig: (config) => config.pqlThreshold,
  },
  scoring_model: {
    key: 'scoringModel',
    blamePrefix: 'scoringModel.signals',
    field: {
      label: 'Scoring Model',
      description:
        'The usage signals a PQL score is made of. A signal adds its weight when its count reaches the threshold; the weights of all signals add up to 100. Use the same model in every action that scores.',
      type: 'object',
      multiple: true,
      defaultObjectUI: 'arrayeditor',
      additionalProperties: false,
      properties: {
        key: {
          label: 'Signal Key',
          description: 'The usage count’s key as the events carry it, in snake_case (e.g. logins_7d).',
          type: 'string',
          required: true,
        },
        label: {
          label: 'Label',
          description: 'How the signal reads in score explanations.',
          type: 'string',
          required: true,
        },
        weight: {
          label: 'Weight',
          description: 'Points the signal adds when it qualifies: a whole number.',
          type: 'integer',
          required: true,
        },
        threshold: {
          label: 'Threshold',
          description: 'The count at which the signal qualifies (this many or more).',
          type: 'number',
          required: true,
        },
      },
      default: DEFAULT_SCORING_MODEL.signals.map((signal) => ({ ...signal })),
    },
    toConfig: (value) => (value === undefined ? undefined : { signals: value }),
    fromConfig: (config) => config.scoringModel.signals.map((signal) => ({ ...signal })),
  },
  sales_reps: {
    key: 'salesReps',
    dropdown: 'members',
    field: {
      label: 'Sales Reps',
      description:
        'Workspace members who receive deals and tasks; a stable hash of the account picks one. Empty: the member the API key acts for.',
      type: 'string',
      multiple: true,
      dynamic: true,
    },
    toConfig: items,
    fromConfig: (config) => [...config.salesReps],
  },
  task_due_hours: {
    key: 'taskDueHours',
    field: {
      label: 'Task Due After (Hours)',
      description: 'Hours after the triggering event that follow-up tasks are due.',
      type: 'number',
      default: CONFIG_DEFAULTS.taskDueHours,
    },
    toConfig: same,
    fromConfig: (config) => config.taskDueHours,
  },
  personal_domains: {
    key: 'personalDomains',
    field: {
      label: 'Free-Mail Domains',
      description: 'What a free-mail address (gmail.com, outlook.com, ...) means for companies.',
      type: 'string',
      choices: [
        { value: 'skip-company', label: 'Never Make or Link a Company' },
        { value: 'allow-company', label: 'Treat Like Any Other Domain' },
      ],
      default: CONFIG_DEFAULTS.personalDomains,
    },
    toConfig: text,
    fromConfig: (config) => config.personalDomains,
  },
  extra_personal_domains: {
    key: 'extraPersonalDomains',
    field: {
      label: 'More Free-Mail Domains',
      description:
        'Further domains to treat as free-mail domains, beyond the maintained list (e.g. a test domain of your own).',
      type: 'string',
      multiple: true,
    },
    toConfig: items,
    fromConfig: (config) => [...config.extraPersonalDomains],
  },
  product_objects: {
    key: 'productObjects',
    field: {
      label: 'Product Objects',
      description:
        'Also write Attio Users (by user ID) and Workspaces (by workspace ID), and find people by user ID through Users.',
      type: 'string',
      choices: [
        { value: 'auto', label: 'When the Workspace Has Them' },
        { value: 'on', label: 'Always' },
        { value: 'off', label: 'Never' },
      ],
      default: CONFIG_DEFAULTS.productObjects,
    },
    toConfig: text,
    fromConfig: (config) => config.productObjects,
  },
  strict: {
    key: 'strict',
    field: {
      label: 'Strict Mode',
      description:
        'Reject events that would write attributes or options the workspace does not have, instead of leaving those values out with a warning.',
      type: 'boolean',
      default: CONFIG_DEFAULTS.strict,
    },
    toConfig: same,
    fromConfig: (config) => config.strict,
  },
  ...ACCOUNT_CONFIG_FIELDS(),
} satisfies Record<string, ConfigField>;

export type ConfigFieldName = keyof typeof CONFIG_FIELDS;

const NAMES = Object.keys(CONFIG_FIELDS) as ConfigFieldName[];

/** What scoring needs: the model and the threshold. */
export const SCORING_FIELDS = ['pql_threshold', 'scoring_model'] as const satisfies readonly ConfigFieldName[];

/** What a first qualification needs besides: the PQL list, the deal's stage, the rep and the task's due time. */
export const QUALIFICATION_FIELDS = [
  ...SCORING_FIELDS,
  'pql_list',
  'pql_stage',
  'sales_reps',
  'task_due_hours',
] as const satisfies readonly ConfigFieldName[];

/** How people and companies are found and written. */
export const PEOPLE_FIELDS = [
  'personal_domains',
  'extra_personal_domains',
  'product_objects',
  'strict',
] as const satisfies readonly ConfigFieldName[];

/** The account score's settings (docs/scoring.md): for the actions whose events change an account's score. */
export const ACCOUNT_FIELDS = [
  'account_scoring',
  'deal_trigger',
  'account_threshold',
  'decay_half_life_days',
  'fit_factors',
  'account_model',
  'user_tiers',
  'account_tiers',
  'tier_change_tasks',
] as const satisfies readonly ConfigFieldName[];

/** The fields for `names`, to spread into an action's fields. */
export function configFields<Name extends ConfigFieldName>(...names: Name[]): Record<Name, InputField> {
  const out = {} as Record<Name, InputField>;
  for (const name of names) out[name] = CONFIG_FIELDS[name].field;
  return out;
}

/** The configuration fields among an action's fields. */
export function configFieldsOf(fields: Readonly<Record<string, unknown>>): ConfigFieldName[] {
  return NAMES.filter((name) => Object.prototype.hasOwnProperty.call(fields, name));
}

export function dropdownOf(name: ConfigFieldName): Dropdown | undefined {
  const entry: ConfigField = CONFIG_FIELDS[name];
  return entry.dropdown;
}

/** A payload's configuration input from the configuration fields among `names`, leaving out empty values. */
export function configInput(payload: object, names: readonly ConfigFieldName[]): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const name of names) {
    const entry: ConfigField = CONFIG_FIELDS[name];
    const fields = payload as Record<string, unknown>;
    const value = entry.toConfig(fields[name], fields);
    if (value !== undefined) input[entry.key] = value;
  }
  return input;
}

/**
 * The name the user knows a configuration path by, when one of `names` set it: `scoringModel.signals[2].weight`
 * -> `scoring_model[2].weight`, `salesReps[1]` -> `sales_reps[1]`, `trialList` -> `trial_list`.
 */
export function fieldForConfigPath(path: string, names: readonly ConfigFieldName[]): string | undefined {
  for (const name of names) {
    const entry: ConfigField = CONFIG_FIELDS[name];
    for (const prefix of entry.blameOnly ? [entry.blamePrefix] : [entry.blamePrefix, entry.key]) {
      if (prefix === undefined) continue;
      if (path === prefix || path.startsWith(`${prefix}[`) || path.startsWith(`${prefix}.`))
        return `${name}${path.slice(prefix.length)}`;
    }
  }
  return undefined;
}

/** The value of every configuration field for `config`, by field name. */
export function configFieldValues(config: PlgConfig): Record<ConfigFieldName, unknown> {
  const out = {} as Record<ConfigFieldName, unknown>;
  for (const name of NAMES) {
    const entry: ConfigField = CONFIG_FIELDS[name];
    out[name] = entry.fromConfig(config);
  }
  return out;
}
