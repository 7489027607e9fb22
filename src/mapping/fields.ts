import { z } from 'zod';
import { normaliseDomain, normaliseEmail } from '../core/domains/normalise.js';
import { MILESTONE_KEY, MILESTONE_KEY_REASON } from '../core/config/schema.js';
import { EMPLOYEE_RANGES, employeeRangeOf, type EmployeeRange } from '../core/scoring/fit.js';

/**
 * Field-level checks for event payloads: each turns one raw value into a normalised value or a reason.
 * They are plain functions so that the zod schemas and the tracking-plan-dependent lookups (signals,
 * timestamps by precedence) share them; reasons never repeat the value, which may be personal data.
 */

export type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };
export type Check<T> = (input: unknown) => Checked<T>;

export const MESSAGE_ID_MAX = 200;
export const ID_MAX = 200;
export const NAME_MAX = 200;
export const TEXT_MAX = 2000;

const REQUIRED: Checked<never> = { ok: false, reason: 'is required' };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const problem = (reason: string): Checked<never> => ({ ok: false, reason });

/** Segment libraries send null (and forms send "") for a value that is not set: both mean absent. */
export function isAbsent(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

function kindOf(input: unknown): string {
  if (Array.isArray(input)) return 'an array';
  if (input === null) return 'null';
  return typeof input === 'object' ? 'an object' : `a ${typeof input}`;
}

/** Ids, names and titles are one line: no control characters but tab and newline. */
const LINE_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;
/** Free text (a handoff reason) may also carry the carriage returns of a pasted paragraph. */
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export function checkText(max: number, control: RegExp = LINE_CONTROL): Check<string> {
  return (input) => {
    if (isAbsent(input)) return REQUIRED;
    if (typeof input !== 'string') return problem(`must be a string, got ${kindOf(input)}`);
    const text = input.trim();
    if (text.length > max) return problem(`must be at most ${max} characters`);
    if (control.test(text)) return problem('must not contain control characters');
    return ok(text);
  };
}

export const checkName = checkText(NAME_MAX);
export const checkFreeText = checkText(TEXT_MAX, TEXT_CONTROL);

/** Ids are strings; numeric ids (common in SQL-backed products) are accepted and stringified. */
export function checkId(max: number): Check<string> {
  const asText = checkText(max);
  return (input) => {
    if (typeof input === 'number')
      return Number.isFinite(input) ? ok(String(input)) : problem('must be a finite number');
    if (!isAbsent(input) && typeof input !== 'string')
      return problem(`must be a string or number, got ${kindOf(input)}`);
    return asText(input);
  };
}

export const checkEmail: Check<string> = (input) => {
  if (isAbsent(input)) return REQUIRED;
  if (typeof input !== 'string') return problem(`must be a string, got ${kindOf(input)}`);
  const email = normaliseEmail(input);
  return email === undefined ? problem('must be a valid email address') : ok(email);
};

export const checkDomain: Check<string> = (input) => {
  if (isAbsent(input)) return REQUIRED;
  if (typeof input !== 'string') return problem(`must be a string, got ${kindOf(input)}`);
  const domain = normaliseDomain(input);
  return domain === undefined ? problem('must be a website or domain name such as acme.com') : ok(domain);
};

/** A usage count: a finite number >= 0. Strings are refused — a tracking plan sends numbers. */
export const checkCount: Check<number> = (input) => {
  if (input === undefined || input === null) return REQUIRED;
  if (typeof input !== 'number') return problem(`must be a number, got ${kindOf(input)}`);
  if (!Number.isFinite(input)) return problem('must be a finite number');
  return input < 0 ? problem('must be >= 0') : ok(input);
};

const HEAD_COUNT = /^(\d[\d,]*)\s*(k)?$/i;
const HEAD_COUNT_RANGE = /^(\d[\d,]*)\s*(k)?\s*(?:-|–|to)\s*\d[\d,]*\s*k?$/i;
const HEAD_COUNT_OPEN = /^(\d[\d,]*)\s*(k)?\s*\+$/i;

/**
 * A group's `employees` trait as Attio's employee range: a head count (`4500`, `"4,500"`), a range
 * (`"51-200"`, `"1K-5K"`) or an open range (`"10000+"`), each put in the band of its lower bound.
 */
export const checkEmployees: Check<EmployeeRange> = (input) => {
  if (isAbsent(input)) return REQUIRED;
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 ? ok(employeeRangeOf(input)) : problem('must be a head count >= 0');
  }
  if (typeof input !== 'string') return problem(`must be a number or a range such as 51-250, got ${kindOf(input)}`);
  const text = input.trim();
  const band = EMPLOYEE_RANGES.find((range) => range.toLowerCase() === text.toLowerCase());
  if (band !== undefined) return ok(band);
  const match = HEAD_COUNT.exec(text) ?? HEAD_COUNT_RANGE.exec(text) ?? HEAD_COUNT_OPEN.exec(text);
  if (match === null) return problem('must be a head count or a range such as 51-250');
  const lower = Number((match[1] ?? '').replace(/,/g, '')) * (match[2] === undefined ? 1 : 1000);
  return ok(employeeRangeOf(lower));
};

