/**
 * How rudder-server's router sends one request of a `batchedRequest` (router/network.go `SendPost`): only
 * `type: "REST"` without files is sent (anything else "succeeds" unsent); the body is the first non-empty
 * format; `params` join the endpoint's query; the transformer's headers go out as given plus
 * `User-Agent: RudderLabs` (the router adds no Content-Type); no answer is a 504.
 */
import { gzipSync } from 'node:zlib';
import got from 'got';

/** `integrations.PostParametersT` as rudder-server unmarshals it. */
export interface PostParameters {
  type?: string;
  endpoint?: string;
  endpointPath?: string;
  method?: string;
  userId?: string;
  headers?: Record<string, string>;
  params?: Record<string, unknown>;
  body?: Record<string, unknown>;
  files?: Record<string, unknown>;
}

export interface SendPostResponse {
  status: number;
  body: string;
}

/** Go's `fmt.Sprint` for the JSON values a query parameter can hold. */
function sprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(sprint).join(' ')}]`;
  if (typeof value === 'object')
    return `map[${Object.entries(value)
      .map(([k, v]) => `${k}:${sprint(v)}`)
      .join(' ')}]`;
  return String(value);
}

function queryValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return JSON.stringify(value);
  return sprint(value);
}

type Payload = { body: string | Buffer | undefined; headers: Record<string, string> } | SendPostResponse;

/** The request body from `body`: `{JSON: {...}}` is marshalled; the other formats carry prepared strings. */
function payloadOf(body: Record<string, unknown>): Payload {
  let format: string | undefined;
  let value: Record<string, unknown> = {};
  for (const [name, candidate] of Object.entries(body)) {
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate))
      return { status: 500, body: '500 Invalid Router Payload: body value must be a map' };
    if (Object.keys(candidate).length > 0) {
      format = name;
      value = candidate as Record<string, unknown>;
      break;
    }
  }
  switch (format) {
    case undefined:
      return { body: undefined, headers: {} };
    case 'JSON':
      return { body: JSON.stringify(value), headers: {} };
    case 'JSON_ARRAY':
      return typeof value['batch'] === 'string'
        ? { body: value['batch'], headers: {} }
        : { status: 400, body: '400 Unable to parse json list. Unexpected transformer response' };
    case 'XML':
      return typeof value['payload'] === 'string'
        ? { body: value['payload'], headers: {} }
        : { status: 400, body: '400 Unable to construct xml payload. Unexpected transformer response' };
    case 'FORM':
      return {
        body: new URLSearchParams(Object.entries(value).map(([k, v]): [string, string] => [k, sprint(v)])).toString(),
        headers: {},
      };
    case 'GZIP':
      return typeof value['payload'] === 'string'
        ? { body: gzipSync(value['payload']), headers: { 'Content-Encoding': 'gzip' } }
        : { status: 400, body: '400 Unable to parse json list. Unexpected transformer response' };
    default:
      return { status: 500, body: `500 Invalid Router Payload: body format must be a map found format ${format}` };
  }
}

export async function sendPost(
  request: PostParameters,
  timeoutMs: number,
  onAttempt?: () => void,
): Promise<SendPostResponse> {
  const multipart = Object.keys(request.files ?? {}).length > 0;
  if (request.type !== 'REST' || multipart) return { status: 200, body: '' };
  const payload = payloadOf(request.body ?? {});
  if ('status' in payload) return payload;
  const method = request.method ?? '';
  let url: URL;
  try {
    url = new URL(request.endpoint ?? '');
  } catch {
    return { status: 400, body: `400 Unable to construct "${method}" request for URL : "${request.endpoint ?? ''}"` };
  }
  for (const [key, value] of Object.entries(request.params ?? {})) url.searchParams.append(key, queryValue(value));
  onAttempt?.();
  try {
    const response = await got(url, {
      method: method as 'POST',
      headers: { ...request.headers, ...payload.headers, 'User-Agent': 'RudderLabs' },
      ...(payload.body === undefined ? {} : { body: payload.body }),
      throwHttpErrors: false,
      retry: { limit: 0 },
      timeout: { request: timeoutMs },
      responseType: 'text',
    });
    const humanReadable = /^(text\/|application\/(json|xml)|.*\+(json|xml))/.test(
      response.headers['content-type'] ?? 'text/plain',
    );
    return {
      status: response.statusCode,
      body: humanReadable ? response.body : 'redacted due to unsupported content-type',
    };
  } catch (error) {
    // Only the error's code: got's error carries the request's options, headers (the token) included.
    const code = (error as { code?: string }).code ?? 'no response';
    return {
      status: 504,
      body: `504 Unable to make "${method}" request for URL : "${url.origin}${url.pathname}". Error: ${code}`,
    };
  }
}
