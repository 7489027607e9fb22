/**
 * The destination's `Config` as the RudderStack UI sends it, mapped onto the core configuration (SPEC §2).
 * UI forms send text boxes as strings (numbers included), leave unused text boxes as `""`, and send dynamic
 * forms as arrays of row objects that may hold one blank row. This module accepts those shapes and turns
 * them into the core's input; the core's `parseConfig` then decides what is valid and fills the defaults.
 */
import { z } from 'zod';
import { ConfigurationError } from '@rudderstack/integrations-lib';
import { parseConfig, PERSONAL_DOMAIN_POLICIES, PRODUCT_OBJECTS_MODES, type PlgConfig, type PlgConfigInput } from '../../core/config/index.js';
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

const choice = <const Values extends readonly [string, ...string[]]>(values: Values) => z.preprocess(blankToUndefined, z.enum(values).optional());

/**
 * A list setting: plain strings, or rows `{ [column]: string }` from a dynamic form. Blank rows are dropped;
 * a list left empty is "not set" (the default applies), as a fresh form always holds one blank row.
 */
function stringList(column: string) {
  return z
    .array(z.union([z.string(), z.strictObject({ [column]: z.string() })]))
    .optional()
    .transform((rows) => {
      const values = (rows ?? []).map((row) => (typeof row === 'string' ? row : (row[column] ?? '')).trim()).filter((value) => value !== '');
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
        ctx.addIssue({ code: 'custom', path: [index, from === '' ? 'from' : 'to'], message: 'must not be empty when the other column is set' });
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
      if (row.signal === undefined && row.label === undefined && row.weight === undefined && row.threshold === undefined) return;
      for (const column of ['signal', 'weight', 'threshold'] as const) {
        if (row[column] === undefined) ctx.addIssue({ code: 'custom', path: [index, column], message: 'is required' });
      }
      if (row.signal === undefined || row.weight === undefined || row.threshold === undefined) return;
      signals.push({ key: row.signal, label: row.label ?? row.signal, weight: row.weight, threshold: row.threshold });
    });
    return signals.length === 0 ? undefined : { signals };
  });

/**
 * The destination Config keys (the names a RudderStack UI definition would use). Unknown keys are ignored:
 * RudderStack adds its own (consent, event filtering) to every destination's Config.
 */
export const rudderConfigSchema = z.object({
  apiKey: z.preprocess(blankToUndefined, z.string().trim()),
  apiUrl: text,
  trialList: text,
  pqlList: text,
  pqlStage: text,
  handoffStage: text,
  pqlThreshold: numeric,
  scoringSignals,
  salesReps: stringList('email'),
  taskDueHours: numeric,
  milestoneEvents: mapping,
  milestoneReachedEvent: text,
  signupEvents: stringList('event'),
  usageEvents: stringList('event'),
  handoffEvents: stringList('event'),
  personalDomains: choice(PERSONAL_DOMAIN_POLICIES),
  extraPersonalDomains: stringList('domain'),
  dealMatchingAttribute: text,
  productObjects: choice(PRODUCT_OBJECTS_MODES),
  strict: flag,
  schemaCacheTtlSeconds: numeric,
  signupSource: text,
  readsPerSecond: numeric,
  writesPerSecond: numeric,
  requestTimeoutMs: numeric,
});

export type RudderConfig = z.input<typeof rudderConfigSchema>;

/** Core setting paths whose RudderStack key differs, so an error from the core names the key the user sees. */
const RUDDER_PATHS: ReadonlyArray<[RegExp, string]> = [
  [/^scoringModel\.signals(\[\d+\])\.key$/, 'scoringSignals$1.signal'],
  [/^scoringModel(\.signals)?/, 'scoringSignals'],
];

function rudderPath(setting: string): string {
  const rule = RUDDER_PATHS.find(([pattern]) => pattern.test(setting));
  return rule === undefined ? setting : setting.replace(rule[0], rule[1]);
}

/**
 * Validates a destination Config and maps it onto the core configuration. Throws ConfigurationError (400)
 * naming the Config key and the reason; never the value, which may be the API key.
 */
export function toPlgConfig(config: unknown, env: Readonly<Record<string, string | undefined>> = process.env): PlgConfig {
  const parsed = rudderConfigSchema.safeParse(config ?? {}, { error: describeIssue });
  if (!parsed.success) {
    const { field, reason } = firstProblem(parsed.error, 'Config');
    throw new ConfigurationError(`Invalid Config: ${field}: ${reason}`);
  }
  const { scoringSignals: scoringModel, ...settings } = parsed.data;
  const input: Record<string, unknown> = { ...settings, scoringModel };
  const defined = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as PlgConfigInput;
  try {
    return parseConfig(defined, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new ConfigurationError(`Invalid Config: ${rudderPath(error.setting)}: ${error.reason}`);
  }
}
