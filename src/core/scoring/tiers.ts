import { z } from 'zod';
import { TIER_BOUNDS } from './model.js';

/**
 * Tiers: named score bands (hot / warm / cold by default) for people and for accounts. A band holds every
 * score from its `min` up to the next band's `min`; the lowest band starts at 0 so that every score has a
 * tier. Names become select options in Attio, so they follow the option titles' rules (one line, short).
 */

const tierBandSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[^\u0000-\u001F\u007F]*$/, { error: 'must not contain control characters' }),
  min: z.number().min(0).max(100),
});

export const tierBandsSchema = z
  .array(tierBandSchema)
  .min(1, { error: 'must list at least one tier' })
  .max(10, { error: 'must have at most 10 tiers' })
  .superRefine((bands, ctx) => {
    const names = new Set<string>();
    const mins = new Set<number>();
    bands.forEach((band, index) => {
      const name = band.name.toLowerCase();
      if (names.has(name))
        ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `duplicate tier "${band.name}"` });
      if (mins.has(band.min))
        ctx.addIssue({ code: 'custom', path: [index, 'min'], message: `another tier already starts at ${band.min}` });
      names.add(name);
      mins.add(band.min);
    });
    if (!mins.has(0))
      ctx.addIssue({ code: 'custom', message: 'one tier must start at 0, so that every score has a tier' });
  });

export type TierBand = z.infer<typeof tierBandSchema>;

/** Today's bands for people and accounts alike: cold < 30 <= warm < 60 <= hot. */
export const DEFAULT_TIER_BANDS: readonly TierBand[] = Object.freeze([
  Object.freeze({ name: 'hot', min: TIER_BOUNDS.hot }),
  Object.freeze({ name: 'warm', min: TIER_BOUNDS.warm }),
  Object.freeze({ name: 'cold', min: 0 }),
]);

/** A fresh, mutable copy of the default bands (a schema default must not share the frozen one). */
export function defaultTierBands(): TierBand[] {
  return DEFAULT_TIER_BANDS.map((band) => ({ ...band }));
}

/** The name of the band `score` falls in: the band with the highest `min` at or below the score. */
export function tierOf(score: number, bands: readonly TierBand[] = DEFAULT_TIER_BANDS): string {
  let best: TierBand | undefined;
  for (const band of bands) {
    if (band.min <= score && (best === undefined || band.min > best.min)) best = band;
  }
  // A valid band list has a band at 0; a negative score cannot occur. The lowest band is the safe answer.
  return (best ?? lowestBand(bands)).name;
}

/** The bands from the highest to the lowest, as a report lists them. */
export function bandsHighestFirst(bands: readonly TierBand[]): TierBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

function lowestBand(bands: readonly TierBand[]): TierBand {
  const lowest = [...bands].sort((a, b) => a.min - b.min)[0];
  if (lowest === undefined) throw new RangeError('a tier list needs at least one band');
  return lowest;
}
