/**
 * The destination's `Config` as the RudderStack UI sends it, mapped onto the core configuration (docs/configuration.md).
 * UI forms send text boxes as strings (numbers included), leave unused text boxes as `""`, and send dynamic
 * forms as arrays of row objects that may hold one blank row. This module accepts those shapes and turns
 * them into the core's input; the core's `parseConfig` then decides what is valid and fills the defaults.
 *
 * Where requests go and how hard the transformer may push them are the operator's decisions, not a
 * workspace user's: they come from the transformer's environment (OPERATOR_SETTINGS), never from `Config`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { z } from 'zod';
import { ConfigurationError } from '@rudderstack/integrations-lib';
import { accountModelFromFlat, flatAccountModel, rankWeightsOf } from '../../core/config/flat-account-model.js';
import { ownershipFromLists, ownershipLists } from '../../core/config/ownership-lists.js';
import {
  DEAL_TRIGGERS,
  parseConfig,
  PERSONAL_DOMAIN_POLICIES,
  PRODUCT_OBJECTS_MODES,
  TIER_CHANGE_TASKS,
  type PlgConfig,
  type PlgConfigInput,
} from '../../core/config/index.js';
import { describeIssue, firstProblem } from '../../core/config/zod-issues.js';
import { ConfigError } from '../../core/errors.js';

/** `""` and whitespace mean "not set" in a UI form. */
function blankToUndefined(input: unknown): unknown {
  return typeof input === 'string' && input.trim() === '' ? undefined : input;
}

const text = z.preprocess(blankToUndefined, z.string().trim().optional());

/** A number, or a string holding one (UI text boxes send strings). */
const numeric = z.preprocess((input) => {
  const value = blankToUndefined(input);
  return typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}, z.number().optional());

const flag = z.preprocess((input) => {
  const value = blankToUndefined(input);
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value;
}, z.boolean().optional());

const choice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.preprocess(blankToUndefined, z.enum(values).optional());

/**
 * A list setting: plain strings, or rows `{ [column]: string }` from a dynamic form. Blank rows are dropped;
 * a list left empty is "not set" (the default applies), as a fresh form always holds one blank row.
 */
function stringList(column: string) {
  return z
    .array(z.union([z.string(), z.strictObject({ [column]: z.string() })]))
    .optional()
    .transform((rows) => {
      const values = (rows ?? [])
        .map((row) => (typeof row === 'string' ? row : (row[column] ?? '')).trim())
        .filter((value) => value !== '');
      return values.length === 0 ? undefined : values;
    });
}

const mappingRow = z.strictObject({ from: z.string(), to: z.string() });

/** `[{from, to}]` rows -> a record; blank rows are dropped, a half-filled row is an error naming the blank cell. */
const mapping = z
  .array(mappingRow)
  .optional()
  .transform((rows, ctx) => {
    const entries: Array<[string, string]> = [];
    (rows ?? []).forEach((row, index) => {
      const from = row.from.trim();
      const to = row.to.trim();
      if (from === '' && to === '') return;
      if (from === '' || to === '') {
        ctx.addIssue({
          code: 'custom',
          path: [index, from === '' ? 'from' : 'to'],
          message: 'must not be empty when the other column is set',
        });
        return;
      }
      entries.push([from, to]);
    });
    return entries.length === 0 ? undefined : Object.fromEntries(entries);
  });

const scoringSignalRow = z.strictObject({ signal: text, label: text, weight: numeric, threshold: numeric });

/** Scoring signal rows; a fully blank row is dropped, any other row must name its signal, weight and threshold. */
const scoringSignals = z
  .array(scoringSignalRow)
  .optional()
  .transform((rows, ctx) => {
    const signals: Array<{ key: string; label: string; weight: number; threshold: number }> = [];
    (rows ?? []).forEach((row, index) => {
      if (
        row.signal === undefined &&
        row.label === undefined &&
        row.weight === undefined &&
        row.threshold === undefined
      )
        return;
      for (const column of ['signal', 'weight', 'threshold'] as const) {
        if (row[column] === undefined) ctx.addIssue({ code: 'custom', path: [index, column], message: 'is required' });
      }
      if (row.signal === undefined || row.weight === undefined || row.threshold === undefined) return;
      signals.push({ key: row.signal, label: row.label ?? row.signal, weight: row.weight, threshold: row.threshold });
    });
    return signals.length === 0 ? undefined : { signals };
  });

