/** Phone-number and location values as Attio stores them (people's `phone_numbers`, `primary_location`). */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const COUNTRY = /^[A-Z]{2}$/;

/**
 * `"+15558675309"` or `{original_phone_number, country_code}`. Attio validates against E.164 and keeps the
 * number as given beside its normalised form; a national number needs its country. Undefined when invalid.
 */
export function parsePhoneNumber(raw: unknown): Fields | undefined {
  const original = isObject(raw) ? raw.original_phone_number : raw;
  const given = isObject(raw) ? raw.country_code : undefined;
  if (
    typeof original !== 'string' ||
    (given !== undefined && given !== null && (typeof given !== 'string' || !COUNTRY.test(given)))
  ) {
    return undefined;
  }
  const country = typeof given === 'string' ? (given as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(original, country);
  if (!parsed?.isPossible()) return undefined;
  return {
    original_phone_number: original,
    country_code: country ?? parsed.country ?? parsed.getPossibleCountries()[0] ?? null,
    phone_number: parsed.number,
  };
}

export const LOCATION_FIELDS = [
  'line_1',
  'line_2',
  'line_3',
  'line_4',
  'locality',
  'region',
  'postcode',
  'country_code',
  'latitude',
  'longitude',
] as const;

/** A location object; absent parts are null. Coordinates are strings in Attio's output. Undefined when invalid. */
export function parseLocation(raw: unknown): Fields | undefined {
  if (!isObject(raw) || Object.keys(raw).some((k) => !(LOCATION_FIELDS as readonly string[]).includes(k)))
    return undefined;
  const fields: Fields = {};
  for (const key of LOCATION_FIELDS) {
    const v = raw[key];
    if (v === undefined || v === null) fields[key] = null;
    else if (
      (key === 'latitude' || key === 'longitude') &&
      (typeof v === 'number' || typeof v === 'string') &&
      Number.isFinite(Number(v))
    ) {
      fields[key] = String(v);
    } else if (typeof v === 'string' && key !== 'latitude' && key !== 'longitude') fields[key] = v;
    else return undefined;
  }
  if (fields.country_code !== null && !COUNTRY.test(String(fields.country_code))) return undefined;
  return fields;
}
