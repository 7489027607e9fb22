/**
 * Test harness: a running emulator plus `api()`, a fetch wrapper that records every exchange so a suite can
 * check all of them against Attio's OpenAPI document at the end (see `itConformsToOpenApi`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  EMULATOR_API_KEY,
  startEmulator,
  type EmulatorHandle,
  type EmulatorOptions,
} from '../../src/emulator/index.js';
import { loadAttioOpenApi, OPENAPI_ABSENT_MESSAGE, withoutKnownDocumentDefects } from './openapi.js';

export interface Exchange {
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseBody: unknown;
  /** false for deliberately malformed requests: only the response is checked against the document. */
  validRequest: boolean;
}

export interface ApiResponse {
  status: number;
  // Tests read response JSON by path; typing every Attio shape here would only restate the document.
  body: any;
  headers: Headers;
}

export interface CallOptions {
  query?: Record<string, string>;
  apiKey?: string | null;
  /** Marks a request that breaks the request schema on purpose (an error-case test). */
  invalidRequest?: boolean;
}

export interface EmulatorFixture {
  readonly emulator: EmulatorHandle;
  readonly exchanges: Exchange[];
  api(method: string, path: string, body?: unknown, options?: CallOptions): Promise<ApiResponse>;
}

/** Starts one emulator for the calling test file (beforeAll/afterAll). */
export function useEmulator(options: EmulatorOptions = {}): EmulatorFixture {
  let emulator: EmulatorHandle | undefined;
  const exchanges: Exchange[] = [];
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  return {
    get emulator(): EmulatorHandle {
      if (!emulator) throw new Error('emulator not started');
      return emulator;
    },
    exchanges,
    async api(method, path, body, callOptions = {}) {
      if (!emulator) throw new Error('emulator not started');
      const query = callOptions.query ?? {};
      const search = new URLSearchParams(query).toString();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const apiKey = callOptions.apiKey === undefined ? EMULATOR_API_KEY : callOptions.apiKey;
      if (apiKey !== null) headers.authorization = `Bearer ${apiKey}`;
      const response = await fetch(`${emulator.url}${path}${search ? `?${search}` : ''}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const parsed: unknown = text ? JSON.parse(text) : undefined;
      exchanges.push({
        method,
        path,
        query,
        requestBody: body,
        status: response.status,
        responseBody: parsed,
        validRequest: !callOptions.invalidRequest,
      });
      return { status: response.status, body: parsed, headers: response.headers };
    },
  };
}

/**
 * Registers a last test that validates every exchange of the file against the OpenAPI document (requests
 * against request schemas, responses against the schema of their status), skipped when the document is absent.
 */
export function itConformsToOpenApi(fixture: EmulatorFixture): void {
  const openapi = loadAttioOpenApi();
  if (!openapi) {
    console.warn(OPENAPI_ABSENT_MESSAGE);
    it.skip(`every exchange validates against the OpenAPI document (${OPENAPI_ABSENT_MESSAGE})`, () => {});
    return;
  }
  it('every request and response of this suite validates against the Attio OpenAPI document', () => {
    const documented = fixture.exchanges.filter((x) => openapi.findOperation(x.method, x.path));
    expect(documented.length).toBeGreaterThan(0);
    const problems = documented.flatMap((x) => {
      const label = `${x.method} ${x.path} -> ${x.status}`;
      const request = x.validRequest
        ? openapi.validateRequest({ method: x.method, path: x.path, query: x.query, body: x.requestBody })
        : [];
      const response = withoutKnownDocumentDefects(
        x.responseBody,
        openapi.validateResponse({ method: x.method, path: x.path, status: x.status, body: x.responseBody }),
      );
      return [...request.map((e) => `${label} request: ${e}`), ...response.map((e) => `${label} response: ${e}`)];
    });
    expect(problems).toEqual([]);
  });
}

/** `{data: {values}}` for record writes. */
export const values = (v: Record<string, unknown>) => ({ data: { values: v } });

/** One request to an emulator at `url` with `token` (default: the connector's key; a member token acts as a rep). */
export async function callEmulator(
  url: string,
  method: string,
  path: string,
  body?: unknown,
  token: string = EMULATOR_API_KEY,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