/** Tier rows `{ tier, min }`; blank rows are dropped, a half-filled one names its blank cell. */
const tierRows = z
  .array(z.strictObject({ tier: text, min: numeric }))
  .optional()
  .transform((rows, ctx) => {
    const bands: Array<{ name: string; min: number }> = [];
    (rows ?? []).forEach((row, index) => {
      if (row.tier === undefined && row.min === undefined) return;
      if (row.tier === undefined || row.min === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [index, row.tier === undefined ? 'tier' : 'min'],
          message: 'is required',
        });
        return;
      }
      bands.push({ name: row.tier, min: row.min });
    });
    return bands.length === 0 ? undefined : bands;
  });

/** Fit factor rows `{ factor, weight, values }` (values comma-separated); blank rows are dropped. */
const fitRows = z
  .array(z.strictObject({ factor: text, weight: numeric, values: text }))
  .optional()
  .transform((rows, ctx) => {
    const factors: Array<{ factor: string; weight: number; values: string }> = [];
    (rows ?? []).forEach((row, index) => {
      if (row.factor === undefined && row.weight === undefined && row.values === undefined) return;
      for (const column of ['factor', 'weight', 'values'] as const) {
        if (row[column] === undefined) ctx.addIssue({ code: 'custom', path: [index, column], message: 'is required' });
      }
      if (row.factor === undefined || row.weight === undefined || row.values === undefined) return;
      factors.push({ factor: row.factor, weight: row.weight, values: row.values });
    });
    return factors.length === 0 ? undefined : factors;
  });

/** `"50, 30, 20"`: the rank weights in one text box. */
const rankWeights = z.preprocess((input) => rankWeightsOf(blankToUndefined(input)), z.array(z.number()).optional());

/** `0` turns decay off (the core's null); empty keeps the default. */
const halfLife = z.preprocess((input) => {
  const value = blankToUndefined(input);
  const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return number === 0 ? null : number;
}, z.number().nullable().optional());

/** The row key of each list setting: the UI's tag inputs send `[{ email: "..." }, ...]`. */
const LIST_COLUMNS = {
  salesReps: 'email',
  signupEvents: 'event',
  usageEvents: 'event',
  handoffEvents: 'event',
  extraPersonalDomains: 'domain',
  productOwnedAttributes: 'attribute',
  repOwnedAttributes: 'attribute',
} as const;

/**
 * The destination Config keys, as the definition (./definition) shows them in the RudderStack UI. Unknown
 * keys are ignored: RudderStack adds its own (connection mode, consent) to every destination's Config, and
 * a Config written for an older version may still carry `apiUrl` or a rate budget, which are not honoured.
 */
export const rudderConfigSchema = z.object({
  apiKey: z.preprocess(blankToUndefined, z.string().trim()),
  trialList: text,
  pqlList: text,
  pqlStage: text,
  handoffStage: text,
  pqlThreshold: numeric,
  scoringSignals,
  salesReps: stringList(LIST_COLUMNS.salesReps),
  taskDueHours: numeric,
  milestoneEvents: mapping,
  milestoneReachedEvent: text,
  signupEvents: stringList(LIST_COLUMNS.signupEvents),
  usageEvents: stringList(LIST_COLUMNS.usageEvents),
  handoffEvents: stringList(LIST_COLUMNS.handoffEvents),
  personalDomains: choice(PERSONAL_DOMAIN_POLICIES),
  extraPersonalDomains: stringList(LIST_COLUMNS.extraPersonalDomains),
  dealMatchingAttribute: text,
  productObjects: choice(PRODUCT_OBJECTS_MODES),
  strict: flag,
  signupSource: text,
  accountScoring: flag,
  dealTrigger: choice(DEAL_TRIGGERS),
  accountThreshold: numeric,
  decayHalfLifeDays: halfLife,
  accountTopUsersWeight: numeric,
  accountRankWeights: rankWeights,
  accountActiveSeatsWeight: numeric,
  accountActiveWithinDays: numeric,
  accountMinSeats: numeric,
  accountFeatureBreadthWeight: numeric,
  fitFactors: fitRows,
  userTiers: tierRows,
  accountTiers: tierRows,
  tierChangeTasks: choice(TIER_CHANGE_TASKS),
  productOwnedAttributes: stringList(LIST_COLUMNS.productOwnedAttributes),
  repOwnedAttributes: stringList(LIST_COLUMNS.repOwnedAttributes),
});

export type RudderConfig = z.input<typeof rudderConfigSchema>;

/**
 * Core settings that the transformer's host decides, with the environment variable that sets each. The
 * base URL is where the API key is sent: on a hosted transformer, a destination's editor must not be able to
 * point it at another host. Rate budgets, the request timeout and the schema cache are about the process
 * (how many pods share a workspace's limits, how long rudder-server waits for a router batch, memory), which
 * a data engineer configuring one destination cannot see; rudder-server's own delivery throttler, keyed by
 * each request's `endpointPath`, paces the writes it delivers.
 */
