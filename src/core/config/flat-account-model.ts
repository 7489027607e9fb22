import { FIT_FACTORS, type FitFactorName } from '../scoring/fit.js';
import type { AccountModel } from '../scoring/account-model.js';

/**
 * The account model (docs/scoring.md) as the flat fields a platform's settings form has: a number per part,
 * the rank weights as one list, and one row per fit factor whose values are a comma-separated text. Both
 * adapters map their own field names onto this; parseConfig then judges the result. A field left empty keeps
 * the default of its part.
 */
export interface FlatAccountModel {
  topUsersWeight?: number;
  rankWeights?: number[];
  activeSeatsWeight?: number;
  activeWithinDays?: number;
  minSeats?: number;
  featureBreadthWeight?: number;
  fit?: FlatFitFactor[];
}

export interface FlatFitFactor {
  factor: string;
  weight: number;
  /** Comma-separated, as one text box holds them: `SaaS, Fintech`. */
  values: string;
}

/** `"50, 30, 20"` or `[50, 30, 20]` -> `[50, 30, 20]`; anything else is handed on for parseConfig to refuse. */
export function rankWeightsOf(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const parts = value
    .split(/[,\s]+/)
    .filter((part) => part !== '')
    .map((part) => (/^\d+(\.\d+)?$/.test(part) ? Number(part) : part));
  return parts.length === 0 ? undefined : parts;
}

/** The configuration's `accountModel` input, or undefined when every field is empty (the default model). */
export function accountModelFromFlat(flat: FlatAccountModel): Record<string, unknown> | undefined {
  const part = (entries: Record<string, unknown>) => {
    const defined = Object.entries(entries).filter(([, value]) => value !== undefined);
    return defined.length === 0 ? undefined : Object.fromEntries(defined);
  };
  const fit: Record<string, unknown> = {};
  for (const row of flat.fit ?? []) {
    const values = row.values
      .split(',')
      .map((value) => value.trim())
      .filter((value) => value !== '');
    fit[row.factor] = { weight: row.weight, values };
  }
  const model = part({
    topUsers: part({ weight: flat.topUsersWeight, rankWeights: flat.rankWeights }),
    activeSeats: part({
      weight: flat.activeSeatsWeight,
      activeWithinDays: flat.activeWithinDays,
      minSeats: flat.minSeats,
    }),
    featureBreadth: part({ weight: flat.featureBreadthWeight }),
    fit: Object.keys(fit).length === 0 ? undefined : fit,
  });
  return model;
}

/** The flat fields a model amounts to (what a settings form shows for it). */
export function flatAccountModel(model: AccountModel): Required<FlatAccountModel> {
  return {
    topUsersWeight: model.topUsers.weight,
    rankWeights: [...model.topUsers.rankWeights],
    activeSeatsWeight: model.activeSeats.weight,
    activeWithinDays: model.activeSeats.activeWithinDays,
    minSeats: model.activeSeats.minSeats,
    featureBreadthWeight: model.featureBreadth.weight,
    fit: FIT_FACTORS.flatMap((factor: FitFactorName) => {
      const entry = model.fit[factor];
      return entry === undefined ? [] : [{ factor, weight: entry.weight, values: entry.values.join(', ') }];
    }),
  };
}