export const checkMilestoneKey: Check<string> = (input) => {
  if (isAbsent(input)) return REQUIRED;
  if (typeof input !== 'string') return problem(`must be a string, got ${kindOf(input)}`);
  const key = input.trim();
  return MILESTONE_KEY.test(key) ? ok(key) : problem(MILESTONE_KEY_REASON);
};

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
const MAX_EPOCH_MS = 8.64e15;

/**
 * What SDKs send (`Date.prototype.toISOString`): a value already in the form this check returns. Years from
 * 1000 only: the calendar check below reads years 0-99 as 1900-1999, and must decide those alike.
 */
const CANONICAL_ISO = /^[1-9]\d{3}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** An ISO 8601 string or epoch milliseconds, as an ISO string. A date-time without an offset is UTC. */
export const checkTimestamp: Check<string> = (input) => {
  // Every event has a timestamp: the canonical form that reads back unchanged is a real date and time,
  // taken without the general parse below.
  if (typeof input === 'string' && CANONICAL_ISO.test(input)) {
    const ms = Date.parse(input);
    if (!Number.isNaN(ms) && new Date(ms).toISOString() === input) return ok(input);
  }
  if (isAbsent(input)) return REQUIRED;
  if (typeof input === 'number') {
    return Number.isFinite(input) && input >= 0 && input <= MAX_EPOCH_MS
      ? ok(new Date(input).toISOString())
      : problem('must be epoch milliseconds (>= 0)');
  }
  if (typeof input !== 'string')
    return problem(`must be an ISO 8601 string or epoch milliseconds, got ${kindOf(input)}`);
  const match = ISO_DATE_TIME.exec(input.trim());
  if (match === null) return problem('must be an ISO 8601 date-time or epoch milliseconds');
  const [, year, month, day, hour = '0', minute = '0', second = '0', zone] = match;
  if (!isCalendarTime(Number(year), Number(month), Number(day), Number(hour), Number(minute), Number(second))) {
    return problem('is not a real date and time');
  }
  const text = input.trim().replace(' ', 'T');
  const withZone = match[4] !== undefined && zone === undefined ? `${text}Z` : text;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms)
    ? problem('must be an ISO 8601 date-time or epoch milliseconds')
    : ok(new Date(ms).toISOString());
};

function isCalendarTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): boolean {
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

// One transform per field, absent values handled in it: a preprocess and a nested pipe per field cost more
// than the check itself, and every event runs a few dozen fields at intake.

/** A zod field from a check: absent (missing, null, blank) is an error. */
export function requiredField<T>(check: Check<T>) {
  return z.unknown().transform((input, ctx): T => valueOrIssue(isAbsent(input) ? REQUIRED : check(input), ctx));
}

/** A zod field from a check: absent (missing, null, blank) is undefined. */
export function optionalField<T>(check: Check<T>) {
  return z
    .unknown()
    .transform((input, ctx): T | undefined => (isAbsent(input) ? undefined : valueOrIssue(check(input), ctx)))
    .optional();
}

/** A nested object that may be absent; present, it must be an object. Unknown keys are stripped. */
export function optionalObject<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.preprocess((input) => (input === null ? undefined : input), z.object(shape).optional());
}

function valueOrIssue<T>(checked: Checked<T>, ctx: z.RefinementCtx): T {
  if (checked.ok) return checked.value;
  ctx.addIssue({ code: 'custom', message: checked.reason });
  return z.NEVER;
}