export const OPERATOR_SETTINGS = {
  apiUrl: 'ATTIO_API_URL',
  readsPerSecond: 'ATTIO_READS_PER_SECOND',
  writesPerSecond: 'ATTIO_WRITES_PER_SECOND',
  requestTimeoutMs: 'ATTIO_REQUEST_TIMEOUT_MS',
  schemaCacheTtlSeconds: 'ATTIO_SCHEMA_CACHE_TTL_SECONDS',
} as const;

type OperatorSetting = keyof typeof OPERATOR_SETTINGS;
type Env = Readonly<Record<string, string | undefined>>;

const hostEnvironment = new AsyncLocalStorage<Env>();

/**
 * Runs `work` as a transformer host whose environment is `env`: the CLI and tests host several
 * transformers in one process, each with its own Attio. Outside of it, the environment is `process.env`.
 */
export function withTransformerEnv<T>(env: Env, work: () => T): T {
  return hostEnvironment.run(env, work);
}

export function transformerEnv(): Env {
  return hostEnvironment.getStore() ?? process.env;
}

/** The operator's numeric settings read from `env`; the base URL is read by the core's parseConfig. */
function operatorSettings(env: Env): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const [setting, name] of Object.entries(OPERATOR_SETTINGS) as Array<[OperatorSetting, string]>) {
    if (setting === 'apiUrl') continue;
    const parsed = numeric.safeParse(env[name]);
    const value = parsed.success ? parsed.data : env[name];
    if (value !== undefined) settings[setting] = value;
  }
  return settings;
}

function operatorSettingOf(setting: string): string | undefined {
  const key = setting.replace(/ \(from [A-Z_]+\)$/, '');
  return key in OPERATOR_SETTINGS ? OPERATOR_SETTINGS[key as OperatorSetting] : undefined;
}

/**
 * The Config the RudderStack UI would send for a core configuration (text boxes as strings, lists as rows),
 * and the transformer environment for its operator settings: what the CLI hands the transformer, so that
 * `toPlgConfig(toRudderConfig(c), operatorEnvFor(c))` is `c` again.
 */
export function toRudderConfig(config: PlgConfig): Record<string, unknown> {
  const rows = (key: keyof typeof LIST_COLUMNS, values: readonly string[]) =>
    values.map((value) => ({ [LIST_COLUMNS[key]]: value }));
  const owners = ownershipLists(config.ownership);
  return {
    apiKey: config.apiKey,
    trialList: config.trialList,
    pqlList: config.pqlList,
    pqlStage: config.pqlStage,
    handoffStage: config.handoffStage,
    pqlThreshold: String(config.pqlThreshold),
    scoringSignals: config.scoringModel.signals.map((s) => ({
      signal: s.key,
      label: s.label,
      weight: String(s.weight),
      threshold: String(s.threshold),
    })),
    salesReps: rows('salesReps', config.salesReps),
    taskDueHours: String(config.taskDueHours),
    milestoneEvents: Object.entries(config.milestoneEvents).map(([from, to]) => ({ from, to })),
    milestoneReachedEvent: config.milestoneReachedEvent,
    signupEvents: rows('signupEvents', config.signupEvents),
    usageEvents: rows('usageEvents', config.usageEvents),
    handoffEvents: rows('handoffEvents', config.handoffEvents),
    personalDomains: config.personalDomains,
    extraPersonalDomains: rows('extraPersonalDomains', config.extraPersonalDomains),
    dealMatchingAttribute: config.dealMatchingAttribute ?? '',
    productObjects: config.productObjects,
    strict: config.strict,
    signupSource: config.signupSource,
    ...accountRudderConfig(config),
    productOwnedAttributes: rows('productOwnedAttributes', owners.product),
    repOwnedAttributes: rows('repOwnedAttributes', owners.reps),
  };
}

