import { z } from 'zod';

/**
 * Fit: how well a company matches the ideal customer, from its attributes rather than its usage. Each
 * factor (employee range, industry, country, plan) has a weight — points of the account score — and the
 * values that earn them. A factor the company does not report earns nothing; it is named as missing in
 * the explanation, so a marketer sees which data would change the score.
 */

/** Attio's enriched `employee_range` bands on companies: a count from a group call is put in one of them. */
export const EMPLOYEE_RANGES = [
  '1-10',
  '11-50',
  '51-250',
  '251-1K',
  '1K-5K',
  '5K-10K',
  '10K-50K',
  '50K-100K',
  '100K+',
] as const;
export type EmployeeRange = (typeof EMPLOYEE_RANGES)[number];

/** Lower bound of each band, in EMPLOYEE_RANGES order. */
const RANGE_FLOORS = [1, 11, 51, 251, 1_000, 5_000, 10_000, 50_000, 100_000] as const;

/** The band holding a head count (a company of 0 counts as the smallest band). */
export function employeeRangeOf(count: number): EmployeeRange {
  let band: EmployeeRange = EMPLOYEE_RANGES[0];
  RANGE_FLOORS.forEach((floor, index) => {
    const range = EMPLOYEE_RANGES[index];
    if (count >= floor && range !== undefined) band = range;
  });
  return band;
}

export const FIT_FACTORS = ['employeeRange', 'industry', 'country', 'plan'] as const;
export type FitFactorName = (typeof FIT_FACTORS)[number];

const FACTOR_LABELS: Record<FitFactorName, string> = {
  employeeRange: 'Employees',
  industry: 'Industry',
  country: 'Country',
  plan: 'Plan',
};

/** What the connector knows of a company (from group traits, or its Attio record). */
export interface CompanyFacts {
  employeeRange?: EmployeeRange;
  industry?: string;
  country?: string;
  plan?: string;
}

export const pointsSchema = z.number().int({ error: 'must be a whole number' }).min(0);
const factValue = z.string().trim().min(1).max(200);

function fitFactorSchema<Value extends z.ZodType<string>>(value: Value) {
  return z.strictObject({ weight: pointsSchema, values: z.array(value).max(500) }).superRefine((factor, ctx) => {
    if (factor.weight > 0 && factor.values.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'must list at least one value that earns the weight' });
    }
  });
}

export const fitModelSchema = z.strictObject({
  employeeRange: fitFactorSchema(z.enum(EMPLOYEE_RANGES)).optional(),
  industry: fitFactorSchema(factValue).optional(),
  country: fitFactorSchema(factValue).optional(),
  plan: fitFactorSchema(factValue).optional(),
});

export type FitModel = z.infer<typeof fitModelSchema>;

export interface FitFactorResult {
  factor: FitFactorName;
  label: string;
  /** The company's value, or undefined when it does not report one. */
  value: string | undefined;
  weight: number;
  met: boolean;
  points: number;
}

export interface FitResult {
  points: number;
  /** Only the factors with a weight, in FIT_FACTORS order. */
  factors: FitFactorResult[];
}

/** Sum of the weights of the factors whose value is one of the allowed ones (compared case-insensitively). */
export function scoreFit(facts: CompanyFacts, model: FitModel): FitResult {
  const factors: FitFactorResult[] = [];
  for (const name of FIT_FACTORS) {
    const factor = model[name];
    if (factor === undefined || factor.weight === 0) continue;
    const value = facts[name];
    const wanted = new Set(factor.values.map(foldCase));
    const met = value !== undefined && wanted.has(foldCase(value));
    factors.push({
      factor: name,
      label: FACTOR_LABELS[name],
      value,
      weight: factor.weight,
      met,
      points: met ? factor.weight : 0,
    });
  }
  return { points: factors.reduce((sum, factor) => sum + factor.points, 0), factors };
}

/** The fit model's total weight: the points fit can add to an account score. */
export function fitWeight(model: FitModel): number {
  return FIT_FACTORS.reduce((sum, name) => sum + (model[name]?.weight ?? 0), 0);
}

/** e.g. `Industry SaaS +10`, `Employees not reported +0`, `Plan free +0`. */
export function describeFitFactor(factor: FitFactorResult): string {
  return `${factor.label} ${factor.value ?? 'not reported'} +${factor.points}`;
}

function foldCase(text: string): string {
  return text.trim().toLowerCase();
}
