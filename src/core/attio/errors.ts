/**
 * One error type for everything that can go wrong talking to Attio, carrying Attio's own
 * `{status_code, type, code, message}` and the decisions a caller needs: retry, back off, or re-authenticate.
 */

export type AttioErrorKind = 'http' | 'timeout' | 'network';

export interface AttioErrorDetails {
  kind: AttioErrorKind;
  method: string;
  path: string;
  status?: number;
  type?: string;
  code?: string;
  message: string;
  retryAfterMs?: number;
}

export class AttioError extends Error {
  override readonly name = 'AttioError';
  readonly kind: AttioErrorKind;
  readonly method: string;
  readonly path: string;
  /** HTTP status; undefined when no response arrived. */
  readonly status?: number;
  /** Attio's error `type`: `invalid_request_error`, `auth_error`, `rate_limit_error`, ... */
  readonly type?: string;
  /** Attio's error `code`: `value_not_found`, `uniqueness_conflict`, ... */
  readonly code?: string;
  readonly retryAfterMs?: number;

  constructor(details: AttioErrorDetails) {
    const where = `${details.method} ${details.path}`;
    const status =
      details.status === undefined ? details.kind : `${details.status}${details.code ? ` ${details.code}` : ''}`;
    super(`Attio ${where} failed (${status}): ${details.message}`);
    this.kind = details.kind;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.type = details.type;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Attio refused for load: the request was not processed and may be sent again after `retryAfterMs`. */
  get throttled(): boolean {
    return this.status === 429;
  }

  /** The token is missing, wrong, revoked or lacks a scope: retrying will not help until it is fixed. */
  get authFailure(): boolean {
    return this.status === 401 || this.status === 403;
  }

  /** Worth sending again later: throttling, server errors, timeouts and dropped connections. */
  get retryable(): boolean {
    if (this.status === undefined) return true;
    return this.status === 429 || this.status >= 500 || this.status === 408;
  }
}

const ATTIO_ERROR_BODY_KEYS = ['type', 'code', 'message'] as const;

/** Turns a non-2xx response into an AttioError, reading Attio's error body where there is one. */
export function classifyAttioResponse(
  request: { method: string; path: string },
  status: number,
  headers: Record<string, string | undefined>,
  body: unknown,
  now: number = Date.now(),
): AttioError {
  const fields: Partial<Record<(typeof ATTIO_ERROR_BODY_KEYS)[number], string>> = {};
  if (body && typeof body === 'object') {
    for (const key of ATTIO_ERROR_BODY_KEYS) {
      const value = (body as Record<string, unknown>)[key];
      if (typeof value === 'string') fields[key] = value;
    }
  }
  return new AttioError({
    kind: 'http',
    method: request.method,
    path: request.path,
    status,
    type: fields.type,
    code: fields.code,
    message: fields.message ?? `HTTP ${status}`,
    retryAfterMs: parseRetryAfter(headers['retry-after'], now),
  });
}

/**
 * `Retry-After` as delta-seconds or an HTTP date (Attio sends the date of the next second). Returns the wait
 * in milliseconds, never negative; undefined when the header is absent or unreadable.
 */
export function parseRetryAfter(header: string | undefined, now: number = Date.now()): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
