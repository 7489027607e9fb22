/**
 * rudder-transformer's network mocks (a destination's network.ts: `{httpReq, httpRes}` items, registered
 * with axios-mock-adapter by its component tests) served by nock instead: each item answers the requests
 * with its method, URL, query (`params`) and, for a body-carrying method, its exact JSON body; the headers
 * it names must match, others may differ. Items stay for the whole run. Beyond their runner: items with
 * the same request answer in turn and the last one stays, for a case that reads, creates, then reads again
 * (the transformer's notes and tasks converge that way); theirs would need a `mockFns` for that.
 */
import nock from 'nock';

export interface MockHttpCall {
  httpReq: { url: string; method: string; data?: unknown; params?: Record<string, string>; headers?: Record<string, string> };
  httpRes: { status: number; data?: unknown; headers?: Record<string, string> };
}

export function serveNetworkCalls(calls: readonly MockHttpCall[]): void {
  const lastOf = new Map(calls.map((call, index) => [JSON.stringify(call.httpReq), index]));
  calls.forEach(({ httpReq, httpRes }, index) => {
    const url = new URL(httpReq.url);
    const scope = nock(url.origin, { reqheaders: httpReq.headers ?? {} });
    if (lastOf.get(JSON.stringify(httpReq)) === index) scope.persist();
    const method = httpReq.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    const interceptor = method === 'get' || httpReq.data === undefined ? scope[method](url.pathname) : scope[method](url.pathname, httpReq.data as nock.RequestBodyMatcher);
    interceptor.query(httpReq.params ?? {}).reply(httpRes.status, httpRes.data as nock.Body, httpRes.headers);
  });
}
