/**
 * Decay: a signal counts less the older its report is. Its weight halves every half-life, so a report one
 * half-life old counts half, two half-lives a quarter. No half-life (null) means no decay: today's rule,
 * where the latest report counts in full however old it is.
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

/** What a report of `reportedAt` still counts at `now`: 1 when fresh (or from the future), halving per half-life. */
export function decayFactor(reportedAt: number, now: number, halfLifeDays: number | null): number {
  if (halfLifeDays === null) return 1;
  const ageDays = (now - reportedAt) / DAY_MS;
  if (ageDays <= 0) return 1;
  return 0.5 ** (ageDays / halfLifeDays);
}

/** Milliseconds since the epoch of an ISO 8601 timestamp, a Date or a number, refusing what is no time at all. */
export function toEpochMs(time: string | number | Date): number {
  const ms = typeof time === 'number' ? time : typeof time === 'string' ? Date.parse(time) : time.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(`not a point in time: ${String(time)}`);
  return ms;
}
