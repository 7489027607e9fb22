/** Attio's error body: `{status_code, type, code, message}`. Thrown by handlers, rendered by the server. */
export type AttioErrorType = 'invalid_request_error' | 'auth_error' | 'rate_limit_error';

export class AttioApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: AttioErrorType,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }

  toBody(): { status_code: number; type: AttioErrorType; code: string; message: string } {
    return { status_code: this.status, type: this.type, code: this.code, message: this.message };
  }
}

export const notFound = (message: string): AttioApiError =>
  new AttioApiError(404, 'invalid_request_error', 'not_found', message);

export const valueNotFound = (message: string): AttioApiError =>
  new AttioApiError(400, 'invalid_request_error', 'value_not_found', message);

export const validationType = (message: string): AttioApiError =>
  new AttioApiError(400, 'invalid_request_error', 'validation_type', message);

export const missingValue = (message: string): AttioApiError =>
  new AttioApiError(400, 'invalid_request_error', 'missing_value', message);

export const uniquenessConflict = (message: string): AttioApiError =>
  new AttioApiError(400, 'invalid_request_error', 'uniqueness_conflict', message);

export const multipleMatchResults = (message: string): AttioApiError =>
  new AttioApiError(400, 'invalid_request_error', 'multiple_match_results', message);

export const filterError = (message: string): AttioApiError =>
  new AttioApiError(400, 'invalid_request_error', 'filter_error', message);

export const authError = (): AttioApiError =>
  new AttioApiError(
    401,
    'auth_error',
    'invalid_authentication',
    'Authentication failed. Please provide a valid access token.',
  );

export const rateLimitError = (): AttioApiError =>
  new AttioApiError(429, 'rate_limit_error', 'rate_limit_exceeded', 'Rate limit exceeded, please try again later.');
