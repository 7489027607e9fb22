/**
 * Errors the core raises, classified once so that every adapter can translate them without re-deciding.
 * Messages never include secrets: callers pass field names and reasons, not payload values that could hold them.
 */

/** An event that can never succeed as sent: non-retryable, names the field, and no write happened. */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

/** A setting (connector configuration or the Attio workspace it points at) that prevents the work. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly setting: string,
    readonly reason: string,
  ) {
    super(`${setting}: ${reason}`);
  }
}

/**
 * The person an event refers to is not known yet. Retryable while the event is young (its identify may still
 * be on the way); adapters turn it into a rejection once `retryable` is false.
 */
export class PersonNotResolvedError extends Error {
  override readonly name = 'PersonNotResolvedError';
  constructor(
    readonly field: string,
    readonly reason: string,
    readonly retryable: boolean,
  ) {
    super(`${field}: ${reason}`);
  }
}
