import { z } from 'zod';
import { FIT_FACTORS, fitModelSchema, fitWeight, pointsSchema, type FitModel } from './fit.js';
import { MAX_SCORE } from './model.js';

/**
 * The account (PQA) model as data: how an account's score out of 100 is made from its users' scores and
 * its fit. Every part has a weight — points of the account score — and the weights sum to 100, as the
 * signal weights of the user model do, so a score reads as a percentage of the model:
 *
 * - topUsers: the most engaged users' (decayed) scores, the best weighted `rankWeights[0]`%, the next
 *   `rankWeights[1]`%, and so on — a champion alone earns part of it, a team the whole;
 * - activeSeats: the share of the account's users active within `activeWithinDays` (a team smaller than
 *   `minSeats` counts as `minSeats`, so one active user alone is not full adoption);
 * - featureBreadth: the signals met by anyone in the team, weighted as in the scoring model;
 * - fit: the company's attributes (see ./fit.ts).
 */

export const DEFAULT_ACCOUNT_THRESHOLD = 60;

const rankWeightsSchema = z
  .array(pointsSchema)
  .min(1, { error: 'must weigh at least the top user' })
  .max(20, { error: 'must have at most 20 items' })
  .superRefine((weights, ctx) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    if (total !== 100) ctx.addIssue({ code: 'custom', message: `must sum to 100 (percent of the part), got ${total}` });
  });

const DEFAULTS = {
  topUsers: { weight: 50, rankWeights: [50, 30, 20] },
  activeSeats: { weight: 20, activeWithinDays: 14, minSeats: 5 },
  featureBreadth: { weight: 30 },
} as const;

export const accountModelSchema = z
  .strictObject({
    topUsers: z
      .strictObject({
        weight: pointsSchema.default(DEFAULTS.topUsers.weight),
        rankWeights: rankWeightsSchema.default(() => [...DEFAULTS.topUsers.rankWeights]),
      })
      .default(() => ({ weight: DEFAULTS.topUsers.weight, rankWeights: [...DEFAULTS.topUsers.rankWeights] })),
    activeSeats: z
      .strictObject({
        weight: pointsSchema.default(DEFAULTS.activeSeats.weight),
        activeWithinDays: z.number().gt(0).max(365).default(DEFAULTS.activeSeats.activeWithinDays),
        minSeats: z
          .number()
          .int({ error: 'must be a whole number' })
          .min(1)
          .max(10_000)
          .default(DEFAULTS.activeSeats.minSeats),
      })
      .default(() => ({ ...DEFAULTS.activeSeats })),
    featureBreadth: z
      .strictObject({ weight: pointsSchema.default(DEFAULTS.featureBreadth.weight) })
      .default(() => ({ ...DEFAULTS.featureBreadth })),
    fit: fitModelSchema.default(() => ({})),
  })
  .superRefine((model, ctx) => {
    const total = accountModelWeight(model);
    if (total !== MAX_SCORE) {
      const parts = [
        `topUsers ${model.topUsers.weight}`,
        `activeSeats ${model.activeSeats.weight}`,
        `featureBreadth ${model.featureBreadth.weight}`,
        ...FIT_FACTORS.filter((name) => model.fit[name] !== undefined).map(
          (name) => `fit.${name} ${model.fit[name]?.weight ?? 0}`,
        ),
      ];
      ctx.addIssue({
        code: 'custom',
        message: `weights must sum to ${MAX_SCORE}, got ${total} (${parts.join(' + ')})`,
      });
    }
  });

export type AccountModel = z.infer<typeof accountModelSchema>;
export type AccountModelInput = z.input<typeof accountModelSchema>;

/** The default model: usage only (fit needs the team's own ideal customer profile, so it starts empty). */
export function defaultAccountModel(): AccountModel {
  return {
    topUsers: { weight: DEFAULTS.topUsers.weight, rankWeights: [...DEFAULTS.topUsers.rankWeights] },
    activeSeats: { ...DEFAULTS.activeSeats },
    featureBreadth: { ...DEFAULTS.featureBreadth },
    fit: {},
  };
}

function accountModelWeight(model: {
  topUsers: { weight: number };
  activeSeats: { weight: number };
  featureBreadth: { weight: number };
  fit: FitModel;
}): number {
  return model.topUsers.weight + model.activeSeats.weight + model.featureBreadth.weight + fitWeight(model.fit);
}
