/**
 * The one place that decides what a failure means: the event's fault (rejected, never retried), the
 * configuration's or the token's (fix and replay), or a passing condition (retry). Adapters translate these
 * categories into their platform's error classes; they do not re-decide.
 */
import { AttioError } from './attio/errors.js';
import { ConfigError, InvalidEventError, PersonNotResolvedError } from './errors.js';

export type FailureCategory =
  | 'invalid-event'
  | 'unknown-person'
  | 'attio-rejected'
  | 'config'
  | 'auth'
  | 'throttled'
  | 'retryable'
  | 'internal';

export interface Failure {
  category: FailureCategory;
  message: string;
  /** The event field or setting at fault, where there is one. */
  field?: string;
  retryable: boolean;
  retryAfterMs?: number;
  /** Attio's HTTP status, where Attio answered. */
  status?: number;
}

export function classifyFailure(error: unknown): Failure {
  if (error instanceof InvalidEventError) {
    return { category: 'invalid-event', message: error.message, field: error.field, retryable: false };
  }
  if (error instanceof PersonNotResolvedError) {
    return { category: 'unknown-person', message: error.message, field: error.field, retryable: error.retryable };
  }
  if (error instanceof ConfigError) {
    return { category: 'config', message: error.message, field: error.setting, retryable: false };
  }
  if (error instanceof AttioError) {
    const base = { message: error.message, status: error.status };
    if (error.authFailure) return { ...base, category: 'auth', retryable: false };
    if (error.throttled) return { ...base, category: 'throttled', retryable: true, retryAfterMs: error.retryAfterMs };
    if (error.retryable) return { ...base, category: 'retryable', retryable: true };
    return { ...base, category: 'attio-rejected', retryable: false };
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { category: 'internal', message, retryable: false };
}

/** Failures caused by the event itself: it is rejected and never sent again. The rest are delivery failures. */
export function isRejection(failure: Failure): boolean {
  return (
    failure.category === 'invalid-event' ||
    failure.category === 'attio-rejected' ||
    (failure.category === 'unknown-person' && !failure.retryable)
  );
}
