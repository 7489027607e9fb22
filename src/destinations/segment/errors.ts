/**
 * Failures, as the core classified them, in Segment's terms: the error class a single perform throws and
 * the status an item of a batch reports. One table, so both paths agree. Nothing here re-decides what a
 * failure means; messages come from the core, which never includes the API key.
 */
import type { ErrorCodes, MultiStatusResponse } from '@segment/actions-core';
import {
  APIError,
  IntegrationError,
  InvalidAuthenticationError,
  PayloadValidationError,
  RetryableError,
  getErrorCodeFromHttpStatus,
} from '@segment/actions-core';
import type { Failure } from '../../core/failures.js';

type ErrorType = keyof typeof ErrorCodes;
type ErrorResponse = Parameters<MultiStatusResponse['pushErrorResponse']>[0];

/** IntegrationError codes this destination raises. */
export const ERROR_CODES = { config: 'INVALID_CONFIGURATION', internal: 'INTERNAL_ERROR' } as const;

interface Translation {
  status: number;
  errortype: ErrorType;
  error(): Error;
}

/** Attio refused the request as sent: a 400-class answer is about the payload; other statuses are reported as they are. */
function attioRejected(failure: Failure): Translation {
  const status = failure.status ?? 400;
  if (status === 400 || status === 422) {
    return {
      status: 400,
      errortype: 'PAYLOAD_VALIDATION_FAILED',
      error: () => new PayloadValidationError(failure.message),
    };
  }
  return { status, errortype: getErrorCodeFromHttpStatus(status), error: () => new APIError(failure.message, status) };
}

export function translateFailure(failure: Failure): Translation {
  const { message } = failure;
  switch (failure.category) {
    case 'invalid-event':
      return { status: 400, errortype: 'PAYLOAD_VALIDATION_FAILED', error: () => new PayloadValidationError(message) };
    case 'unknown-person':
      return failure.retryable
        ? { status: 503, errortype: 'RETRYABLE_ERROR', error: () => new RetryableError(message, 503) }
        : { status: 400, errortype: 'PAYLOAD_VALIDATION_FAILED', error: () => new PayloadValidationError(message) };
    case 'attio-rejected':
      return attioRejected(failure);
    case 'config':
      return {
        status: 400,
        errortype: 'BAD_REQUEST',
        error: () => new IntegrationError(message, ERROR_CODES.config, 400),
      };
    case 'auth':
      return { status: 401, errortype: 'INVALID_AUTHENTICATION', error: () => new InvalidAuthenticationError(message) };
    case 'throttled':
      return { status: 429, errortype: 'TOO_MANY_REQUESTS', error: () => new RetryableError(message, 429) };
    case 'retryable': {
      const status = retryableStatus(failure.status);
      return { status, errortype: 'RETRYABLE_ERROR', error: () => new RetryableError(message, status) };
    }
    case 'internal':
      return {
        status: 500,
        errortype: 'UNKNOWN_ERROR',
        error: () => {
          const error = new IntegrationError(message, ERROR_CODES.internal, 500);
          // The core classifies an internal failure as not worth retrying: the same input fails the same way.
          error.retry = false;
          return error;
        },
      };
  }
}

type RetryableStatus = ConstructorParameters<typeof RetryableError>[1] & number;
const RETRYABLE_STATUSES: readonly number[] = [
  408, 423, 429, 500, 502, 503, 504, 505, 506, 507, 508, 509, 510, 511, 598, 599,
];

function retryableStatus(status: number | undefined): RetryableStatus {
  return status !== undefined && RETRYABLE_STATUSES.includes(status) ? (status as RetryableStatus) : 503;
}

/** The error a single perform throws for `failure`. */
export function errorFor(failure: Failure): Error {
  return translateFailure(failure).error();
}

/** The multi-status entry of a batch item that failed. Attio's answer, when there was one, is the body. */
export function errorResponseFor(failure: Failure): ErrorResponse {
  const { status, errortype } = translateFailure(failure);
  return {
    status,
    errortype,
    errormessage: failure.message,
    ...(failure.status === undefined ? {} : { body: { category: failure.category, attioStatus: failure.status } }),
  };
}
