/**
 * rudder-transformer's network mocks (a destination's network.ts: `{httpReq, httpRes}` items, registered
 * with axios-mock-adapter by its component tests) served by nock instead: each item answers the requests
 * with its method, URL, query (`params`) and, for a body-carrying method, its exact JSON body; the headers
 * it names must match, others may differ. Items stay for the whole run, and when two items match the same
 * request the first one answers, as in their runner (each item's header matcher is a function of its own,
 * so axios-mock-adapter keeps every item and answers with the first match).
 */
import nock from 'nock';

export interface MockHttpCall {
  httpReq: {
    url: string;
    method: string;
    data?: unknown;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  };
  httpRes: { status: number; data?: unknown; headers?: Record<string, string> };
}

export function serveNetworkCalls(calls: readonly MockHttpCall[]): void {
  const served = new Set<string>();
  for (const { httpReq, httpRes } of calls) {
    const key = JSON.stringify(httpReq);
    if (served.has(key)) continue;
    served.add(key);
    const url = new URL(httpReq.url);
    const scope = nock(url.origin, { reqheaders: httpReq.headers ?? {} }).persist();
    const method = httpReq.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const interceptor =
      method === 'get' || httpReq.data === undefined
        ? scope[method](url.pathname)
        : scope[method](url.pathname, httpReq.data as nock.RequestBodyMatcher);
    interceptor.query(httpReq.params ?? {}).reply(httpRes.status, httpRes.data as nock.Body, httpRes.headers);
  }
}
