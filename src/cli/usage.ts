/**
 * Usage errors and option parsers shared by the commands. A command used wrongly prints one line naming
 * the option and exits 2; commander reports its own parse errors (unknown options, missing arguments) the
 * same way (see ./main.ts).
 */
import { InvalidArgumentError } from 'commander';

/** A command used wrongly: the CLI prints the message on one line and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** An option parser for a whole number in [min, max]; its message names the option. */
export function wholeNumber(option: string, min: number, max: number): (raw: string) => number {
  return (raw) => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(`${option} must be a whole number from ${min} to ${max}, got "${raw}"`);
    }
    return value;
  };
}

const UNITS_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** An option parser for a duration such as `90s`, `15m`, `6h` or `1d` (a bare number is seconds); gives ms. */
export function duration(option: string): (raw: string) => number {
  return (raw) => {
    const match = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
    if (match === null || Number(match[1]) === 0)
      throw new InvalidArgumentError(`${option} must be a duration such as 90s, 15m, 6h or 1d, got "${raw}"`);
    return Number(match[1]) * (UNITS_MS[match[2] || 's'] as number);
  };
}
