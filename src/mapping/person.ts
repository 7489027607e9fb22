import { InvalidEventError } from '../core/errors.js';
import type { PersonKey, PersonName } from '../core/intents.js';

/** Drops keys whose value is undefined, so an intent holds only what the event carried. */
export function definedOnly<T extends object>(value: T): T {
  // A plain loop: this runs several times per event at intake, where entries/filter/fromEntries showed up.
  const defined: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined) continue;
    // An own `__proto__` key stays a plain key, as Object.fromEntries would keep it.
    if (key === '__proto__')
      Object.defineProperty(defined, key, { value: field, enumerable: true, writable: true, configurable: true });
    else defined[key] = field;
  }
  return defined as T;
}

/** Traits from `context.traits` and the message's own `traits`; the message's own win, key by key. */
export function mergeTraits<T extends object>(contextTraits: T | undefined, traits: T | undefined): Partial<T> {
  return { ...definedOnly(contextTraits ?? {}), ...definedOnly(traits ?? {}) };
}

export interface NameTraits {
  name?: string | undefined;
  firstName?: string | undefined;
  lastName?: string | undefined;
  first_name?: string | undefined;
  last_name?: string | undefined;
}

/**
 * A person's name from `name`, `firstName`/`lastName` or `first_name`/`last_name`. A lone full name is
 * split at its first space (`Ada King Lovelace` -> `Ada` + `King Lovelace`); parts are joined into a full name.
 */
export function personName(traits: NameTraits): PersonName | undefined {
  const fullName = traits.name?.replace(/\s+/g, ' ');
  const firstName = traits.firstName ?? traits.first_name;
  const lastName = traits.lastName ?? traits.last_name;
  if (fullName !== undefined) {
    if (firstName !== undefined || lastName !== undefined) return definedOnly({ firstName, lastName, fullName });
    const space = fullName.indexOf(' ');
    if (space === -1) return { firstName: fullName, fullName };
    return { firstName: fullName.slice(0, space), lastName: fullName.slice(space + 1), fullName };
  }
  if (firstName === undefined && lastName === undefined) return undefined;
  return definedOnly({ firstName, lastName, fullName: [firstName, lastName].filter(Boolean).join(' ') });
}

/** The person an event is about: its email when it has one, and its userId. At least one is required. */
export function requirePerson(email: string | undefined, userId: string | undefined): PersonKey {
  if (email === undefined && userId === undefined) {
    throw new InvalidEventError(
      'userId',
      'is required when no email is given (traits.email, context.traits.email or properties.email)',
    );
  }
  return definedOnly({ email, userId });
}

/** The person an event may name (group calls): undefined when it names none. */
export function optionalPerson(email: string | undefined, userId: string | undefined): PersonKey | undefined {
  return email === undefined && userId === undefined ? undefined : definedOnly({ email, userId });
}

/** `2024-05-01T09:30:00.000Z` -> `2024-05-01` (UTC, as Attio date attributes expect). */
export function isoDate(timestamp: string): string {
  return timestamp.slice(0, 10);
}
