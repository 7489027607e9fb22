/**
 * Attio value formats, in one place: how the connector writes each attribute type (always an array, one
 * element for single-value attributes) and reads the stored values Attio returns.
 */
import type { AttioRecord, AttioValue } from './schemas.js';

export interface RecordRef {
  target_object: string;
  target_record_id: string;
}

export const recordRef = (object: string, recordId: string): RecordRef => ({
  target_object: object,
  target_record_id: recordId,
});

export function personalName(name: { firstName?: string; lastName?: string; fullName: string }) {
  return { first_name: name.firstName ?? '', last_name: name.lastName ?? '', full_name: name.fullName };
}

/** `YYYY-MM-DD` of an ISO timestamp (UTC). */
export const dateOf = (iso: string): string => iso.slice(0, 10);

/** Values builder that leaves out what is undefined, so an absent trait never clears a stored one. */
export function values(entries: Record<string, unknown>): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [slug, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    out[slug] = Array.isArray(value) ? value : [value];
  }
  return out;
}

function stored(record: AttioRecord, slug: string): AttioValue[] {
  return (record.values[slug] ?? []).filter((v) => v.active_until === undefined || v.active_until === null);
}

function field(value: AttioValue | undefined, name: string): unknown {
  return value === undefined ? undefined : value[name];
}

export function readText(record: AttioRecord, slug: string): string | undefined {
  const value = field(stored(record, slug)[0], 'value');
  return typeof value === 'string' ? value : undefined;
}

export function readNumber(record: AttioRecord, slug: string): number | undefined {
  const value = field(stored(record, slug)[0], 'value');
  return typeof value === 'number' ? value : undefined;
}

/** Date or timestamp attribute, as its ISO string. */
export const readDate = readText;

export function readSelectTitles(record: AttioRecord, slug: string): string[] {
  return stored(record, slug)
    .map((v) => (v.option as { title?: unknown } | undefined)?.title)
    .filter((t): t is string => typeof t === 'string');
}

export function readRecordRef(record: AttioRecord, slug: string): string | undefined {
  const id = field(stored(record, slug)[0], 'target_record_id');
  return typeof id === 'string' ? id : undefined;
}

export function readRecordRefs(record: AttioRecord, slug: string): string[] {
  return stored(record, slug)
    .map((v) => v.target_record_id)
    .filter((id): id is string => typeof id === 'string');
}

export function readFullName(record: AttioRecord): string | undefined {
  const name = field(stored(record, 'name')[0], 'full_name') ?? field(stored(record, 'name')[0], 'value');
  return typeof name === 'string' && name.trim() !== '' ? name : undefined;
}

export function readDomains(record: AttioRecord): string[] {
  return stored(record, 'domains')
    .map((v) => v.domain)
    .filter((d): d is string => typeof d === 'string');
}

export function readEmails(record: AttioRecord): string[] {
  return stored(record, 'email_addresses')
    .map((v) => v.email_address)
    .filter((e): e is string => typeof e === 'string');
}

export const recordIdOf = (record: AttioRecord): string => record.id.record_id;
