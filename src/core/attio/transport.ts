/**
 * The seam between the core and HTTP: the core builds requests, a transport delivers them. The default
 * transport uses got with p-queue (./got-transport.ts); the Segment adapter delivers through Segment's own
 * `request`. A transport resolves with any HTTP response (2xx or not) and rejects only when there is none.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryParams = Record<string, string | number | boolean | undefined>;

export interface AttioRequest {
  method: HttpMethod;
  /** Path below the API base URL, e.g. `/v2/objects/people/records`. Path segments are already encoded. */
  path: string;
  query?: QueryParams;
  body?: unknown;
  /** Counts against Attio's read budget (GET and the query endpoints) rather than the write budget. */
  read: boolean;
  /**
   * Safe to send again after an unknown outcome (5xx, timeout, reset). Creates are not: a retried create
   * after a lost response could duplicate, so those are re-run by the workflow, which looks before it creates.
   */
  idempotent: boolean;
}

export interface AttioResponse {
  status: number;
  headers: Record<string, string | undefined>;
  body: unknown;
}

export interface Transport {
  send(request: AttioRequest): Promise<AttioResponse>;
}

/** Appends the query string for a request's `query`, leaving out undefined values. */
export function buildPathWithQuery(request: Pick<AttioRequest, 'path' | 'query'>): string {
  const entries = Object.entries(request.query ?? {}).filter(
    (entry): entry is [string, string | number | boolean] => entry[1] !== undefined,
  );
  if (entries.length === 0) return request.path;
  const search = new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)]));
  return `${request.path}?${search.toString()}`;
}
