import { z } from 'zod';

/**
 * The PQL scoring model (docs/configuration.md#scoring-model) as data, and the schema a user-supplied model must satisfy.
 * Weights are whole numbers summing to 100 so that a score is an exact sum, never 99.99999.
 */

/** Weights sum to this, so a score is a percentage of the model. */
export const MAX_SCORE = 100;

export const signalDefinitionSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a snake_case key such as logins_7d' }),
  label: z.string().trim().min(1).max(100),
  weight: z.number().int({ error: 'must be a whole number' }).gt(0),
  threshold: z.number().min(0),
});

export const scoringModelSchema = z
  .object({ signals: z.array(signalDefinitionSchema).min(1, { error: 'must list at least one signal' }) })
  .superRefine((model, ctx) => {
    const seen = new Set<string>();
    model.signals.forEach((signal, index) => {
      if (seen.has(signal.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['signals', index, 'key'],
          message: `duplicate signal key "${signal.key}"`,
        });
      }
      seen.add(signal.key);
    });
    const total = model.signals.reduce((sum, signal) => sum + signal.weight, 0);
    if (total !== MAX_SCORE) {
      ctx.addIssue({ code: 'custom', path: ['signals'], message: `weights must sum to ${MAX_SCORE}, got ${total}` });
    }
  });

export type SignalDefinition = z.infer<typeof signalDefinitionSchema>;
export type ScoringModel = z.infer<typeof scoringModelSchema>;

/** Score that makes a lead product-qualified unless configured otherwise (`pqlThreshold`). */
export const DEFAULT_PQL_THRESHOLD = 60;

/** Tier bounds: cold < warm <= score < hot <= score. Fixed, independent of pqlThreshold. */
export const TIER_BOUNDS = { warm: 30, hot: 60 } as const;

export const DEFAULT_SCORING_MODEL: ScoringModel = deepFreeze({
  signals: [
    { key: 'logins_7d', label: 'Logins (7d)', weight: 10, threshold: 5 },
    { key: 'features_activated', label: 'Features activated', weight: 15, threshold: 3 },
    { key: 'team_invites', label: 'Team invites', weight: 20, threshold: 2 },
    { key: 'integrations_connected', label: 'Integration connected', weight: 25, threshold: 1 },
    { key: 'records_imported', label: 'Records imported', weight: 20, threshold: 100 },
    { key: 'active_days_14d', label: 'Active days (14d)', weight: 10, threshold: 7 },
  ],
});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
