/**
 * Test data in the form action-destinations' snapshot tests generate it (their `generateTestData`, written
 * here from its documented behaviour): a value for each field from the field's type, format and choices,
 * drawn from a `chance` generator seeded with `<Destination>#<action>` — a fresh generator for every value,
 * so fields of one kind get the same value — and, for "required fields" tests, only the fields that are
 * required or whose name holds `id` or `consent`. chance is pinned at 1.1.8, the version Segment's lockfile
 * holds, so the values are the ones Segment's own runs draw.
 */
import type { DestinationDefinition, GlobalSetting, InputField } from '@segment/actions-core';
import Chance from 'chance';

type Field = Pick<
  InputField,
  'type' | 'format' | 'choices' | 'minimum' | 'maximum' | 'multiple' | 'properties' | 'required'
>;

/** Segment's fixed date for datetime fields, so snapshots do not move with the clock. */
const TEST_DATETIME = '2021-02-01T00:00:00.000Z';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function stringFor(chance: Chance.Chance, format: Field['format']): string {
  switch (format) {
    case 'date': {
      const date = chance.date();
      return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
    }
    case 'date-time':
      return chance.date().toISOString();
    case 'email':
      return chance.email();
    case 'hostname':
      return chance.domain();
    case 'ipv4':
      return chance.ip();
    case 'ipv6':
      return chance.ipv6();
    case 'time': {
      const date = chance.date();
      return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    }
    case 'uri':
      return chance.url();
    case 'uuid':
      return chance.guid();
    default:
      return chance.string();
  }
}

/** One field's value: by its name first (email, currency, phone number), then its choices, then its type. */
export function valueFor(seedName: string, name: string, field: Field): unknown {
  const chance = new Chance(seedName);
  if (name === 'email') return chance.email();
  if (name === 'currency') return chance.currency().code;
  if (name === 'phone_number') return `+${chance.phone({ formatted: false })}`;
  if (field.choices !== undefined && field.choices.length > 0) {
    const choice = chance.pickone([...field.choices] as Array<string | { value: string | number }>);
    return typeof choice === 'object' ? choice.value : choice;
  }
  // Segment tests the bounds for truthiness: a bound of 0 is no bound.
  const bounds = { ...(field.minimum ? { min: field.minimum } : {}), ...(field.maximum ? { max: field.maximum } : {}) };
  switch (field.type) {
    case 'boolean':
      return chance.bool();
    case 'datetime':
      return TEST_DATETIME;
    case 'integer':
      return chance.integer(bounds);
    case 'number':
      return chance.floating({ ...bounds, fixed: 2 });
    case 'text':
      return chance.sentence();
    case 'object':
      return { testType: chance.string() };
    default:
      return stringFor(chance, field.format);
  }
}

function fieldValue(seedName: string, name: string, field: Field, isRequiredOnly: boolean): unknown {
  let value: unknown;
  if (name === 'consent') value = { categoryPreferences: { analytics: true, marketing: false } };
  else if (field.type === 'object' && field.properties !== undefined)
    value = fieldValues(seedName, field.properties as Record<string, Field>, isRequiredOnly, false);
  else value = valueFor(seedName, name, field);
  return field.multiple === true ? [value] : value;
}

function fieldValues(
  seedName: string,
  fields: Record<string, Field>,
  isRequiredOnly: boolean,
  keepIdentifiers: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const kept =
      !isRequiredOnly ||
      Boolean(field.required) ||
      (keepIdentifiers && (name.includes('id') || name.includes('consent')));
    if (kept) out[name] = fieldValue(seedName, name, field, isRequiredOnly);
  }
  return out;
}

/** `[eventData, settingsData]` for one action, as Segment's snapshot tests take them. */
export function generateTestData<Settings>(
  seedName: string,
  destination: DestinationDefinition<Settings>,
  action: { fields: Record<string, InputField> },
  isRequiredOnly: boolean,
): [Record<string, unknown>, Record<string, unknown>] {
  const settings: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries<GlobalSetting>(
    (destination.authentication?.fields ?? {}) as Record<string, GlobalSetting>,
  )) {
    // Settings get no name-based values: only their type and format count.
    settings[name] = valueFor(seedName, '', setting as Field);
  }
  return [fieldValues(seedName, action.fields as Record<string, Field>, isRequiredOnly, true), settings];
}