/** The account settings as the UI holds them: text boxes as strings, the model flattened, tiers as rows. */
function accountRudderConfig(config: PlgConfig): Record<string, unknown> {
  const flat = flatAccountModel(config.accountModel);
  const tiers = (bands: readonly { name: string; min: number }[]) =>
    bands.map((band) => ({ tier: band.name, min: String(band.min) }));
  return {
    accountScoring: config.accountScoring,
    dealTrigger: config.dealTrigger,
    accountThreshold: String(config.accountThreshold),
    decayHalfLifeDays: String(config.decayHalfLifeDays ?? 0),
    accountTopUsersWeight: String(flat.topUsersWeight),
    accountRankWeights: flat.rankWeights.join(', '),
    accountActiveSeatsWeight: String(flat.activeSeatsWeight),
    accountActiveWithinDays: String(flat.activeWithinDays),
    accountMinSeats: String(flat.minSeats),
    accountFeatureBreadthWeight: String(flat.featureBreadthWeight),
    fitFactors: flat.fit.map((row) => ({ factor: row.factor, weight: String(row.weight), values: row.values })),
    userTiers: tiers(config.userTiers),
    accountTiers: tiers(config.accountTiers),
    tierChangeTasks: config.tierChangeTasks,
  };
}

export function operatorEnvFor(config: PlgConfig): Record<string, string> {
  return Object.fromEntries(
    (Object.entries(OPERATOR_SETTINGS) as Array<[OperatorSetting, string]>).map(([setting, name]) => [
      name,
      String(config[setting]),
    ]),
  );
}

/** Core setting paths whose RudderStack key differs, so an error from the core names the key the user sees. */
const RUDDER_PATHS: ReadonlyArray<[RegExp, string]> = [
  [/^scoringModel\.signals(\[\d+\])\.key$/, 'scoringSignals$1.signal'],
  [/^scoringModel(\.signals)?/, 'scoringSignals'],
  [/^accountModel\.topUsers\.weight/, 'accountTopUsersWeight'],
  [/^accountModel\.topUsers\.rankWeights/, 'accountRankWeights'],
  [/^accountModel\.activeSeats\.weight/, 'accountActiveSeatsWeight'],
  [/^accountModel\.activeSeats\.activeWithinDays/, 'accountActiveWithinDays'],
  [/^accountModel\.activeSeats\.minSeats/, 'accountMinSeats'],
  [/^accountModel\.featureBreadth\.weight/, 'accountFeatureBreadthWeight'],
  [/^accountModel\.fit\.(\w+)/, 'fitFactors ($1)'],
  [
    /^accountModel$/,
    'account model (accountTopUsersWeight, accountActiveSeatsWeight, accountFeatureBreadthWeight, fitFactors)',
  ],
  [/^(user|account)Tiers(\[\d+\])\.name$/, '$1Tiers$2.tier'],
  [/^ownership(?:\.|\["?)([^"\]]+)"?\]?$/, 'productOwnedAttributes or repOwnedAttributes ($1)'],
];

function rudderPath(setting: string): string {
  const rule = RUDDER_PATHS.find(([pattern]) => pattern.test(setting));
  return rule === undefined ? setting : setting.replace(rule[0], rule[1]);
}

/**
 * Validates a destination Config and maps it onto the core configuration, with the operator's settings from
 * the transformer's environment (`env`, by default `transformerEnv()`). Throws ConfigurationError (400)
 * naming the Config key or environment variable and the reason; never the value, which may be the API key.
 */
export function toPlgConfig(config: unknown, env: Env = transformerEnv()): PlgConfig {
  const parsed = rudderConfigSchema.safeParse(config ?? {}, { error: describeIssue });
  if (!parsed.success) {
    const { field, reason } = firstProblem(parsed.error, 'Config');
    throw new ConfigurationError(`Invalid Config: ${field}: ${reason}`);
  }
  const {
    scoringSignals: scoringModel,
    accountTopUsersWeight: topUsersWeight,
    accountRankWeights: rankWeights,
    accountActiveSeatsWeight: activeSeatsWeight,
    accountActiveWithinDays: activeWithinDays,
    accountMinSeats: minSeats,
    accountFeatureBreadthWeight: featureBreadthWeight,
    fitFactors: fit,
    productOwnedAttributes,
    repOwnedAttributes,
    ...settings
  } = parsed.data;
  const ownership = ownershipFromLists({ product: productOwnedAttributes, reps: repOwnedAttributes });
  const accountModel = accountModelFromFlat({
    topUsersWeight,
    rankWeights,
    activeSeatsWeight,
    activeWithinDays,
    minSeats,
    featureBreadthWeight,
    fit,
  });
  const input: Record<string, unknown> = {
    ...settings,
    scoringModel,
    accountModel,
    ownership,
    ...operatorSettings(env),
  };
  const defined = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined),
  ) as PlgConfigInput;
  try {
    return parseConfig(defined, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const variable = operatorSettingOf(error.setting);
    if (variable !== undefined)
      throw new ConfigurationError(`Invalid transformer environment: ${variable}: ${error.reason}`);
    throw new ConfigurationError(`Invalid Config: ${rudderPath(error.setting)}: ${error.reason}`);
  }
}
