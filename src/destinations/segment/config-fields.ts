/**
 * The configuration a marketer sets per action: lists, stages, threshold, scoring model, reps, task due
 * time, free-mail policy, product objects and strict mode, each an action field with the core's default
 * (so the mapping screen shows what applies) and, where the workspace decides the valid values, a dropdown.
 * One table: the field, the configuration key it sets, and the reshaping between the two. parseConfig stays
 * the one judge of a valid value; an error it raises is reported under the action field's name.
 */
import type { InputField } from '@segment/actions-core';
import { CONFIG_DEFAULTS, DEFAULT_SCORING_MODEL, type PlgConfig } from '../../core/config/index.js';

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
  | 'strict';

interface ConfigField {
  key: ConfigKey;
  field: InputField;
  dropdown?: Dropdown;
  /** The configuration path prefix an error names, when it is not the key (`scoringModel.signals[2]`). */
  blamePrefix?: string;
  /** The payload value as configuration input; undefined leaves the core's default. */
  toConfig(value: unknown): unknown;
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
    const value = entry.toConfig((payload as Record<string, unknown>)[name]);
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
    for (const prefix of [entry.blamePrefix, entry.key]) {
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
