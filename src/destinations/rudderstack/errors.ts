/**
 * Translates the core's failure categories (src/core/failures.ts decides them) into rudder-transformer's
 * error classes, whose `status` and `statTags` tell rudder-server whether to retry, back off or abort.
 */
import {
  AbortedError,
  ConfigurationError,
  InstrumentationError,
  RetryableError,
  ThrottledError,
  TransformationError,
  UnauthorizedError,
  type BaseError,
} from '@rudderstack/integrations-lib';
import type { Failure } from '../../core/failures.js';

export function toRudderError(failure: Failure): BaseError {
  const { message } = failure;
  switch (failure.category) {
    case 'invalid-event':
      return new InstrumentationError(message);
    case 'unknown-person':
      // Retryable while its identify may still arrive; after that, the event as sent can never apply.
      return failure.retryable ? new RetryableError(message) : new InstrumentationError(message);
    case 'config':
      return new ConfigurationError(message);
    case 'auth':
      return new UnauthorizedError(message, failure.status ?? 401);
    case 'throttled':
      return new ThrottledError(message);
    case 'retryable':
      return new RetryableError(message, 500);
    case 'attio-rejected':
      return new AbortedError(message, isClientError(failure.status) ? failure.status : 400);
    case 'internal':
      // Unexpected: rudder-transformer's default for an error it did not classify is 500, which rudder-server
      // retries (and aborts after its retry window) rather than dropping the event at once.
      return new TransformationError(message, 500);
  }
}

function isClientError(status: number | undefined): status is number {
  return status !== undefined && status >= 400 && status < 500 && status !== 429;
}

/** Removes a secret from a message, should any layer ever have echoed it. */
export function redact(message: string, secret: string | undefined): string {
  return secret !== undefined && secret.length >= 4 ? message.split(secret).join('[redacted]') : message;
}
